import type { ClickSink } from '../clicks/click-sink.ts';
import type { App } from '../http/types.ts';
import type { LinkCache } from '../links/link-cache.ts';
import { generateClickId } from '../links/generate-ids.ts';
import { classifyClick, type VisitorHasher } from './classify-click.ts';
import { NOT_FOUND_PAGE, UNAVAILABLE_PAGE } from './not-found-page.ts';

const CODE_RE = /^[0-9A-Za-z]{4,32}$/;
const COOKIE_MAX_AGE_S = 30 * 24 * 3600;

export type RedirectDeps = { cache: LinkCache; writer: ClickSink; hasher: VisitorHasher };

/**
 * GET/HEAD /r/:code — the hot path. Answers 302 only after the click is durable (group commit,
 * spool, or the NATS click stream), so every redirect a visitor got is a stored click. Unknown or
 * disabled codes get a 404 page, never a redirect.
 */
export function redirectRoutes(app: App, { cache, writer, hasher }: RedirectDeps): void {
  app.get('/r/:code', { logLevel: 'warn', schema: { hide: true } }, async (request, reply) => {
    const { code } = request.params as { code: string };
    const lookup = CODE_RE.test(code) ? await cache.get(code) : ({ kind: 'missing' } as const);
    if (lookup.kind !== 'found') {
      if (lookup.kind === 'invalid') request.log.warn({ code, reason: lookup.reason }, 'link destination refused');
      return reply.code(404).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(NOT_FOUND_PAGE);
    }
    const target = lookup.target;
    const clickId = `clk_${generateClickId()}`;
    const event = classifyClick({ id: clickId, target, method: request.method, headers: request.headers, ip: request.ip, now: new Date(), hasher });
    try {
      await writer.record(event);
    } catch {
      return reply.code(503).header('retry-after', '1').type('text/html; charset=utf-8').send(UNAVAILABLE_PAGE);
    }
    const secure = request.protocol === 'https' ? '; Secure' : '';
    return reply
      .code(302)
      .header('location', target.before + clickId + target.after)
      .header('cache-control', 'no-store')
      .header('set-cookie', `adv_click=${clickId}; Path=/; Max-Age=${COOKIE_MAX_AGE_S}; SameSite=Lax${secure}`)
      .send();
  });
}

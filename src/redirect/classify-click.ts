import type { IncomingHttpHeaders } from 'node:http';
import type { ClickEvent } from '../clicks/click-event.ts';
import { classifySource } from '../clicks/classify-source.ts';
import { classifyUserAgent } from '../clicks/classify-user-agent.ts';
import { dailySalt, hashIp, visitorKey } from '../clicks/hash-visitor.ts';
import { lookupCountry } from '../clicks/lookup-country.ts';
import type { RedirectTarget } from '../links/load-redirect-target.ts';

/**
 * Hashing salts: the IP hash stored on a click rotates daily; the uniqueness key uses a salt that
 * does not rotate (so a visit at 23:59 and 00:01 is one visitor) and lives only in click_uniques,
 * whose rows are deleted once the window has passed.
 */
export class VisitorHasher {
  #day = '';
  #salt = '';
  readonly #uniqueSalt: string;

  constructor(private readonly secret: string) {
    this.#uniqueSalt = `${secret}:uniques`;
  }

  ipHash(ip: string, now: Date): string {
    const day = now.toISOString().slice(0, 10);
    if (day !== this.#day) {
      this.#day = day;
      this.#salt = dailySalt(this.secret, now);
    }
    return hashIp(ip, this.#salt);
  }

  visitor(ip: string, userAgent: string): string {
    return visitorKey(hashIp(ip, this.#uniqueSalt), userAgent);
  }
}

function referrerHost(referrer: string | undefined): string | null {
  if (!referrer) return null;
  try {
    return new URL(referrer).hostname.slice(0, 255) || null;
  } catch {
    return null;
  }
}

/** Turns one request into a click event: who (hashed), from where, on what, and whether a bot. */
export function classifyClick(args: {
  id: string;
  target: RedirectTarget;
  method: string;
  headers: IncomingHttpHeaders;
  ip: string;
  now: Date;
  hasher: VisitorHasher;
}): ClickEvent {
  const { target, headers, ip, now } = args;
  const ua = headers['user-agent'] ?? '';
  const cls = classifyUserAgent({ userAgent: ua, method: args.method, headers });
  const referer = typeof headers.referer === 'string' ? headers.referer : undefined;
  return {
    id: args.id,
    workspaceId: target.workspaceId,
    linkId: target.linkId,
    influencerId: target.influencerId,
    campaignId: target.campaignId,
    clickedAt: now,
    ipHash: ip ? args.hasher.ipHash(ip, now) : null,
    visitorKey: args.hasher.visitor(ip, ua),
    uniqueWindowMs: target.uniqueWindowMs,
    country: ip ? lookupCountry(ip) : null,
    device: cls.device,
    os: cls.os,
    browser: cls.browser,
    inApp: cls.inApp,
    source: classifySource({ referrer: referer ?? null, inApp: cls.inApp }),
    referrerHost: referrerHost(referer),
    bot: cls.bot,
    botReason: cls.botReason,
  };
}

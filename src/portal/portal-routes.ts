import QRCode from 'qrcode';
import { z } from 'zod';
import { listCoupons } from '../coupons/index.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { creatorStatement, setPayoutDetails } from '../payouts/index.ts';
// The statement renderers are not in payouts' index (another change is open there); they are pure functions.
import { statementCsv, statementHtml } from '../payouts/creator-statement.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { clearCreatorCookie, creatorContextOf, registerCreatorAuth, setCreatorCookie } from './creator-auth.ts';
import { creatorEarnings } from './creator-earnings.ts';
import { endCreatorSession, type CreatorSession } from './creator-sessions.ts';
import { creatorStats } from './creator-stats.ts';
import { createCreatorLink } from './create-creator-link.ts';
import { getCreatorLink } from './get-creator-link.ts';
import { getCreatorPayoutDetails } from './get-creator-payout-details.ts';
import { listCreatorCampaigns } from './list-creator-campaigns.ts';
import { listCreatorConversions } from './list-creator-conversions.ts';
import { listCreatorDeliverables } from './list-creator-deliverables.ts';
import { listCreatorLinks } from './list-creator-links.ts';
import { loginCreator } from './login-creator.ts';
import { AcceptInvitationInput, CreateCreatorLinkInput, CreatorLoginInput, IdParams, PageQuery, StatementQuery, StatsQuery } from './schemas.ts';

const DAY_MS = 86400_000;
const sessionBody = (s: CreatorSession) => ({ creator: s.creator, csrfToken: s.csrfToken });

/**
 * The creator portal under /api/v1/portal/: its own cookie (adv_creator) and CSRF header, and
 * every answer scoped to the logged-in creator's workspace and influencer id from the session.
 */
// Count after the body is parsed (the key holds the email) and never let an attempt through uncounted.
const AFTER_BODY = { hook: 'preHandler', skipOnError: false } as const;

export function portalRoutes(app: App, { database, config }: RouteDeps): void {
  registerCreatorAuth(app, database);
  const tags = ['creator portal'];
  const baseUrl = (r: { protocol: string; host: string }) => config.publicUrl ?? `${r.protocol}://${r.host}`;
  const sys = (log: App['log']) => ({ db: database.db, actor: { kind: 'system' as const, name: 'portal' }, log });
  const ctxOf = (request: Parameters<typeof creatorContextOf>[0]) => creatorContextOf(request, database);

  app.post(
    '/api/v1/portal/accept',
    {
      config: { auth: 'public', rateLimit: { ...AFTER_BODY, max: 20, timeWindow: '15 minutes', keyGenerator: (r) => `portal-accept:${r.ip}` } },
      schema: { tags, summary: 'Accept an invitation: choose a password, get logged in (sets the adv_creator cookie)', body: AcceptInvitationInput },
    },
    async (request, reply) => {
      const { session, token } = await acceptInvitation({ ctx: sys(request.log), input: request.body });
      setCreatorCookie(reply, token);
      return sessionBody(session);
    },
  );
  app.post(
    '/api/v1/portal/login',
    {
      config: {
        auth: 'public',
        rateLimit: { ...AFTER_BODY, max: 10, timeWindow: '15 minutes', keyGenerator: (r) => `portal-login:${r.ip}:${String((r.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}` },
      },
      schema: { tags, summary: 'Creator login with email and password (sets the adv_creator cookie)', body: CreatorLoginInput },
    },
    async (request, reply) => {
      const { session, token } = await loginCreator({ ctx: sys(request.log), input: request.body });
      setCreatorCookie(reply, token);
      return sessionBody(session);
    },
  );
  app.post('/api/v1/portal/logout', { config: { auth: 'public' }, schema: { tags, summary: 'End the creator session' } }, async (request, reply) => {
    if (request.creatorSession) await endCreatorSession(database.db, request.creatorSession.id);
    clearCreatorCookie(reply);
    return reply.status(204).send();
  });
  app.get('/api/v1/portal/session', { schema: { tags, summary: 'The logged-in creator and the CSRF token for writes' } }, async (request) => sessionBody(request.creatorSession!));

  app.get('/api/v1/portal/campaigns', { schema: { tags, summary: 'Campaigns the creator works in (where they can make links)' } }, async (request) => ({
    data: await listCreatorCampaigns({ ctx: ctxOf(request) }),
  }));
  app.get('/api/v1/portal/links', { schema: { tags, summary: "The creator's links with short URLs and human clicks", querystring: PageQuery } }, async (request) =>
    listCreatorLinks({ ctx: ctxOf(request), input: { ...request.query, baseUrl: baseUrl(request) } }),
  );
  app.post('/api/v1/portal/links', { schema: { tags, summary: 'Make a link (e.g. a deep link to a product) in one of their campaigns', body: CreateCreatorLinkInput } }, async (request, reply) =>
    reply.status(201).send({ link: await createCreatorLink({ ctx: ctxOf(request), input: { body: request.body, baseUrl: baseUrl(request) } }) }),
  );
  app.get('/api/v1/portal/links/:id/qr.svg', { schema: { tags, summary: "QR code of one of the creator's short URLs (SVG)", params: IdParams } }, async (request, reply) => {
    const link = await getCreatorLink({ ctx: ctxOf(request), input: request.params });
    const svg = await QRCode.toString(`${baseUrl(request)}/r/${link.code}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return reply.type('image/svg+xml').header('cache-control', 'private, max-age=3600').send(svg);
  });
  app.get('/api/v1/portal/coupons', { schema: { tags, summary: "The creator's coupon codes" } }, async (request) => {
    const ctx = ctxOf(request);
    const coupons = await listCoupons({ ctx, input: { influencerId: ctx.influencerId, limit: 200 } });
    return { data: coupons.map(({ influencerId: _, ...c }) => c) };
  });
  app.get('/api/v1/portal/stats', { schema: { tags, summary: 'Human clicks, conversions and earnings per day (UTC, from and to included)', querystring: StatsQuery } }, async (request) =>
    creatorStats({ ctx: ctxOf(request), input: request.query }),
  );
  app.get('/api/v1/portal/conversions', { schema: { tags, summary: "The creator's conversions (order ids masked)", querystring: PageQuery } }, async (request) =>
    listCreatorConversions({ ctx: ctxOf(request), input: request.query }),
  );
  app.get('/api/v1/portal/earnings', { schema: { tags, summary: 'Balances per currency and commission lines', querystring: PageQuery } }, async (request) =>
    creatorEarnings({ ctx: ctxOf(request), input: request.query }),
  );
  app.get('/api/v1/portal/statement', { schema: { tags, summary: 'Statement of commissions, adjustments and payouts (HTML or CSV; default: the last 365 days)', querystring: StatementQuery } }, async (request, reply) => {
    const ctx = ctxOf(request);
    const to = request.query.to ?? new Date().toISOString().slice(0, 10);
    const from = request.query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 365 * DAY_MS).toISOString().slice(0, 10);
    const s = await creatorStatement({ ctx, input: { influencerId: ctx.influencerId, from: new Date(`${from}T00:00:00Z`), to: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS) } });
    if (request.query.format === 'csv') {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="statement-${from}-${to}.csv"`).send(statementCsv(s));
    }
    return reply.type('text/html; charset=utf-8').send(statementHtml(s));
  });
  app.get('/api/v1/portal/deliverables', { schema: { tags, summary: "The creator's deliverables with due dates and status" } }, async (request) => ({
    data: await listCreatorDeliverables({ ctx: ctxOf(request) }),
  }));
  app.get('/api/v1/portal/payout-details', { schema: { tags, summary: 'Where the creator is paid (IBAN masked)' } }, async (request) => ({
    payoutDetails: await getCreatorPayoutDetails({ ctx: ctxOf(request) }),
  }));
  app.put('/api/v1/portal/payout-details', { schema: { tags, summary: 'Set where the creator is paid: PayPal email, or IBAN/BIC and account holder', body: z.unknown() } }, async (request) => {
    const ctx = ctxOf(request);
    return { payoutDetails: await setPayoutDetails({ ctx, input: { influencerId: ctx.influencerId, details: request.body } }) };
  });
}

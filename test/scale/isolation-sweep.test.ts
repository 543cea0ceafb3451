import { createHmac } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripeEvent } from '../../src/integrations/stripe-events.test-helper.ts';
import { createTestEnv, ENGINES, type TestEnv } from '../helpers/engines.ts';
import { fullWorkspace, type FullWorkspace, type IdKind } from './full-workspace.ts';
import { fieldKindOf, idKindOf, loadOperations, type Method, type Operation } from './openapi-operations.ts';

const DUE = new Date(Date.now() + 7 * 86400_000).toISOString();

/** A valid body for each write that takes one, so the request gets past validation to the lookup. */
const VALID_BODY: Record<string, (w: FullWorkspace) => unknown> = {
  'PATCH /api/v1/influencers/{id}': () => ({ name: 'Renamed by the other workspace' }),
  'PUT /api/v1/influencers/{id}/niches': () => ({ niches: ['fitness'] }),
  'POST /api/v1/influencers/{id}/refresh/youtube': () => ({ apiKey: 'key', baseUrl: 'http://127.0.0.1:9/youtube/v3' }),
  'PATCH /api/v1/campaigns/{id}': () => ({ name: 'Renamed by the other workspace' }),
  'PATCH /api/v1/links/{id}': () => ({ disabled: true }),
  'PATCH /api/v1/coupons/{id}': () => ({ active: false }),
  'POST /api/v1/conversions/{id}/refunds': () => ({ refundId: 'r-cross', amount: 100, currency: 'USD' }),
  'POST /api/v1/conversions/{id}/review': () => ({ decision: 'reject' }),
  'POST /api/v1/commissions/{id}/reject': () => ({ reason: 'not yours to reject' }),
  'PUT /api/v1/campaigns/{id}/commission-plans/{influencerId}': () => ({ plan: { type: 'percent', percent: 50 } }),
  'POST /api/v1/payouts/batches/{id}/mark-paid': () => ({}),
  'POST /api/v1/payouts/batches/{id}/mark-failed': () => ({ reason: 'not yours' }),
  'PUT /api/v1/influencers/{id}/payout-details': () => ({ method: 'paypal', paypalEmail: 'thief@example.com' }),
  'POST /api/v1/partnerships/{id}/move': () => ({ stage: 'declined' }),
  'POST /api/v1/partnerships/{id}/renew': () => ({ months: 3 }),
  'POST /api/v1/partnerships/{id}/deliverables': () => ({ type: 'reel', dueAt: DUE }),
  'PATCH /api/v1/deliverables/{id}': () => ({ status: 'submitted' }),
  'POST /api/v1/partnerships/{id}/gifts': () => ({ product: 'Serum', value: 100, currency: 'USD' }),
  'PATCH /api/v1/gifts/{id}': () => ({ status: 'shipped' }),
  'PATCH /api/v1/webhook-endpoints/{id}': () => ({ enabled: false }),
  'POST /api/v1/influencers/{id}/invite': () => ({}),
};
const REQUIRED_QUERY: Record<string, string> = {
  'GET /api/v1/payouts/batches/{id}/export': 'format=paypal-csv',
  'GET /api/v1/influencers/{id}/statement': 'from=2000-01-01&to=2100-01-01',
};
/** Addressed by a secret token or the provider, not by a workspace's id; covered by their own tests below. */
const NOT_BY_ID = ['/api/v1/postback/{token}', '/api/v1/integrations/{provider}', '/api/v1/integrations/{provider}/deliveries', '/api/v1/webhooks/{provider}/{workspaceId}'];
/** Answers that change by themselves or by reading (last use of a key, a session's last sight). */
const VOLATILE = new Set(['lastUsedAt', 'lastSeenAt', 'requestId', 'from', 'to']);

type Call = { method: Method; url: string; headers: Record<string, string>; payload?: unknown };

describe.each(ENGINES)('workspace isolation of every route on %s', (engine) => {
  let env: TestEnv;
  let a: FullWorkspace;
  let b: FullWorkspace;
  let ops: Operation[];

  beforeAll(async () => {
    env = await createTestEnv(engine);
    a = await fullWorkspace(env, 'a');
    b = await fullWorkspace(env, 'b');
    await env.app.jobs.stop(); // retried deliveries would change B's rows while it is compared
    ops = await loadOperations(env.app);
  }, 180_000);
  afterAll(() => env?.close());

  const send = (c: Call) => env.app.inject({ method: c.method, url: c.url, headers: c.headers, ...(c.payload === undefined ? {} : { payload: c.payload as object }) });
  const isPortal = (op: Operation) => op.path.startsWith('/api/v1/portal/');
  /** The callers of workspace `w` a route accepts: the creator on portal routes, else a key and an owner session. */
  const callersOf = (op: Operation, w: FullWorkspace) => (isPortal(op) ? [w.creator] : [w.auth, w.admin]);
  const fill = (op: Operation, pick: (name: string, kind: IdKind) => string) =>
    op.path.replace(/\{([^}]+)\}/g, (_, name: string) => pick(name, idKindOf(op.path, name)!)) + (REQUIRED_QUERY[op.key] ? `?${REQUIRED_QUERY[op.key]}` : '');

  /** Every id, slug, name and email workspace `w` holds: none may appear in another workspace's answers. */
  const markers = (w: FullWorkspace) => [...Object.values(w.ids).flat(), ...Object.values(w.values).flat(), ...w.names, ...w.codes.links];
  const leaked = (res: LightMyRequestResponse, w: FullWorkspace, asked: string) => markers(w).filter((m) => res.body.includes(m) && !asked.includes(m));

  /** What workspace `w` sees of itself through its own reads, plus its rows in every table, to compare before and after. */
  async function stateOf(w: FullWorkspace) {
    const reads: Record<string, unknown> = {};
    for (const op of ops.filter((o) => o.method === 'GET' && !isPortal(o) && !NOT_BY_ID.includes(o.path) && o.path !== '/api/v1/live' && !o.path.startsWith('/api/v1/auth/'))) {
      const urls = op.pathParams.length ? w.ids[idKindOf(op.path, op.pathParams[0]!.name)!].map((id) => fill(op, () => id)) : [op.path];
      for (const url of urls) {
        const res = await send({ method: 'GET', url, headers: w.admin });
        reads[url] = res.statusCode < 300 && /json/.test(String(res.headers['content-type'])) ? JSON.parse(res.body, (k, v) => (VOLATILE.has(k) ? undefined : v)) : `${res.statusCode} ${res.body.length}`;
      }
    }
    // The click_stats_* row counts move whenever the background folder moves deltas into the
    // rollups; what they add up to is compared through the report reads above.
    const tables = (await sql<{ name: string }>`select table_name as name from information_schema.columns where table_schema = current_schema() and column_name = 'workspace_id' order by 1`.execute(env.database.db)).rows
      .map((r) => r.name)
      .filter((t) => !t.startsWith('click_stats_'));
    const counts = (await sql.raw<Record<string, number>>(`select ${tables.map((t) => `(select count(*) from "${t}" where workspace_id = '${w.workspaceId}')::int as "${t}"`).join(', ')}`).execute(env.database.db)).rows[0];
    return { reads, counts };
  }

  it("answers 404 to every route given another workspace's id, for every method, and changes nothing there", async () => {
    const before = await stateOf(b);
    const byId = ops.filter((op) => op.pathParams.length && !NOT_BY_ID.includes(op.path));
    expect(byId.length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const op of byId) {
      const kinds = op.pathParams.map((p) => idKindOf(op.path, p.name));
      expect(kinds.every(Boolean), `${op.key}: the sweep does not know what its path parameters name`).toBe(true);
      if (op.body && op.method !== 'DELETE') expect(VALID_BODY[op.key], `${op.key}: the sweep needs a valid body for this route`).toBeDefined();
      // All parameters from the other workspace, and (with two) each one alone beside the caller's own.
      const mixes = [op.pathParams.map(() => true), ...(op.pathParams.length > 1 ? op.pathParams.map((_, i) => op.pathParams.map((__, j) => i === j)) : [])];
      let reachedLookup = false;
      for (const mix of mixes) {
        for (const n of [0, 1]) {
          const url = fill(op, (name, kind) => {
            const owner = mix[op.pathParams.findIndex((p) => p.name === name)] ? b : a;
            return owner.ids[kind][n % owner.ids[kind].length]!;
          });
          for (const headers of callersOf(op, a)) {
            const res = await send({ method: op.method, url, headers, payload: VALID_BODY[op.key]?.(a) });
            if (res.statusCode === 404) reachedLookup = true;
            else if (res.statusCode !== 401 && res.statusCode !== 403) problems.push(`${op.method} ${url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
            const leaks = leaked(res, b, url);
            if (leaks.length) problems.push(`${op.method} ${url} shows the other workspace's ${leaks.join(', ')}`);
          }
        }
      }
      if (!reachedLookup) problems.push(`${op.key}: no caller got past authorisation to the lookup (never 404)`);
    }
    expect(problems).toEqual([]);
    expect(await stateOf(b)).toEqual(before);
  }, 300_000);

  it("refuses or ignores another workspace's ids in bodies and filters, and lists never show its rows", async () => {
    const before = await stateOf(b);
    const problems: string[] = [];
    const [aInf, aCmp] = [a.ids.influencer[0]!, a.ids.campaign[0]!];
    const [bInf, bCmp] = [b.ids.influencer[0]!, b.ids.campaign[0]!];
    const refused: Call[] = [
      { method: 'POST', url: '/api/v1/links', headers: a.auth, payload: { influencerId: bInf, campaignId: aCmp } },
      { method: 'POST', url: '/api/v1/links', headers: a.auth, payload: { influencerId: aInf, campaignId: bCmp } },
      { method: 'POST', url: '/api/v1/coupons', headers: a.auth, payload: { influencerId: bInf, code: 'CROSS1' } },
      { method: 'POST', url: '/api/v1/coupons', headers: a.auth, payload: { influencerId: aInf, campaignId: bCmp, code: 'CROSS2' } },
      { method: 'POST', url: '/api/v1/partnerships', headers: a.auth, payload: { campaignId: bCmp, influencerId: aInf } },
      { method: 'POST', url: '/api/v1/partnerships', headers: a.auth, payload: { campaignId: aCmp, influencerId: bInf } },
      { method: 'PATCH', url: `/api/v1/influencers/${aInf}`, headers: a.auth, payload: { recruitedBy: bInf } },
      { method: 'PUT', url: `/api/v1/campaigns/${aCmp}/commission-plans/${aInf}`, headers: a.auth, payload: { plan: { type: 'percent', percent: 10, splits: [{ influencerId: aInf, share: 50 }, { influencerId: bInf, share: 50 }] } } },
      { method: 'POST', url: '/api/v1/campaigns', headers: a.auth, payload: { name: 'Cross split', destinationUrl: 'https://shop.example.com/', commissionPlan: { type: 'percent', percent: 10, splits: [{ influencerId: bInf, share: 100 }] } } },
      { method: 'PATCH', url: `/api/v1/campaigns/${aCmp}`, headers: a.auth, payload: { commissionPlan: { type: 'percent', percent: 10, splits: [{ influencerId: bInf, share: 100 }] } } },
      { method: 'POST', url: '/api/v1/partnerships', headers: a.auth, payload: { campaignId: aCmp, influencerId: a.ids.influencer[1], terms: { commissionPlan: { type: 'percent', percent: 10, splits: [{ influencerId: bInf, share: 100 }] } } } },
      { method: 'POST', url: `/api/v1/payouts/batches/${a.ids.payoutBatch[0]}/mark-paid`, headers: a.auth, payload: { itemIds: b.values.itemIds } },
      { method: 'POST', url: `/api/v1/payouts/batches/${a.ids.payoutBatch[0]}/mark-failed`, headers: a.auth, payload: { itemIds: b.values.itemIds, reason: 'cross' } },
    ];
    for (const c of refused) {
      const res = await send(c);
      if (res.statusCode < 400 || res.statusCode >= 500) problems.push(`${c.method} ${c.url} ${JSON.stringify(c.payload)} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
    }
    // Approving another workspace's commissions does nothing to them (B's state is compared below).
    const approve = await send({ method: 'POST', url: '/api/v1/commissions/approve', headers: a.auth, payload: { ids: b.ids.commission } });
    if (approve.statusCode >= 500 || leaked(approve, b, JSON.stringify(b.ids.commission)).length) problems.push(`approve: ${approve.statusCode} ${approve.body.slice(0, 200)}`);

    // Every list and report, unfiltered and filtered by each of the other workspace's ids.
    for (const op of ops.filter((o) => o.method === 'GET' && !o.pathParams.length && o.path !== '/api/v1/live')) {
      const filters = op.query.filter((p) => fieldKindOf(p.name)).flatMap((p) => b.ids[fieldKindOf(p.name)!].map((id) => `${p.name}=${id}`));
      for (const query of ['', ...filters]) {
        const url = query ? `${op.path}?${query}` : op.path;
        for (const headers of callersOf(op, a)) {
          const res = await send({ method: 'GET', url, headers });
          if (res.statusCode >= 500) problems.push(`GET ${url} answered ${res.statusCode}`);
          const leaks = leaked(res, b, url);
          if (leaks.length) problems.push(`GET ${url} (${res.statusCode}) shows the other workspace's ${leaks.join(', ')}`);
        }
      }
    }
    // Last, as it stores B's coupon code in A: a sale with the other workspace's coupon is not attributed to its creator.
    const sale = await send({ method: 'POST', url: '/api/v1/conversions', headers: a.auth, payload: { type: 'sale', orderId: `cross-${engine}`, amount: 1000, currency: 'USD', couponCode: b.codes.coupon } });
    if (sale.statusCode !== 201 || sale.json().influencerId !== null || leaked(sale, b, b.codes.coupon).length) problems.push(`cross coupon sale: ${sale.statusCode} ${sale.body.slice(0, 300)}`);
    expect(problems).toEqual([]);
    expect(await stateOf(b)).toEqual(before);
  }, 300_000);

  it("keeps creators apart in the portal: another creator's links, sales and earnings are never shown", async () => {
    // Ana (workspace A) has links, a coupon, sales and commissions; Ben (A's portal creator) has none of them.
    const anaA = [a.ids.influencer[0]!, ...a.ids.link, ...a.ids.coupon, ...a.ids.conversion, ...a.ids.commission, a.codes.coupon, ...a.codes.links];
    const problems: string[] = [];
    for (const op of ops.filter((o) => isPortal(o) && o.method === 'GET')) {
      const urls = op.pathParams.length ? [...a.ids.link, ...b.ids.link].map((id) => fill(op, () => id)) : [op.path];
      for (const url of urls) {
        const res = await send({ method: 'GET', url, headers: a.creator });
        if (op.pathParams.length && res.statusCode !== 404) problems.push(`GET ${url} answered ${res.statusCode}, not 404`);
        const shown = [...anaA, ...markers(b)].filter((m) => res.body.includes(m) && !url.includes(m));
        if (shown.length) problems.push(`GET ${url} shows ${shown.join(', ')}`);
      }
    }
    // Links are made for the caller alone, whatever the body names.
    const made = await send({ method: 'POST', url: '/api/v1/portal/links', headers: a.creator, payload: { campaignId: b.ids.campaign[0] } });
    if (made.statusCode !== 404 && made.statusCode !== 400) problems.push(`POST /api/v1/portal/links with another workspace's campaign answered ${made.statusCode}`);
    expect(problems).toEqual([]);
  }, 120_000);

  it("refuses a webhook signed with one workspace's secret at another workspace's endpoint", async () => {
    const event = stripeEvent('checkout.session.completed', (o) =>
      Object.assign(o, { id: `cs_cross_${engine}`, payment_status: 'paid', amount_total: 5000, amount_subtotal: 5000, currency: 'usd', total_details: { amount_tax: 0, amount_shipping: 0, amount_discount: 0 } }),
    );
    const body = JSON.stringify(event);
    const t = Math.floor(Date.now() / 1000);
    const sign = (secret: string) => `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
    const post = (w: FullWorkspace, secret: string) =>
      env.app.inject({ method: 'POST', url: `/api/v1/webhooks/stripe/${w.workspaceId}`, headers: { 'content-type': 'application/json', 'stripe-signature': sign(secret) }, payload: body });
    const cross = await post(b, a.stripeSecret);
    expect(cross.statusCode, cross.body).toBeGreaterThanOrEqual(400);
    expect(cross.statusCode).toBeLessThan(500);
    const own = await post(b, b.stripeSecret); // the same event with the right secret goes through
    expect(own.statusCode, own.body).toBe(200);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { programWithPlan } from '../helpers/money-flow.ts';
import { visit } from '../helpers/tracking.ts';

describe.each(ENGINES)('more commission plans through the API on %s', (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    auth = (await workspaceWithKey(env)).auth;
  });
  afterAll(() => env?.close());
  afterEach(() => vi.useRealTimers());
  const amounts = (rows: { amount: number }[]) => rows.map((c) => c.amount).sort((a, b) => a - b);

  it('pays per unique human click for a finished day, once', async () => {
    const p = await programWithPlan(env, auth, { type: 'per_click', amount: 25, currency: 'USD' }, 'Clicky');
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.3']) await visit(env, p.link.code, { ip });
    await visit(env, p.link.code, { ip: '203.0.113.9', ua: 'Twitterbot/1.0' });
    const today = new Date().toISOString().slice(0, 10);
    const early = await env.app.inject({ method: 'POST', url: '/api/v1/commissions/accrue-clicks', headers: auth, payload: { day: today } });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toMatch(/not over yet/);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 86400_000);
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/commissions/accrue-clicks', headers: auth, payload: { day: today } });
    const again = await env.app.inject({ method: 'POST', url: '/api/v1/commissions/accrue-clicks', headers: auth, payload: { day: today } });
    vi.useRealTimers();
    expect(res.json().data.map((c: any) => [c.kind, c.amount])).toEqual([['click', 75]]); // 3 unique humans × 0.25
    expect(again.json().data).toEqual([]);
  });

  it('pays only the first order of a customer when the plan says so', async () => {
    const p = await programWithPlan(env, auth, { type: 'percent', percent: 10, appliesTo: 'first_order' }, 'First');
    await p.sell({ amount: 10000, customerId: 'c-first' });
    await p.sell({ amount: 20000, customerId: 'c-first' });
    await p.sell({ amount: 30000, customerId: 'c-other' });
    expect(amounts(await p.commissions())).toEqual([1000, 3000]);
  });

  it('pays subscription renewals within the recurring window and not after', async () => {
    const p = await programWithPlan(env, auth, { type: 'percent', percent: 20, recurring: { months: 3 } }, 'Subs');
    const start = Date.now() + 60_000;
    const at = (months: number) => new Date(start + months * 31 * 86400_000).toISOString();
    await p.sell({ amount: 1000, subscription: { id: 'sub_1', isRenewal: false }, customerId: 'sub-customer', occurredAt: at(0) });
    // Renewals carry no click: the customer's lifetime binding attributes them.
    await p.sell({ amount: 1000, subscription: { id: 'sub_1', isRenewal: true }, customerId: 'sub-customer', clickId: undefined, occurredAt: at(1) });
    await p.sell({ amount: 1000, subscription: { id: 'sub_1', isRenewal: true }, customerId: 'sub-customer', clickId: undefined, occurredAt: at(4) });
    expect(amounts(await p.commissions())).toEqual([200, 200]);
  });

  it('applies per-category overrides on line items', async () => {
    const p = await programWithPlan(env, auth, { type: 'percent', percent: 10, overrides: [{ match: { category: 'bundles' }, percent: 5 }] }, 'Lines');
    await p.sell({ amount: 10000, lineItems: [{ sku: 'SERUM', category: 'skincare', quantity: 1, amount: 6000 }, { sku: 'KIT', category: 'bundles', quantity: 1, amount: 4000 }] });
    const [c] = await p.commissions();
    expect(c.amount).toBe(800); // 10% of 60.00 + 5% of 40.00
  });

  it("pays the recruiter a share of the recruit's commission (multi-tier)", async () => {
    const recruiter = (await env.app.inject({ method: 'POST', url: '/api/v1/influencers', headers: auth, payload: { name: 'Recruiter' } })).json().influencer;
    const p = await programWithPlan(env, auth, { type: 'percent', percent: 10, multiTier: [{ depth: 1, percent: 20 }] }, 'Recruit');
    const set = await env.app.inject({ method: 'PATCH', url: `/api/v1/influencers/${p.influencer.id}`, headers: auth, payload: { recruitedBy: recruiter.id } });
    expect(set.json().influencer.recruitedBy).toBe(recruiter.id);
    const loop = await env.app.inject({ method: 'PATCH', url: `/api/v1/influencers/${recruiter.id}`, headers: auth, payload: { recruitedBy: p.influencer.id } });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.message).toMatch(/loop/);
    const sale = await p.sell({ amount: 10000 });
    const lines = (await env.app.inject({ method: 'GET', url: `/api/v1/commissions?conversionId=${sale.id}`, headers: auth })).json().data;
    expect(lines.map((c: any) => [c.influencerId, c.kind, c.amount]).sort()).toEqual([[p.influencer.id, 'sale', 1000], [recruiter.id, 'override', 200]].sort());
  });
});

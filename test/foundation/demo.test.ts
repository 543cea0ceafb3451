import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, type TestEnv } from '../helpers/engines.ts';

describe.each(ENGINES)('advocate demo on %s', { timeout: 300_000 }, (engine) => {
  let env: TestEnv;
  let demo: any;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    demo = await env.command('demo', { password: 'demo-password-123' });
  }, 300_000);
  afterAll(() => env?.close());

  it('creates a workspace with an owner login and an API key', async () => {
    const login = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: demo.login.email, password: 'demo-password-123' } });
    expect(login.statusCode).toBe(200);
    const ws = await env.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: { authorization: `Bearer ${demo.apiKey}` } });
    expect(ws.json().workspace.slug).toBe('demo');
  });

  it('fills creators, campaigns, links and a realistic click history', async () => {
    const auth = { authorization: `Bearer ${demo.apiKey}` };
    const links = (await env.app.inject({ method: 'GET', url: '/api/v1/links?limit=200', headers: auth })).json().data;
    expect(links.length).toBe(demo.created.links);
    const days = (await env.app.inject({ method: 'GET', url: '/api/v1/reports/clicks?groupBy=day', headers: auth })).json().rows;
    expect(days.length).toBeGreaterThanOrEqual(28);
    const total = days.reduce((s: number, r: any) => s + r.clicks, 0);
    const bots = days.reduce((s: number, r: any) => s + r.botClicks, 0);
    expect(bots / total).toBeGreaterThan(0.04);
    expect(bots / total).toBeLessThan(0.12);
    const byCreator = (await env.app.inject({ method: 'GET', url: '/api/v1/reports/clicks?groupBy=influencer', headers: auth })).json().rows;
    expect(byCreator.length).toBe(12);
    expect(byCreator[0].clicks).toBeGreaterThan(byCreator.at(-1).clicks * 5); // heavy-tailed
    const sources = (await env.app.inject({ method: 'GET', url: '/api/v1/reports/clicks?groupBy=source', headers: auth })).json().rows.map((r: any) => r.key);
    expect(sources).toEqual(expect.arrayContaining(['instagram', 'tiktok', 'youtube', 'direct']));
  });

  it('includes attributed conversions, coupon sales, refunds and a review queue', async () => {
    const auth = { authorization: `Bearer ${demo.apiKey}` };
    const all = (await env.app.inject({ method: 'GET', url: '/api/v1/conversions?limit=200', headers: auth })).json().data;
    expect(all.length).toBeGreaterThanOrEqual(20);
    const methods = new Set(all.map((c: any) => c.attribution.method));
    expect([...methods]).toEqual(expect.arrayContaining(['click', 'coupon', 'customer']));
    expect(all.some((c: any) => c.refundedAmount > 0)).toBe(true);
    const review = (await env.app.inject({ method: 'GET', url: '/api/v1/conversions?status=review', headers: auth })).json().data;
    expect(review.length).toBeGreaterThan(0);
  });

  it('includes commissions in every state and a paid payout batch', async () => {
    const auth = { authorization: `Bearer ${demo.apiKey}` };
    const commissions = (await env.app.inject({ method: 'GET', url: '/api/v1/commissions?limit=500', headers: auth })).json().data;
    const states = new Set(commissions.map((c: any) => c.status));
    expect([...states]).toEqual(expect.arrayContaining(['pending', 'paid']));
    const balances = (await env.app.inject({ method: 'GET', url: '/api/v1/ledger/balances', headers: auth })).json().data;
    expect(balances.some((b: any) => b.paid > 0)).toBe(true);
    const batches = await env.database.db.selectFrom('payout_batches').select(['status']).where('idempotency_key', '=', 'demo-first-payout').execute();
    expect(batches).toEqual([{ status: 'paid' }]);
  });

  it('has partnerships in every pipeline stage and creators to discover', async () => {
    const auth = { authorization: `Bearer ${demo.apiKey}` };
    const stages = new Set((await env.app.inject({ method: 'GET', url: '/api/v1/partnerships', headers: auth })).json().data.map((p: any) => p.stage));
    expect([...stages].sort()).toEqual(['active', 'completed', 'contacted', 'declined', 'negotiating', 'prospect']);
    expect(demo.created['creators to discover']).toBeGreaterThanOrEqual(200);
    const found = await env.app.inject({ method: 'GET', url: '/api/v1/influencers/search?tier=micro', headers: auth });
    expect(found.statusCode).toBe(200);
    expect(found.json().data.length).toBeGreaterThan(0);
  });

  it('refuses to create the demo twice', async () => {
    await expect(env.command('demo', {})).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

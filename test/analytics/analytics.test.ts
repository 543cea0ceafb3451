import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { programWithPlan } from '../helpers/money-flow.ts';

describe.each(ENGINES)('what pays: ROI, customer value, retention and content performance on %s', (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    auth = (await workspaceWithKey(env)).auth;
  });
  afterAll(() => env?.close());
  afterEach(() => vi.useRealTimers());
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => env.app.inject({ method, url, headers: auth, ...(payload ? { payload: payload as object } : {}) });
  const range = `from=2020-01-01&to=${new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10)}`;

  it('computes revenue, cost, ROAS, CPA and new vs returning customers by hand-checkable numbers', async () => {
    const p = await programWithPlan(env, auth, { type: 'percent', percent: 10 }, 'Roi');
    const first = await p.sell({ amount: 10000, customerId: 'cust-1' });
    await p.sell({ amount: 10000, customerId: 'cust-1' });
    await call('POST', `/api/v1/conversions/${first.id}/refunds`, { refundId: 'r1', amount: 5000, currency: 'USD' });
    const partnership = (await call('POST', '/api/v1/partnerships', { campaignId: p.campaign.id, influencerId: p.influencer.id, stage: 'active' })).json().partnership;
    await call('POST', `/api/v1/partnerships/${partnership.id}/gifts`, { product: 'Serum', value: 2000, currency: 'USD' });
    const d = (await call('POST', `/api/v1/partnerships/${partnership.id}/deliverables`, { type: 'reel', dueAt: new Date(Date.now() + 86400_000).toISOString(), fee: { amount: 3000, currency: 'USD' } })).json().deliverable;
    await call('PATCH', `/api/v1/deliverables/${d.id}`, { status: 'live', postUrl: 'https://www.instagram.com/p/roi/' });

    const rows = (await call('GET', `/api/v1/analytics/roi?${range}&groupBy=influencer`)).json().data;
    const mine = rows.find((r: { key: string }) => r.key === p.influencer.id);
    // revenue 100.00 + 100.00 − 50.00 refunded; cost = commissions 10.00 + 10.00 − 5.00 + fee 30.00, gifts 20.00
    expect(mine).toEqual({ key: p.influencer.id, currency: 'USD', revenue: 15000, sales: 2, leads: 0, newCustomers: 1, returningCustomers: 1, commissions: 4500, gifts: 2000, cost: 6500, roas: 2.31, cpa: 3250, engagements: 0, views: 0, costPerEngagement: null, cpm: null, emv: 0 });
    const csv = await call('GET', `/api/v1/analytics/roi?${range}&groupBy=influencer&format=csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\n')[0]).toBe('key,currency,revenue,sales,leads,newCustomers,returningCustomers,commissions,gifts,cost,roas,cpa,engagements,views,costPerEngagement,cpm,emv');

    const board = (await call('GET', '/api/v1/analytics/customer-value')).json().data;
    expect(board.find((b: { influencerId: string }) => b.influencerId === p.influencer.id)).toMatchObject({ customers: 1, orders: 2, lifetimeValue: 15000, valuePerCustomer: 15000 });
    expect((await call('GET', `/api/v1/analytics/roi?from=2030-01-01&to=2020-01-01`)).statusCode).toBe(400);
  });

  it('reports creator retention after 3 and 6 months', async () => {
    const w = await workspaceWithKey(env);
    const post = (url: string, payload: unknown) => env.app.inject({ method: 'POST', url, headers: w.auth, payload: payload as object });
    const cmp = (await post('/api/v1/campaigns', { name: 'Ret', destinationUrl: 'https://r.example.com/' })).json().campaign.id;
    const ids = [];
    for (const name of ['Stays', 'Leaves']) {
      const inf = (await post('/api/v1/influencers', { name })).json().influencer.id;
      ids.push((await post('/api/v1/partnerships', { campaignId: cmp, influencerId: inf, stage: 'active' })).json().partnership.id);
    }
    await post(`/api/v1/partnerships/${ids[1]}/move`, { stage: 'completed' });
    const now = await env.app.inject({ method: 'GET', url: '/api/v1/analytics/retention', headers: w.auth });
    expect(now.json().data).toEqual([{ months: 3, eligible: 0, retained: 0, share: null }, { months: 6, eligible: 0, retained: 0, share: null }]);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 100 * 86400_000);
    const later = (await env.app.inject({ method: 'GET', url: '/api/v1/analytics/retention', headers: w.auth })).json().data;
    expect(later[0]).toEqual({ months: 3, eligible: 2, retained: 1, share: 0.5 });
  });

  it('groups partnered posts by format, CTA, face and compensation with 95% intervals', async () => {
    const w = await workspaceWithKey(env);
    const imported = await env.app.inject({
      method: 'POST',
      url: '/api/v1/influencers/import',
      headers: w.auth,
      payload: [
        {
          platform: 'instagram',
          handle: 'content.queen',
          followers: 10000,
          following: 300,
          postsCount: 50,
          bio: 'skincare serum and sunscreen reviews',
          hasProfilePicture: true,
          posts: [
            { id: 'a', url: 'https://www.instagram.com/p/carousel-a/', postedAt: '2026-01-01T00:00:00Z', format: 'carousel', likes: 200, comments: 10, shares: 5, saves: 5, sponsored: true, hasCta: true, faceShown: true },
            { id: 'b', postedAt: '2026-01-02T00:00:00Z', format: 'carousel', likes: 300, comments: 10, shares: 5, saves: 5, sponsored: true, faceShown: true },
            { id: 'c', postedAt: '2026-01-03T00:00:00Z', format: 'reel', likes: 150, comments: 30, shares: 10, saves: 10, gifted: true },
            { id: 'd', postedAt: '2026-01-04T00:00:00Z', format: 'image', likes: 999, comments: 1, shares: 0, saves: 0 },
          ],
        },
      ],
    });
    expect(imported.statusCode, imported.body).toBeLessThan(300);
    const influencerId = imported.json().accounts[0].influencerId;
    const cmp = (await env.app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: w.auth, payload: { name: 'C', destinationUrl: 'https://c.example.com/', brief: { text: 'Glow serum', niches: ['beauty-skincare'] } } })).json().campaign.id;
    await env.app.inject({ method: 'POST', url: '/api/v1/partnerships', headers: w.auth, payload: { campaignId: cmp, influencerId, stage: 'active' } });
    const res = (await env.app.inject({ method: 'GET', url: '/api/v1/analytics/content', headers: w.auth })).json();
    expect(res.posts).toBe(3); // the unmarked image post is not a partnered post
    expect(res.byFormat.carousel.n).toBe(2);
    expect(res.byFormat.carousel.mean).toBeCloseTo(0.027, 10); // (220/10000 + 320/10000) / 2
    // sd = 0.00707107, t(1) = 12.706 → half-width 12.706 × 0.00707107 / √2 = 0.063530
    expect(res.byFormat.carousel.ci95[0]).toBeCloseTo(0.027 - 0.06353, 4);
    expect(res.byFormat.reel).toMatchObject({ n: 1, mean: 0.02, ci95: null });
    expect(res.byCompensation.gifted.n).toBe(1);
    expect(res.byCompensation.paid.n).toBe(2);
    expect(res.byCta.with_cta.n).toBe(1);
    expect(res.byFace.faceless.n).toBe(1);
    expect(res.byNicheFit).toEqual({ niche_aligned: expect.objectContaining({ n: 3 }) });
    expect(res.reference.byFormat.carousel).toBe(0.0262);
    const part = (await env.app.inject({ method: 'GET', url: `/api/v1/partnerships?campaignId=${cmp}`, headers: w.auth })).json().data[0];
    // A deliverable pointing at an imported post shows that post's metrics.
    const posted = (await env.app.inject({ method: 'POST', url: `/api/v1/partnerships/${part.id}/deliverables`, headers: w.auth, payload: { type: 'carousel', dueAt: '2026-01-05T00:00:00Z' } })).json().deliverable;
    await env.app.inject({ method: 'PATCH', url: `/api/v1/deliverables/${posted.id}`, headers: w.auth, payload: { status: 'live', postUrl: 'https://www.instagram.com/p/carousel-a/' } });
    const detail = (await env.app.inject({ method: 'GET', url: `/api/v1/partnerships/${part.id}`, headers: w.auth })).json().partnership;
    expect(detail.deliverables.find((x: { id: string }) => x.id === posted.id).post).toMatchObject({ format: 'carousel', likes: 200, engagementRate: 0.022 });
    await env.app.inject({ method: 'POST', url: `/api/v1/partnerships/${part.id}/gifts`, headers: w.auth, payload: { product: 'Kit', value: 1000, currency: 'USD' } });
    const [roiRow] = (await env.app.inject({ method: 'GET', url: `/api/v1/analytics/roi?from=2025-12-01&to=2027-12-01&groupBy=influencer`, headers: w.auth })).json().data;
    // partnered posts a, b, c: 220 + 320 + 200 engagements; cost = the 10.00 USD gift
    expect(roiRow).toMatchObject({ key: influencerId, gifts: 1000, cost: 1000, engagements: 740, views: 0, costPerEngagement: 1.35, cpm: null, emv: 7400 });

    // The suggested fee for this 10K creator: 10 USD per 1,000 × reel 1.3 × Instagram 1 × engagement factor.
    const partnership = (await env.app.inject({ method: 'GET', url: `/api/v1/partnerships?campaignId=${cmp}`, headers: w.auth })).json().data[0];
    const fee = (await env.app.inject({ method: 'GET', url: `/api/v1/partnerships/${partnership.id}/suggested-fee?format=reel`, headers: w.auth })).json().suggestedFee;
    const er = fee.basis.find((b: { factor: string }) => b.factor === 'engagement').value;
    expect(Math.abs(fee.amount - 10 * 1000 * 1.3 * er)).toBeLessThanOrEqual(100); // rounded to whole dollars; er shown to 2 decimals
    expect(fee.basis.map((b: { factor: string }) => b.factor)).toEqual(['followers', 'format', 'platform', 'engagement', 'your past deals']);
    expect(fee.range.low).toBeLessThan(fee.amount);
  });
});

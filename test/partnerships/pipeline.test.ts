import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';

describe.each(ENGINES)('partnerships: pipeline, deliverables, fees and gifts on %s', (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  let campaignId: string;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    auth = (await workspaceWithKey(env)).auth;
    campaignId = (await env.app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: auth, payload: { name: 'Launch', destinationUrl: 'https://shop.example.com/' } })).json().campaign.id;
  });
  afterAll(() => env?.close());
  afterEach(() => vi.useRealTimers());

  const creator = async (name: string) => (await env.app.inject({ method: 'POST', url: '/api/v1/influencers', headers: auth, payload: { name } })).json().influencer.id;
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => env.app.inject({ method, url, headers: auth, ...(payload ? { payload: payload as object } : {}) });

  it('moves a creator through the pipeline and records every move', async () => {
    const influencerId = await creator('Maya');
    const created = await call('POST', '/api/v1/partnerships', { campaignId, influencerId, note: 'found in discovery' });
    expect(created.statusCode).toBe(201);
    const id = created.json().partnership.id;
    for (const stage of ['contacted', 'negotiating', 'active', 'completed']) {
      expect((await call('POST', `/api/v1/partnerships/${id}/move`, { stage, note: `to ${stage}` })).json().partnership.stage).toBe(stage);
    }
    expect((await call('POST', `/api/v1/partnerships/${id}/move`, { stage: 'completed' })).statusCode).toBe(412);
    expect((await call('POST', `/api/v1/partnerships/${id}/move`, { stage: 'signed' })).statusCode).toBe(400);
    const history = (await call('GET', `/api/v1/partnerships/${id}`)).json().partnership.history;
    expect(history.map((h: { to: string }) => h.to)).toEqual(['prospect', 'contacted', 'negotiating', 'active', 'completed']);
    expect(history[1]).toMatchObject({ from: 'prospect', note: 'to contacted', actor: expect.stringMatching(/^key_/) });
    expect((await call('POST', '/api/v1/partnerships', { campaignId, influencerId })).statusCode).toBe(409);
    const board = (await call('GET', `/api/v1/partnerships?campaignId=${campaignId}&stage=completed`)).json().data;
    expect(board.map((p: { id: string }) => p.id)).toContain(id);
  });

  it('releases a deliverable flat fee to commissions when it goes live, once', async () => {
    const influencerId = await creator('Leo');
    const p = (await call('POST', '/api/v1/partnerships', { campaignId, influencerId, stage: 'active', terms: { flatFee: { amount: 50000, currency: 'USD' }, usageRights: '90 days organic' } })).json().partnership;
    const d = (await call('POST', `/api/v1/partnerships/${p.id}/deliverables`, { type: 'reel', dueAt: new Date(Date.now() + 7 * 86400_000).toISOString(), fee: { amount: 50000, currency: 'USD' } })).json().deliverable;
    expect(d.status).toBe('due');
    expect((await call('PATCH', `/api/v1/deliverables/${d.id}`, { status: 'live' })).statusCode).toBe(400); // no post URL yet
    await call('PATCH', `/api/v1/deliverables/${d.id}`, { status: 'submitted' });
    const live = (await call('PATCH', `/api/v1/deliverables/${d.id}`, { status: 'live', postUrl: 'https://www.instagram.com/reel/abc/' })).json().deliverable;
    expect(live).toMatchObject({ status: 'live', postUrl: 'https://www.instagram.com/reel/abc/', feeCommissionId: expect.stringMatching(/^com_/) });
    const fee = (await call('GET', `/api/v1/commissions/${live.feeCommissionId}`)).json().commission;
    expect(fee).toMatchObject({ kind: 'flat_fee', amount: 50000, currency: 'USD', status: 'pending', influencerId });
    expect(fee.explanation).toMatch(/500\.00 USD/);
    expect((await call('PATCH', `/api/v1/deliverables/${d.id}`, { status: 'submitted' })).statusCode).toBe(412);
    const all = (await call('GET', `/api/v1/commissions?influencerId=${influencerId}`)).json().data;
    expect(all).toHaveLength(1);
  });

  it('shows overdue deliverables and flags gifted creators who have not posted', async () => {
    const influencerId = await creator('Hana');
    const p = (await call('POST', '/api/v1/partnerships', { campaignId, influencerId, stage: 'active' })).json().partnership;
    await call('POST', `/api/v1/partnerships/${p.id}/deliverables`, { type: 'story', dueAt: new Date(Date.now() - 86400_000).toISOString() });
    const detail = (await call('GET', `/api/v1/partnerships/${p.id}`)).json().partnership;
    expect(detail.deliverables[0].status).toBe('overdue');
    expect((await call('GET', '/api/v1/partnerships?flag=overdue')).json().data.map((x: { id: string }) => x.id)).toContain(p.id);
    const gift = (await call('POST', `/api/v1/partnerships/${p.id}/gifts`, { product: 'Glow Serum 50 ml', value: 4900, currency: 'USD' })).json().gift;
    await call('PATCH', `/api/v1/gifts/${gift.id}`, { status: 'shipped' });
    expect((await call('PATCH', `/api/v1/gifts/${gift.id}`, { status: 'delivered' })).json().gift.deliveredAt).not.toBeNull();
    expect((await call('GET', '/api/v1/partnerships?flag=gifted_not_posted&days=10')).json().data.map((x: { id: string }) => x.id)).not.toContain(p.id);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 11 * 86400_000);
    const flagged = (await call('GET', '/api/v1/partnerships?flag=gifted_not_posted&days=10')).json().data;
    vi.useRealTimers();
    expect(flagged.map((x: { id: string }) => x.id)).toContain(p.id);
  });

  it('schedules long-term monthly deliverables and renews them', async () => {
    const influencerId = await creator('Sofia');
    const res = await call('POST', '/api/v1/partnerships', {
      campaignId,
      influencerId,
      stage: 'active',
      terms: { startsAt: '2027-01-15T00:00:00Z', longTerm: { months: 3, perMonth: [{ type: 'reel', count: 2 }, { type: 'story', count: 3 }], feePerDeliverable: { amount: 20000, currency: 'EUR' } }, commissionPlan: { type: 'percent', percent: 12 } },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().partnership.id;
    const deliverables = (await call('GET', `/api/v1/partnerships/${id}`)).json().partnership.deliverables;
    expect(deliverables).toHaveLength(15);
    expect(new Set(deliverables.map((d: { dueAt: string }) => d.dueAt.slice(0, 7)))).toEqual(new Set(['2027-01', '2027-02', '2027-03']));
    const renewed = await call('POST', `/api/v1/partnerships/${id}/renew`, { months: 2 });
    expect(renewed.json().partnership.terms.longTerm.months).toBe(5);
    expect((await call('GET', `/api/v1/partnerships/${id}`)).json().partnership.deliverables).toHaveLength(25);
    expect((await call('POST', '/api/v1/partnerships', { campaignId, influencerId: await creator('X'), terms: { longTerm: { months: 9, perMonth: [{ type: 'reel', count: 1 }] } } })).json().error.message).toMatch(/3 to 6 months/);
    const override = await env.database.db.selectFrom('commission_plan_overrides').select('plan').where('influencer_id', '=', influencerId).executeTakeFirst();
    expect(override?.plan).toMatchObject({ type: 'percent', percent: 12 });
  });

  it('keeps the campaign brief and turns its deliverables template into deliverables when a deal goes active', async () => {
    const res = await call('POST', '/api/v1/campaigns', {
      name: 'Briefed',
      destinationUrl: 'https://shop.example.com/',
      goal: 'sales',
      brief: { text: 'Show the serum in a morning routine', niches: ['beauty-skincare'], targetAudience: { countries: ['US', 'GB'], ages: ['18-24', '25-34'], genders: ['female'] } },
      budget: { amount: 500000, currency: 'USD' },
      guidelines: 'No before/after claims.',
      deliverablesTemplate: [{ type: 'reel', count: 2, dueInDays: 14 }, { type: 'story', count: 3, dueInDays: 21 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().campaign).toMatchObject({ goal: 'sales', budget: { amount: 500000, currency: 'USD' }, brief: { niches: ['beauty-skincare'] } });
    const bad = await call('POST', '/api/v1/campaigns', { name: 'Bad', destinationUrl: 'https://shop.example.com/', goal: 'fame', brief: { targetAudience: { countries: ['usa'] } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/goal/);
    const p = (await call('POST', '/api/v1/partnerships', { campaignId: res.json().campaign.id, influencerId: await creator('Templ') })).json().partnership;
    expect((await call('GET', `/api/v1/partnerships/${p.id}`)).json().partnership.deliverables).toHaveLength(0);
    await call('POST', `/api/v1/partnerships/${p.id}/move`, { stage: 'active' });
    const ds = (await call('GET', `/api/v1/partnerships/${p.id}`)).json().partnership.deliverables;
    expect(ds.map((d: { type: string }) => d.type).sort()).toEqual(['reel', 'reel', 'story', 'story', 'story']);
  });

  it("answers 404 for another workspace's partnerships, deliverables and gifts", async () => {
    const influencerId = await creator('Priv');
    const p = (await call('POST', '/api/v1/partnerships', { campaignId, influencerId })).json().partnership;
    const other = await workspaceWithKey(env);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/partnerships/${p.id}`, headers: other.auth })).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'POST', url: `/api/v1/partnerships/${p.id}/move`, headers: other.auth, payload: { stage: 'declined' } })).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'POST', url: '/api/v1/partnerships', headers: other.auth, payload: { campaignId, influencerId } })).statusCode).toBe(404);
  });
});

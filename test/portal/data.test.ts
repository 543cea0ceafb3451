import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { programWithPlan } from '../helpers/money-flow.ts';
import { visit } from '../helpers/tracking.ts';
import { inviteAndAccept } from './portal-helpers.ts';

const DAY = 86400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

describe.each(ENGINES)('creator portal data on %s', (engine) => {
  let env: TestEnv;
  let ws: Awaited<ReturnType<typeof workspaceWithKey>>;
  let a: Awaited<ReturnType<typeof programWithPlan>>;
  let b: { influencer: { id: string }; link: { id: string; code: string } };
  let c: Awaited<ReturnType<typeof programWithPlan>>;
  let asA: Record<string, string>;
  let asB: Record<string, string>;
  let asC: Record<string, string>;

  beforeAll(async () => {
    env = await createTestEnv(engine, { publicUrl: 'https://go.brand.example' });
    ws = await workspaceWithKey(env);
    a = await programWithPlan(env, ws.auth, { type: 'percent', percent: 10 }, 'Ana');
    const bInf = (await env.app.inject({ method: 'POST', url: '/api/v1/influencers', headers: ws.auth, payload: { name: 'Bea' } })).json().influencer;
    const bLink = (await env.app.inject({ method: 'POST', url: '/api/v1/links', headers: ws.auth, payload: { influencerId: bInf.id, campaignId: a.campaign.id } })).json().link;
    b = { influencer: bInf, link: bLink };
    const other = await workspaceWithKey(env);
    c = await programWithPlan(env, other.auth, { type: 'percent', percent: 10 }, 'Cid');
    asA = (await inviteAndAccept(env, ws.auth, a.influencer.id, `ana-${engine}@creator.test`)).headers;
    asB = (await inviteAndAccept(env, ws.auth, b.influencer.id, `bea-${engine}@creator.test`)).headers;
    asC = (await inviteAndAccept(env, other.auth, c.influencer.id, `cid-${engine}@creator.test`)).headers;
  });
  afterAll(() => env?.close());

  const get = (url: string, headers: Record<string, string>) => env.app.inject({ method: 'GET', url, headers });
  const send = (method: 'POST' | 'PUT', url: string, headers: Record<string, string>, payload: unknown) => env.app.inject({ method, url, headers, payload: payload as object });

  it('lists only the creator\'s own links, with short URLs and human clicks', async () => {
    await visit(env, a.link.code, { ip: '198.51.100.1' });
    await visit(env, a.link.code, { ip: '198.51.100.2' });
    await visit(env, a.link.code, { ip: '198.51.100.3', ua: 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' });
    await visit(env, b.link.code, { ip: '198.51.100.4' });
    const res = await get('/api/v1/portal/links', asA);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      data: [
        {
          id: a.link.id,
          code: a.link.code,
          shortUrl: `https://go.brand.example/r/${a.link.code}`,
          destinationUrl: a.link.destinationUrl,
          label: null,
          campaignId: a.campaign.id,
          campaignName: a.campaign.name,
          disabled: false,
          createdAt: a.link.createdAt,
          clicks: 2,
          uniqueClicks: 2,
          qrSvgUrl: `/api/v1/portal/links/${a.link.id}/qr.svg`,
        },
      ],
      nextCursor: null,
    });
    expect((await get('/api/v1/portal/links', asB)).json().data.map((l: { id: string }) => l.id)).toEqual([b.link.id]);
    expect((await get('/api/v1/portal/links', asC)).json().data.map((l: { id: string }) => l.id)).toEqual([c.link.id]);
    expect((await get('/api/v1/portal/campaigns', asA)).json().data).toEqual([expect.objectContaining({ id: a.campaign.id, name: a.campaign.name, partnershipStage: null })]);
  });

  it('makes deep links inside the campaign\'s allowed domains only, in the creator\'s own campaigns', async () => {
    const deep = await send('POST', '/api/v1/portal/links', asA, { destinationUrl: 'https://shop.example.com/products/serum?size=50', label: 'serum reel' });
    expect(deep.statusCode).toBe(201);
    expect(deep.json().link).toMatchObject({ destinationUrl: 'https://shop.example.com/products/serum?size=50', label: 'serum reel', campaignId: a.campaign.id, clicks: 0 });
    expect(deep.json().link.shortUrl).toMatch(/^https:\/\/go\.brand\.example\/r\/\w+$/);
    const row = await env.database.db.selectFrom('links').select(['influencer_id', 'workspace_id']).where('id', '=', deep.json().link.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ influencer_id: a.influencer.id, workspace_id: ws.workspace.id });
    const outside = await send('POST', '/api/v1/portal/links', asA, { destinationUrl: 'https://evil.example.net/phish' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^destinationUrl: .*allowed/) });
    expect((await send('POST', '/api/v1/portal/links', asA, { destinationUrl: 'javascript:alert(1)' })).statusCode).toBe(400);
    // Someone else's campaign (another workspace's, or one of this brand's the creator is not in) looks missing.
    expect((await send('POST', '/api/v1/portal/links', asA, { campaignId: c.campaign.id })).statusCode).toBe(404);
    const unrelated = (await env.app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: ws.auth, payload: { name: 'Unrelated', destinationUrl: 'https://shop.example.com/x' } })).json().campaign;
    expect((await send('POST', '/api/v1/portal/links', asA, { campaignId: unrelated.id })).statusCode).toBe(404);
    // The creator cannot choose whose link it is.
    expect((await send('POST', '/api/v1/portal/links', asA, { influencerId: b.influencer.id })).statusCode).toBe(400);
    // A partnership opens a second campaign; then the campaign must be named.
    const p = await env.app.inject({ method: 'POST', url: '/api/v1/partnerships', headers: ws.auth, payload: { campaignId: unrelated.id, influencerId: a.influencer.id, stage: 'active' } });
    expect(p.statusCode).toBe(201);
    const ambiguous = await send('POST', '/api/v1/portal/links', asA, {});
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json().error.message).toMatch(/^campaignId: .*several campaigns/);
    expect((await send('POST', '/api/v1/portal/links', asA, { campaignId: unrelated.id })).statusCode).toBe(201);
    expect((await get('/api/v1/portal/links', asA)).json().data).toHaveLength(3);
    expect((await get('/api/v1/portal/links', asB)).json().data).toHaveLength(1);
  });

  it('serves QR codes of the creator\'s own links only', async () => {
    const qr = await get(`/api/v1/portal/links/${a.link.id}/qr.svg`, asA);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(qr.body).toContain('<svg');
    for (const id of [b.link.id, c.link.id, 'lnk_doesnotexist00000']) expect((await get(`/api/v1/portal/links/${id}/qr.svg`, asA)).statusCode).toBe(404);
  });

  it('lists the creator\'s coupon codes', async () => {
    for (const [influencerId, code] of [[a.influencer.id, `ANA${engine}`], [b.influencer.id, `BEA${engine}`]]) {
      expect((await env.app.inject({ method: 'POST', url: '/api/v1/coupons', headers: ws.auth, payload: { influencerId, code } })).statusCode).toBe(201);
    }
    const res = (await get('/api/v1/portal/coupons', asA)).json();
    expect(res.data).toEqual([expect.objectContaining({ code: `ANA${engine}`, singleUse: false, used: false, active: true })]);
    expect(res.data[0]).not.toHaveProperty('influencerId');
    expect((await get('/api/v1/portal/coupons', asC)).json().data).toEqual([]);
  });

  it('shows conversions with masked order ids and no fraud or attribution internals', async () => {
    const sale = await a.sell({ amount: 10000, orderId: `order-${engine}-98765` });
    const res = (await get('/api/v1/portal/conversions', asA)).json();
    expect(res.data).toEqual([
      {
        id: sale.id,
        occurredAt: sale.conversion.occurredAt,
        type: 'sale',
        amount: 10000,
        currency: 'USD',
        status: 'confirmed',
        refundedAmount: 0,
        refundState: 'none',
        orderId: '****8765',
        attributionMethod: 'click',
        campaignId: a.campaign.id,
      },
    ]);
    expect(JSON.stringify(res)).not.toMatch(/fraud|reasons|customer|ipHash|clickId/i);
    expect((await get('/api/v1/portal/conversions', asB)).json().data).toEqual([]);
    expect((await get('/api/v1/portal/conversions', asC)).json().data).toEqual([]);
  });

  it('shows earnings per currency from the ledger, with reasons for reductions and rejections', async () => {
    const first = (await get('/api/v1/portal/conversions', asA)).json().data[0];
    const refund = await env.app.inject({ method: 'POST', url: `/api/v1/conversions/${first.id}/refunds`, headers: ws.auth, payload: { refundId: `r-${engine}`, amount: 5000, currency: 'USD' } });
    expect(refund.statusCode).toBe(201);
    await a.sell({ amount: 20000 });
    const toReject = (await a.commissions('&status=pending')).find((x: { amount: number }) => x.amount === 2000);
    const rejected = await env.app.inject({ method: 'POST', url: `/api/v1/commissions/${toReject.id}/reject`, headers: ws.auth, payload: { reason: 'order was placed by the creator themselves' } });
    expect(rejected.statusCode).toBe(200);
    const res = (await get('/api/v1/portal/earnings', asA)).json();
    expect(res.balances).toEqual([{ currency: 'USD', pending: 500, approved: 0, paid: 0, clawedBack: 500 }]);
    expect(res.commissions.map((x: { amount: number; status: string }) => [x.amount, x.status]).sort()).toEqual([[-500, 'pending'], [1000, 'pending'], [2000, 'rejected']]);
    const lines = new Map(res.commissions.map((x: { amount: number }) => [x.amount, x]));
    expect(lines.get(2000)).toMatchObject({ reason: 'order was placed by the creator themselves', clawback: false });
    expect(lines.get(-500)).toMatchObject({ reason: expect.stringContaining(`r-${engine}`), clawback: false });
    expect(lines.get(1000)).toMatchObject({ reason: null, currency: 'USD', payableOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), description: expect.stringMatching(/10%/) });
    expect(res.commissions[0]).not.toHaveProperty('inputs');
    expect((await get('/api/v1/portal/earnings', asB)).json()).toEqual({ balances: [], commissions: [], nextCursor: null });
    const page = (await get('/api/v1/portal/earnings?limit=2', asA)).json();
    expect(page.commissions).toHaveLength(2);
    const rest = (await get(`/api/v1/portal/earnings?limit=2&cursor=${page.nextCursor}`, asA)).json();
    expect(rest.commissions).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
  });

  it('gives stats per day: human clicks, conversions and earnings per currency', async () => {
    const res = await get(`/api/v1/portal/stats?from=${day(-1)}&to=${day(1)}`, asA);
    expect(res.statusCode).toBe(200);
    const stats = res.json();
    expect(stats.days.map((d: { date: string }) => d.date)).toEqual([day(-1), day(0), day(1)]);
    // Two visits above, one per sale; the Slackbot preview is not counted.
    expect(stats.totals).toEqual({ clicks: 4, uniqueClicks: expect.any(Number), conversions: 2, earnings: [{ currency: 'USD', amount: 500 }] });
    const defaults = (await get('/api/v1/portal/stats', asA)).json();
    expect(defaults.days).toHaveLength(30);
    expect(defaults.to).toBe(day(0));
    expect((await get(`/api/v1/portal/stats?from=${day(1)}&to=${day(-1)}`, asA)).statusCode).toBe(400);
    expect((await get(`/api/v1/portal/stats?from=${day(-400)}`, asA)).json().error.message).toMatch(/366 days/);
    const b1 = (await get(`/api/v1/portal/stats?from=${day(-1)}&to=${day(1)}`, asB)).json();
    expect(b1.totals).toEqual({ clicks: 1, uniqueClicks: 1, conversions: 0, earnings: [] });
  });

  it('gives the creator\'s own statement as CSV or HTML', async () => {
    const csv = await get('/api/v1/portal/statement?format=csv', asA);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="statement-/);
    const ids = (await get('/api/v1/portal/earnings', asA)).json().commissions.map((x: { id: string }) => x.id);
    for (const id of ids) expect(csv.body).toContain(id);
    const html = await get('/api/v1/portal/statement', asA);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).toContain('Statement for Ana');
    const theirs = (await get('/api/v1/portal/statement?format=csv', asB)).body;
    for (const id of ids) expect(theirs).not.toContain(id);
    expect((await get('/api/v1/portal/statement?format=pdf', asA)).statusCode).toBe(400);
  });

  it('lists the creator\'s deliverables across partnerships, overdue ones marked', async () => {
    const p = (await env.app.inject({ method: 'GET', url: `/api/v1/partnerships`, headers: ws.auth })).json().data.find((x: { influencerId: string }) => x.influencerId === a.influencer.id);
    const due = new Date(Date.now() - DAY).toISOString();
    const d = await env.app.inject({ method: 'POST', url: `/api/v1/partnerships/${p.id}/deliverables`, headers: ws.auth, payload: { type: 'reel', dueAt: due, fee: { amount: 25000, currency: 'USD' } } });
    expect(d.statusCode).toBe(201);
    const res = (await get('/api/v1/portal/deliverables', asA)).json();
    expect(res.data).toEqual([expect.objectContaining({ type: 'reel', dueAt: due, status: 'overdue', partnershipId: p.id, campaignName: 'Unrelated', fee: { currency: 'USD', amount: 25000 }, postUrl: null })]);
    expect((await get('/api/v1/portal/deliverables', asB)).json().data).toEqual([]);
  });

  it('keeps payout details: PayPal or IBAN/BIC, validated, IBAN masked when read', async () => {
    expect((await get('/api/v1/portal/payout-details', asA)).json()).toEqual({ payoutDetails: null });
    const bad = await send('PUT', '/api/v1/portal/payout-details', asA, { method: 'bank', iban: 'DE89370400440532013001', accountHolder: 'Ana Lima' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^iban: /);
    expect((await send('PUT', '/api/v1/portal/payout-details', asA, { method: 'paypal', paypalEmail: 'not-an-email' })).statusCode).toBe(400);
    const ok = await send('PUT', '/api/v1/portal/payout-details', asA, { method: 'bank', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', accountHolder: 'Ana Lima' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().payoutDetails).toMatchObject({ influencerId: a.influencer.id, method: 'bank', iban: 'DE89…3000' });
    const read = (await get('/api/v1/portal/payout-details', asA)).json().payoutDetails;
    expect(read).toEqual({ method: 'bank', paypalEmail: null, iban: 'DE89…3000', bic: 'COBADEFFXXX', accountHolder: 'Ana Lima', minimumPayout: {}, updatedAt: expect.any(String) });
    expect(JSON.stringify(read)).not.toContain('370400440532013000');
    expect((await get('/api/v1/portal/payout-details', asB)).json()).toEqual({ payoutDetails: null });
    const stored = await env.database.db.selectFrom('payout_details').select(['workspace_id', 'influencer_id']).execute();
    expect(stored).toContainEqual({ workspace_id: ws.workspace.id, influencer_id: a.influencer.id });
  });
});

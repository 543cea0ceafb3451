import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { makeLink, visit } from '../helpers/tracking.ts';

describe.each(ENGINES)('conversions and attribution on %s', (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  let tracked: Awaited<ReturnType<typeof makeLink>>;
  let orderSeq = 0;
  const order = () => `order-${engine}-${++orderSeq}`;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    auth = (await workspaceWithKey(env)).auth;
    tracked = await makeLink(env, auth);
  });
  afterAll(() => env?.close());

  const post = (payload: unknown, headers = auth) => env.app.inject({ method: 'POST', url: '/api/v1/conversions', headers, payload: payload as object });
  const clickId = async (ip = '203.0.113.50') => new URL((await visit(env, tracked.link.code, { ip })).headers.location as string).searchParams.get('adv_click')!;
  const ago = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

  it('attributes a sale to the creator whose link was clicked and explains why', async () => {
    const id = await clickId();
    const res = await post({ type: 'sale', orderId: order(), amount: 4999, currency: 'USD', clickId: id, occurredAt: ago(60) });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ id: expect.stringMatching(/^cnv_/), influencerId: tracked.influencer.id, duplicate: false });
    expect(body.attribution).toMatchObject({ method: 'click', clickId: id, linkId: tracked.link.id, campaignId: tracked.campaign.id });
    expect(body.attribution.reasons.join(' ')).toContain(id);
    const got = await env.app.inject({ method: 'GET', url: `/api/v1/conversions/${body.id}`, headers: auth });
    expect(got.json().conversion).toMatchObject({ status: 'active', amount: 4999, netAmount: 4999, currency: 'USD', influencerId: tracked.influencer.id });
    expect(got.json().conversion.history.map((h: { kind: string }) => h.kind)).toEqual(['created']);
  });

  it('answers the same conversion for a repeated order id, also under 50 concurrent deliveries', async () => {
    const id = await clickId();
    const orderId = order();
    const first = await post({ type: 'sale', orderId, amount: 1000, currency: 'EUR', clickId: id });
    const again = await post({ type: 'sale', orderId, amount: 1000, currency: 'EUR', clickId: id });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, duplicate: true });
    const storm = `storm-${order()}`;
    const answers = await Promise.all(Array.from({ length: 50 }, () => post({ type: 'sale', orderId: storm, amount: 2500, currency: 'USD', clickId: id })));
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    const rows = await env.database.db.selectFrom('conversions').select('id').where('order_id', '=', storm).execute();
    expect(rows).toHaveLength(1);
  });

  it('rejects amounts that are not exact minor units, unknown currencies and incomplete sales', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ type: 'sale', orderId: order(), amount: 12.5, currency: 'USD' }, /body\.amount: must be a whole number/],
      [{ type: 'sale', orderId: order(), amount: 2 ** 53, currency: 'USD' }, /body\.amount: .*2\^53/],
      [{ type: 'sale', orderId: order(), amount: -1, currency: 'USD' }, /body\.amount/],
      [{ type: 'sale', orderId: order(), amount: '100', currency: 'USD' }, /body\.amount/],
      [{ type: 'sale', orderId: order(), amount: 100, currency: 'usd' }, /body\.currency/],
      [{ type: 'sale', orderId: order(), amount: 100, currency: 'XYZ' }, /body\.currency: currency is not an active ISO 4217 code/],
      [{ type: 'sale', amount: 100, currency: 'USD' }, /body\.orderId: orderId is required/],
      [{ type: 'refund', orderId: order() }, /body\.type/],
      [{ type: 'sale', orderId: order(), amount: 100, currency: 'USD', colour: 'red' }, /colour/],
    ];
    for (const [payload, message] of cases) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
  });

  it('lets the coupon the buyer typed win over a click, unless the workspace says otherwise', async () => {
    const other = await makeLink(env, auth, { handles: { tiktok: 'coupon.queen' } });
    const coupon = await env.app.inject({ method: 'POST', url: '/api/v1/coupons', headers: auth, payload: { influencerId: other.influencer.id, code: `QUEEN${orderSeq}` } });
    expect(coupon.statusCode).toBe(201);
    const id = await clickId();
    const withCoupon = await post({ type: 'sale', orderId: order(), amount: 5000, currency: 'USD', clickId: id, couponCode: coupon.json().coupon.code.toLowerCase() });
    expect(withCoupon.json()).toMatchObject({ influencerId: other.influencer.id, attribution: { method: 'coupon' } });
    await env.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: auth, payload: { settings: { attribution: { precedence: 'click' } } } });
    const clickWins = await post({ type: 'sale', orderId: order(), amount: 5000, currency: 'USD', clickId: id, couponCode: coupon.json().coupon.code });
    expect(clickWins.json()).toMatchObject({ influencerId: tracked.influencer.id, attribution: { method: 'click' } });
    await env.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: auth, payload: { settings: { attribution: {} } } });
  });

  it('keeps a customer with the creator who first brought them (lifetime)', async () => {
    const customerId = `cust-${order()}`;
    const first = await post({ type: 'sale', orderId: order(), amount: 3000, currency: 'USD', clickId: await clickId(), customerId });
    expect(first.json().influencerId).toBe(tracked.influencer.id);
    const repeat = await post({ type: 'sale', orderId: order(), amount: 2000, currency: 'USD', customerId });
    expect(repeat.json()).toMatchObject({ influencerId: tracked.influencer.id, attribution: { method: 'customer' } });
    const row = await env.database.db.selectFrom('conversions').select(['customer_key']).where('id', '=', repeat.json().id).executeTakeFirstOrThrow();
    expect(row.customer_key).not.toContain(customerId);
  });

  it('leaves a conversion with no signal unattributed, says why, and puts it in review', async () => {
    const res = await post({ type: 'lead', orderId: order() });
    expect(res.json().influencerId).toBeNull();
    expect(res.json().attribution.reasons.length).toBeGreaterThan(0);
    expect(res.json().conversion.status).toBe('review');
    expect(res.json().conversion.fraudFlags.map((f: { code: string }) => f.code)).toContain('NO_SIGNAL');
    const queue = await env.app.inject({ method: 'GET', url: '/api/v1/conversions?status=review', headers: auth });
    expect(queue.json().data.map((c: { id: string }) => c.id)).toContain(res.json().id);
    const approve = await env.app.inject({ method: 'POST', url: `/api/v1/conversions/${res.json().id}/review`, headers: auth, payload: { decision: 'approve', note: 'checked by hand' } });
    expect(approve.json().conversion.status).toBe('active');
    const twice = await env.app.inject({ method: 'POST', url: `/api/v1/conversions/${res.json().id}/review`, headers: auth, payload: { decision: 'reject' } });
    expect(twice.statusCode).toBe(412);
  });

  it('flags a click-to-conversion faster than the threshold and a self-referral', async () => {
    const id = await clickId();
    const fast = await post({ type: 'sale', orderId: order(), amount: 100, currency: 'USD', clickId: id, occurredAt: ago(2) });
    expect(fast.json().conversion.fraudFlags.map((f: { code: string }) => f.code)).toContain('FAST_CONVERSION');
    const creator = await env.app.inject({ method: 'POST', url: '/api/v1/influencers', headers: auth, payload: { name: 'Self Buyer', email: 'self@creator.test' } });
    const cmp = tracked.campaign;
    const link = await env.app.inject({ method: 'POST', url: '/api/v1/links', headers: auth, payload: { influencerId: creator.json().influencer.id, campaignId: cmp.id } });
    const selfClick = new URL((await visit(env, link.json().link.code)).headers.location as string).searchParams.get('adv_click');
    const self = await post({ type: 'sale', orderId: order(), amount: 100, currency: 'USD', clickId: selfClick, customerEmail: 'SELF@creator.test', occurredAt: ago(120) });
    const flag = self.json().conversion.fraudFlags.find((f: { code: string }) => f.code === 'SELF_REFERRAL');
    expect(flag).toBeDefined();
    expect(self.json().conversion.status).toBe('review');
  });

  it('flags a coupon used without any click from its creator (leaked code)', async () => {
    const other = await makeLink(env, auth, { handles: { instagram: 'leaky' } });
    const code = `LEAK${orderSeq}`;
    await env.app.inject({ method: 'POST', url: '/api/v1/coupons', headers: auth, payload: { influencerId: other.influencer.id, code } });
    const res = await post({ type: 'sale', orderId: order(), amount: 100, currency: 'USD', couponCode: code });
    expect(res.json().influencerId).toBe(other.influencer.id);
    expect(res.json().conversion.fraudFlags.map((f: { code: string }) => f.code)).toContain('COUPON_WITHOUT_CLICK');
  });

  it.each([
    ['JPY', 12000, 5000, 7000],
    ['USD', 1999, 999, 1000],
    ['KWD', 10500, 500, 10000],
  ])('refunds %s partially then fully, once per refund id, never beyond the sale', async (currency, amount, part, rest) => {
    const sale = (await post({ type: 'sale', orderId: order(), amount, currency, clickId: await clickId() })).json();
    const refund = (payload: Record<string, unknown>) => env.app.inject({ method: 'POST', url: `/api/v1/conversions/${sale.id}/refunds`, headers: auth, payload });
    const partial = await refund({ refundId: 're_1', amount: part, currency });
    expect(partial.statusCode).toBe(201);
    expect(partial.json().conversion).toMatchObject({ refundedAmount: part, refundState: 'partial' });
    expect((await refund({ refundId: 're_1', amount: part, currency })).json()).toMatchObject({ duplicate: true, conversion: { refundedAmount: part } });
    const tooMuch = await refund({ refundId: 're_2', amount: rest + 1, currency });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error.message).toMatch(/exceeds what is left/);
    expect((await refund({ refundId: 're_3', amount: rest, currency: currency === 'USD' ? 'EUR' : 'USD' })).statusCode).toBe(400);
    const full = await refund({ refundId: 're_2', amount: rest, currency });
    expect(full.json().conversion).toMatchObject({ refundedAmount: amount, refundState: 'full' });
    const history = (await env.app.inject({ method: 'GET', url: `/api/v1/conversions/${sale.id}`, headers: auth })).json().conversion.history;
    expect(history.map((h: { kind: string; amount: number }) => [h.kind, h.amount])).toEqual([['created', amount], ['refund', part], ['refund', rest]]);
  });

  it("keeps workspaces apart: another workspace's conversion is 404 and its click ids attribute nothing", async () => {
    const id = await clickId();
    const mine = (await post({ type: 'sale', orderId: order(), amount: 100, currency: 'USD', clickId: id })).json();
    const other = await workspaceWithKey(env);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/conversions/${mine.id}`, headers: other.auth })).statusCode).toBe(404);
    const foreign = await post({ type: 'sale', orderId: 'same-order-id-other-ws', amount: 100, currency: 'USD', clickId: id }, other.auth);
    expect(foreign.statusCode).toBe(201);
    expect(foreign.json().influencerId).toBeNull();
    expect(foreign.json().attribution.signals[0]).toMatchObject({ kind: 'click', status: 'unknown' });
    const readOnly = (await workspaceWithKey(env, ['read'])).auth;
    expect((await post({ type: 'lead' }, readOnly)).statusCode).toBe(403);
  });
});

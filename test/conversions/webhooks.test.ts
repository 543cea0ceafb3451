import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { makeLink, visit } from '../helpers/tracking.ts';

const fixture = (p: string) => JSON.parse(readFileSync(new URL(`../fixtures/webhooks/${p}`, import.meta.url), 'utf8'));
const STRIPE_EVENTS = fixture('stripe/events-composed-from-fixtures3.json').events;
const stripeEvent = (type: string) => structuredClone(STRIPE_EVENTS[type]);
const WOO_ORDERS = fixture('woocommerce/wc-v3_orders-examples.json').examples as { section: string; example: any }[];
const SIG_VECTORS = fixture('signatures/test-vectors.json');

const STRIPE_SECRET = 'whsec_test_secret';
const SHOPIFY_SECRET = 'shpss_test_secret_key';
const WOO_SECRET = 'wc_test_secret_123';

const stripeSig = (body: string, t = Math.floor(Date.now() / 1000), secret = STRIPE_SECRET) =>
  `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
const b64 = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64');

describe.each(ENGINES)('Stripe, Shopify and WooCommerce webhooks on %s', (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  let session: Record<string, string>;
  let workspaceId: string;
  let tracked: Awaited<ReturnType<typeof makeLink>>;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    const ws = await workspaceWithKey(env);
    auth = ws.auth;
    workspaceId = ws.workspace.id;
    await env.command('user.create', { workspace: ws.slug, email: 'o@b.test', password: 'a long password', role: 'admin' });
    const login = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'o@b.test', password: 'a long password' } });
    session = { cookie: `adv_session=${login.cookies[0]!.value}`, 'x-csrf-token': login.json().csrfToken };
    for (const [provider, secret] of [['stripe', STRIPE_SECRET], ['shopify', SHOPIFY_SECRET], ['woocommerce', WOO_SECRET]]) {
      const res = await env.app.inject({ method: 'PUT', url: `/api/v1/integrations/${provider}`, headers: session, payload: { secret } });
      expect(res.json().integration.endpoint).toMatch(new RegExp(`/api/v1/webhooks/${provider}/${workspaceId}$`));
    }
    tracked = await makeLink(env, auth);
  });
  afterAll(() => env?.close());

  const clickId = async () => new URL((await visit(env, tracked.link.code)).headers.location as string).searchParams.get('adv_click')!;
  const deliver = (provider: string, body: string, headers: Record<string, string>) =>
    env.app.inject({ method: 'POST', url: `/api/v1/webhooks/${provider}/${workspaceId}`, payload: body, headers: { 'content-type': 'application/json', ...headers } });
  const deliveries = async (provider: string) => (await env.app.inject({ method: 'GET', url: `/api/v1/integrations/${provider}/deliveries`, headers: auth })).json().data;
  const conversion = async (id: string) => (await env.app.inject({ method: 'GET', url: `/api/v1/conversions/${id}`, headers: auth })).json().conversion;

  it('Stripe: records a paid checkout once, attributed by client_reference_id, and refunds it by payment intent', async () => {
    const event = stripeEvent('checkout.session.completed');
    const session = event.data.object;
    Object.assign(session, { id: `cs_test_${engine}_1`, payment_status: 'paid', amount_total: 4999, amount_subtotal: 4999, currency: 'usd', client_reference_id: await clickId(), payment_intent: `pi_${engine}_1`, total_details: { amount_tax: 0, amount_shipping: 0, amount_discount: 0 } });
    event.created = Math.floor(Date.now() / 1000) + 1; // the purchase follows the click
    const body = JSON.stringify(event);
    const res = await deliver('stripe', body, { 'stripe-signature': stripeSig(body) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result).toBe('created');
    const conv = await conversion(res.json().conversionId);
    expect(conv).toMatchObject({ source: 'stripe', amount: 4999, currency: 'USD', orderId: `cs_test_${engine}_1`, influencerId: tracked.influencer.id });
    expect((await deliver('stripe', body, { 'stripe-signature': stripeSig(body) })).json().result).toBe('duplicate');

    const refund = stripeEvent('charge.refunded');
    Object.assign(refund.data.object, { payment_intent: `pi_${engine}_1`, invoice: null, amount: 4999, amount_captured: 4999, amount_refunded: 1500, currency: 'usd', refunded: false });
    refund.data.object.refunds = { object: 'list', data: [{ id: `re_${engine}_1`, object: 'refund', amount: 1500, currency: 'usd', status: 'succeeded', created: refund.created }] };
    const rbody = JSON.stringify(refund);
    const r = await deliver('stripe', rbody, { 'stripe-signature': stripeSig(rbody) });
    expect(r.json(), r.body).toMatchObject({ result: 'refund', conversionId: conv.id });
    expect((await conversion(conv.id)).refundedAmount).toBe(1500);
    expect((await deliver('stripe', rbody, { 'stripe-signature': stripeSig(rbody) })).json().result).toBe('duplicate');
    expect((await conversion(conv.id)).refundedAmount).toBe(1500);
  });

  it('Stripe: duplicate and out-of-order deliveries end in the right state', async () => {
    const pi = `pi_${engine}_ooo`;
    const refundEvent = (refunds: { id: string; amount: number; created: number }[]) => {
      const e = stripeEvent('charge.refunded');
      const total = refunds.reduce((sum, r) => sum + r.amount, 0);
      Object.assign(e.data.object, { payment_intent: pi, invoice: null, amount: 4999, amount_captured: 4999, amount_refunded: total, currency: 'usd', refunded: total === 4999 });
      e.data.object.refunds = { object: 'list', data: refunds.map((r) => ({ ...r, object: 'refund', currency: 'usd', status: 'succeeded' })) };
      const body = JSON.stringify(e);
      return () => deliver('stripe', body, { 'stripe-signature': stripeSig(body) });
    };
    const t = Math.floor(Date.now() / 1000);
    const firstRefund = refundEvent([{ id: `re_${engine}_a`, amount: 1500, created: t + 10 }]);
    const secondRefund = refundEvent([{ id: `re_${engine}_b`, amount: 3499, created: t + 20 }, { id: `re_${engine}_a`, amount: 1500, created: t + 10 }]);

    // The second refund arrives before the sale: refused with 409 so Stripe retries it later.
    expect((await secondRefund()).statusCode).toBe(409);

    // The sale arrives three times at once: stored once.
    const sale = stripeEvent('checkout.session.completed');
    Object.assign(sale.data.object, { id: `cs_test_${engine}_ooo`, payment_status: 'paid', amount_total: 4999, amount_subtotal: 4999, currency: 'usd', client_reference_id: await clickId(), payment_intent: pi, total_details: { amount_tax: 0, amount_shipping: 0, amount_discount: 0 } });
    sale.created = t + 1;
    const saleBody = JSON.stringify(sale);
    const results = await Promise.all([1, 2, 3].map(() => deliver('stripe', saleBody, { 'stripe-signature': stripeSig(saleBody) })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.json().result).sort()).toEqual(['created', 'duplicate', 'duplicate']);
    const id = results.find((r) => r.json().result === 'created')!.json().conversionId;

    // Stripe's retry of the second refund comes first, then the older first refund, then both again.
    expect((await secondRefund()).json()).toMatchObject({ result: 'refund', conversionId: id });
    expect((await conversion(id)).refundedAmount).toBe(4999);
    const older = await firstRefund();
    expect(older.statusCode).toBe(200);
    expect((await conversion(id)).refundedAmount).toBe(4999); // already inside the running total
    expect((await secondRefund()).json().result).toBe('duplicate');
    expect((await firstRefund()).json().result).toBe('duplicate');
    const final = await conversion(id);
    expect(final).toMatchObject({ amount: 4999, refundedAmount: 4999 });
    const stored = await env.database.db.selectFrom('conversions').select('id').where('order_id', '=', `cs_test_${engine}_ooo`).execute();
    expect(stored).toHaveLength(1);
  });

  it('Stripe: rejects tampered, unsigned, wrongly signed and stale deliveries, and logs them', async () => {
    const event = stripeEvent('checkout.session.completed');
    Object.assign(event.data.object, { id: `cs_test_${engine}_2`, payment_status: 'paid', amount_total: 100, currency: 'usd' });
    const body = JSON.stringify(event);
    const tampered = body.replace('"amount_total":100', '"amount_total":1');
    for (const [payload, headers] of [
      [tampered, { 'stripe-signature': stripeSig(body) }],
      [body, {}],
      [body, { 'stripe-signature': stripeSig(body, undefined, 'whsec_wrong') }],
      [body, { 'stripe-signature': stripeSig(body, Math.floor(Date.now() / 1000) - 3600) }],
    ] as const) {
      const res = await deliver('stripe', payload, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toMatch(/Signature check failed/);
    }
    const log = await deliveries('stripe');
    expect(log.slice(0, 4).every((d: { verified: boolean; result: string }) => !d.verified && d.result === 'rejected')).toBe(true);
    expect((await env.database.db.selectFrom('conversions').select('id').where('order_id', '=', `cs_test_${engine}_2`).execute())).toHaveLength(0);
  });

  it('Stripe: the published signature vector verifies (and a refund for an unknown order asks for a retry)', async () => {
    const v = SIG_VECTORS.stripe;
    expect(stripeSig(v.raw_body, v.timestamp, v.secret)).toBe(v.expected_header_value);
    const refund = stripeEvent('charge.refunded');
    Object.assign(refund.data.object, { payment_intent: 'pi_never_seen', invoice: null, amount_refunded: 100, currency: 'usd' });
    const body = JSON.stringify(refund);
    const res = await deliver('stripe', body, { 'stripe-signature': stripeSig(body) });
    expect(res.statusCode).toBe(409);
    expect((await deliveries('stripe'))[0]).toMatchObject({ result: 'deferred', verified: true });
  });

  it('Shopify: verifies the HMAC, keeps 64-bit ids exact, attributes by landing_site and refunds', async () => {
    const v = SIG_VECTORS.shopify;
    expect(b64(v.secret, v.raw_body)).toBe(v.expected_header_value);
    const id = await clickId();
    const raw = readFileSync(new URL('../fixtures/webhooks/shopify/orders_create.usd_with_discount_code_landing_site.json', import.meta.url), 'utf8');
    const big = `98765432109876543${engine === 'pglite' ? '21' : '22'}`;
    const body = raw
      .replace(/"id":\s*450789469\b/, `"id": ${big}`)
      .replace('"financial_status": "partially_refunded"', '"financial_status": "paid"')
      .replace('http://www.example.com?source=abc', `http://www.example.com/?source=abc&adv_click=${id}`)
      .replace(/"(processed_at|created_at)":\s*"[^"]+"/g, `"$1": "${new Date(Date.now() + 1000).toISOString()}"`);
    const headers = { 'x-shopify-topic': 'orders/create', 'x-shopify-hmac-sha256': b64(SHOPIFY_SECRET, body) };
    const res = await deliver('shopify', body, headers);
    expect(res.statusCode, res.body).toBe(200);
    const conv = await conversion(res.json().conversionId);
    expect(conv).toMatchObject({ orderId: big, amount: 59894, currency: 'USD', clickId: id, influencerId: tracked.influencer.id, couponCode: 'TENOFF' });
    expect((await deliver('shopify', body.replace('598.94', '1.00'), headers)).statusCode).toBe(401);
    const refundRaw = readFileSync(new URL('../fixtures/webhooks/shopify/refunds_create.line_items.json', import.meta.url), 'utf8').replace(/"order_id":\s*450789469\b/, `"order_id": ${big}`);
    const r = await deliver('shopify', refundRaw, { 'x-shopify-topic': 'refunds/create', 'x-shopify-hmac-sha256': b64(SHOPIFY_SECRET, refundRaw) });
    expect(r.json(), r.body).toMatchObject({ result: 'refund' });
    expect((await conversion(conv.id)).refundedAmount).toBe(20900);
  });

  it('WooCommerce: accepts the unsigned ping, verifies orders and ignores unpaid ones', async () => {
    const ping = await env.app.inject({ method: 'POST', url: `/api/v1/webhooks/woocommerce/${workspaceId}`, payload: 'webhook_id=15', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(ping.json()).toEqual({ result: 'ping' });
    const order = structuredClone(WOO_ORDERS.find((e) => e.section === 'Create an order')!.example);
    order.id = engine === 'pglite' ? 9001 : 9002;
    order.meta_data.push({ id: 1, key: 'adv_click', value: await clickId() });
    order.date_paid_gmt = new Date(Date.now() + 1000).toISOString().slice(0, 19);
    const body = JSON.stringify(order);
    const res = await deliver('woocommerce', body, { 'x-wc-webhook-topic': 'order.created', 'x-wc-webhook-signature': b64(WOO_SECRET, body) });
    expect(res.json(), res.body).toMatchObject({ result: 'created' });
    expect(await conversion(res.json().conversionId)).toMatchObject({ amount: 2935, tax: 135, shipping: 1000, netAmount: 1800, influencerId: tracked.influencer.id });
    const unsigned = await deliver('woocommerce', body, { 'x-wc-webhook-topic': 'order.created' });
    expect(unsigned.statusCode).toBe(401);
    const pending = JSON.stringify({ ...order, id: 9100, status: 'pending' });
    const ignored = await deliver('woocommerce', pending, { 'x-wc-webhook-topic': 'order.created', 'x-wc-webhook-signature': b64(WOO_SECRET, pending) });
    expect(ignored.json().result).toBe('ignored');
    expect((await deliveries('woocommerce')).map((d: { result: string }) => d.result)).toEqual(['ignored', 'rejected', 'created', 'ping']);
  });

  it('refuses webhooks for a workspace without that integration', async () => {
    const other = await workspaceWithKey(env);
    const res = await env.app.inject({ method: 'POST', url: `/api/v1/webhooks/stripe/${other.workspace.id}`, payload: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(404);
  });
});

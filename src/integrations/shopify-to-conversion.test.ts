import { describe, expect, it } from 'vitest';
import { shopifyWebhookToResult } from './shopify-to-conversion.ts';
import { asRefund, asSale, fixtureJson, fixtureText } from './webhook-fixtures.test-helper.ts';

const USD = 'shopify/orders_create.usd_with_discount_code_landing_site.json';
const EUR = 'shopify/orders_create.eur.json';
const PERCENT = 'shopify/orders_create.percentage_code.json';
const REFUND_LINES = 'shopify/refunds_create.line_items.json';
const REFUND_SHIPPING = 'shopify/refunds_create.shipping_adjustment.json';

// Ids from Shopify's docs that do not fit a double: JSON.parse would round them.
const BIG_ORDER_ID = '820982911946154508';
const BIG_CUSTOMER_ID = '115310627314723954';

/** The fixture with some JSON fields patched, re-serialised (ids in these fixtures are < 2^53). */
const patched = (path: string, patch: (o: any) => void) => {
  const o = fixtureJson(path);
  patch(o);
  return JSON.stringify(o);
};

describe('shopifyWebhookToResult: orders', () => {
  it('normalises the order with a discount code and landing site, field by field', () => {
    const r = asSale(shopifyWebhookToResult('orders/create', fixtureText(USD)));
    expect(r).toEqual({
      kind: 'conversion',
      source: 'shopify',
      type: 'sale',
      orderId: '450789469',
      amount: 59894n, // total_price 598.94, not current_total_price (refunds come as refunds/create)
      currency: 'USD',
      tax: 1194n,
      shipping: 0n,
      discount: 1000n,
      customerId: '207119551',
      customerEmail: 'bob.norman@mail.example.com',
      couponCode: 'TENOFF',
      clickId: null, // landing_site http://www.example.com?source=abc carries no adv_click
      lineItems: [
        { sku: 'IPOD2008GREEN', category: null, quantity: 1, amount: 19566n },
        { sku: 'IPOD2008RED', category: null, quantity: 1, amount: 19567n },
        { sku: 'IPOD2008BLACK', category: null, quantity: 1, amount: 19567n },
      ],
      subscription: null,
      occurredAt: new Date('2008-01-10T16:00:00Z'),
      metadata: { shopifyOrderId: '450789469', orderName: '#1001', financialStatus: 'partially_refunded', presentmentCurrency: 'USD', test: false },
    });
  });

  it('keeps 64-bit order and customer ids exact', () => {
    const raw = fixtureText(USD)
      .replace('"id": 450789469,', `"id": ${BIG_ORDER_ID},`)
      .replace('"id": 207119551,', `"id": ${BIG_CUSTOMER_ID},`);
    expect(String(JSON.parse(raw).id)).not.toBe(BIG_ORDER_ID); // what a plain parse would store
    const r = asSale(shopifyWebhookToResult('orders/create', raw));
    expect(r.orderId).toBe(BIG_ORDER_ID);
    expect(r.customerId).toBe(BIG_CUSTOMER_ID);
    expect(r.metadata.shopifyOrderId).toBe(BIG_ORDER_ID);
  });

  it('falls back to admin_graphql_api_id when id is missing', () => {
    const raw = patched(USD, (o) => {
      delete o.id;
      o.admin_graphql_api_id = `gid://shopify/Order/${BIG_ORDER_ID}`;
    });
    expect(asSale(shopifyWebhookToResult('orders/create', raw)).orderId).toBe(BIG_ORDER_ID);
  });

  it('reads the click id from the landing_site query, or from note_attributes', () => {
    const withLanding = patched(USD, (o) => (o.landing_site = '/products/ipod?utm_source=instagram&adv_click=6kq3xV0lQ1mZ2b7cT9pR-w'));
    expect(asSale(shopifyWebhookToResult('orders/create', withLanding)).clickId).toBe('6kq3xV0lQ1mZ2b7cT9pR-w');
    const absolute = patched(USD, (o) => (o.landing_site = 'https://shop.example/?ref=x&adv_click=abc123'));
    expect(asSale(shopifyWebhookToResult('orders/create', absolute)).clickId).toBe('abc123');
    const custom = patched(USD, (o) => (o.landing_site = '/?cid=zz9'));
    expect(asSale(shopifyWebhookToResult('orders/create', custom, { clickIdParam: 'cid' })).clickId).toBe('zz9');
    const note = patched(USD, (o) => o.note_attributes.push({ name: 'adv_click', value: 'fromNote_1' }));
    expect(asSale(shopifyWebhookToResult('orders/create', note)).clickId).toBe('fromNote_1');
  });

  it('normalises the EUR order (no customer, no sku, no shipping lines)', () => {
    expect(asSale(shopifyWebhookToResult('orders/create', fixtureText(EUR)))).toMatchObject({
      orderId: '1073459976',
      amount: 23847n,
      currency: 'EUR',
      tax: 1350n,
      shipping: 0n,
      discount: 0n,
      customerId: null,
      customerEmail: null,
      couponCode: null,
      lineItems: [{ sku: null, quantity: 3, amount: 22497n }],
    });
  });

  it('normalises the percentage-code order: code FAKE30 and the allocation off the line', () => {
    expect(asSale(shopifyWebhookToResult('orders/paid', fixtureText(PERCENT)))).toMatchObject({
      orderId: '1073459981',
      amount: 18109n,
      discount: 1791n,
      couponCode: 'FAKE30',
      customerId: '1073339475',
      customerEmail: 'jane@example.com',
      lineItems: [{ sku: 'IPOD2009BLACK', quantity: 1, amount: 18109n }],
    });
  });

  it('uses discounted shipping line prices for shipping', () => {
    const raw = patched(EUR, (o) => {
      o.shipping_lines = [{ price: '10.00', discounted_price: '4.00' }, { price: '2.50', discounted_price_set: { shop_money: { amount: '2.50', currency_code: 'EUR' } } }];
      o.total_shipping_price_set.shop_money.amount = '12.50';
    });
    expect(asSale(shopifyWebhookToResult('orders/create', raw)).shipping).toBe(650n);
  });

  it('converts JPY (0 decimals) and KWD (3 decimals) exactly', () => {
    const jpy = patched(EUR, (o) => {
      o.currency = 'JPY';
      o.total_price = '23847';
      o.total_tax = '1350';
      o.total_discounts = '0';
      o.total_shipping_price_set.shop_money.amount = '0';
      o.line_items[0].price = '7499';
      o.line_items[0].price_set.shop_money.amount = '7499';
    });
    expect(asSale(shopifyWebhookToResult('orders/create', jpy))).toMatchObject({ amount: 23847n, currency: 'JPY', tax: 1350n, lineItems: [{ amount: 22497n }] });
    const kwd = patched(PERCENT, (o) => {
      o.currency = 'KWD';
      o.total_price = '18.109';
      o.total_tax = '0.000';
      o.total_discounts = '1.791';
      o.total_shipping_price_set.shop_money.amount = '0.000';
      const li = o.line_items[0];
      li.price = '19.900';
      li.price_set.shop_money.amount = '19.900';
      li.discount_allocations[0].amount_set.shop_money.amount = '1.791';
    });
    expect(asSale(shopifyWebhookToResult('orders/create', kwd))).toMatchObject({ amount: 18109n, currency: 'KWD', discount: 1791n, lineItems: [{ amount: 18109n }] });
  });

  it('ignores, with a reason, an amount finer than its currency allows', () => {
    const bad = patched(EUR, (o) => (o.currency = 'JPY'));
    expect(shopifyWebhookToResult('orders/create', bad)).toEqual({ kind: 'ignored', reason: 'invalid payload: total_price "238.47" has more decimals than JPY allows (0)' });
  });

  it('counts only paid orders on orders/create; orders/paid always counts', () => {
    const pending = patched(EUR, (o) => (o.financial_status = 'pending'));
    expect(shopifyWebhookToResult('orders/create', pending)).toEqual({
      kind: 'ignored',
      reason: 'Shopify order 1073459976 is not paid yet (financial_status pending); orders/paid will follow',
    });
    expect(shopifyWebhookToResult('orders/create', patched(EUR, (o) => (o.financial_status = 'authorized')))).toMatchObject({ kind: 'ignored' });
    expect(asSale(shopifyWebhookToResult('orders/paid', pending)).orderId).toBe('1073459976');
    expect(asSale(shopifyWebhookToResult('orders/create', patched(EUR, (o) => (o.financial_status = 'partially_paid')))).amount).toBe(23847n);
    expect(shopifyWebhookToResult('orders/paid', patched(EUR, (o) => (o.cancelled_at = '2025-04-03T00:00:00Z')))).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/cancelled/) });
  });
});

describe('shopifyWebhookToResult: refunds/create', () => {
  it('sums the refund transactions: 209.00 returned for two line items', () => {
    expect(asRefund(shopifyWebhookToResult('refunds/create', fixtureText(REFUND_LINES)))).toEqual({
      kind: 'refund',
      source: 'shopify',
      orderId: '450789469',
      refundId: '509562969',
      amount: 20900n,
      currency: 'USD',
      reason: 'it broke during shipping',
      chargeback: false,
      occurredAt: new Date('2025-04-02T16:38:15Z'),
      totalRefunded: null,
      metadata: { shopifyRefundId: '509562969', shopifyOrderId: '450789469', transactionIds: ['179259969'] },
    });
  });

  it('counts a shipping-only refund, which has no refund line items', () => {
    expect(asRefund(shopifyWebhookToResult('refunds/create', fixtureText(REFUND_SHIPPING)))).toMatchObject({ refundId: '929361471', amount: 500n, reason: null });
  });

  it('keeps a 64-bit order id exact', () => {
    const raw = fixtureText(REFUND_LINES).replace('"order_id": 450789469,', `"order_id": ${BIG_ORDER_ID},`);
    expect(asRefund(shopifyWebhookToResult('refunds/create', raw)).orderId).toBe(BIG_ORDER_ID);
  });

  it('refunds in JPY and KWD', () => {
    const inCurrency = (currency: string, amount: string) =>
      patched(REFUND_SHIPPING, (r) => {
        r.transactions[0].currency = currency;
        r.transactions[0].amount = amount;
        r.total_duties_set.shop_money.currency_code = currency;
      });
    expect(asRefund(shopifyWebhookToResult('refunds/create', inCurrency('JPY', '500')))).toMatchObject({ amount: 500n, currency: 'JPY' });
    expect(asRefund(shopifyWebhookToResult('refunds/create', inCurrency('KWD', '1.250')))).toMatchObject({ amount: 1250n, currency: 'KWD' });
  });

  it('ignores a refund that moved no money, and failed transactions', () => {
    expect(shopifyWebhookToResult('refunds/create', patched(REFUND_LINES, (r) => (r.transactions = [])))).toEqual({
      kind: 'ignored',
      reason: 'Shopify refund 509562969 returned no money (no successful refund transaction)',
    });
    expect(shopifyWebhookToResult('refunds/create', patched(REFUND_LINES, (r) => (r.transactions[0].status = 'failure')))).toMatchObject({ kind: 'ignored' });
  });

  it('does not subtract a presentment-currency refund from a shop-currency sale', () => {
    const raw = patched(REFUND_LINES, (r) => (r.transactions[0].currency = 'CAD'));
    expect(shopifyWebhookToResult('refunds/create', raw)).toEqual({
      kind: 'ignored',
      reason: 'Shopify refund 509562969 is in CAD but the shop currency is USD; review it by hand',
    });
  });
});

describe('shopifyWebhookToResult: everything else', () => {
  it('ignores other topics, non-JSON and shapes that do not fit', () => {
    expect(shopifyWebhookToResult('products/create', '{"foo": "bar"}')).toEqual({ kind: 'ignored', reason: 'unsupported Shopify topic products/create' });
    expect(shopifyWebhookToResult('orders/create', '{"id":')).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/^Shopify body is not JSON/) });
    expect(shopifyWebhookToResult('orders/create', '{"foo": "bar"}')).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/^Shopify order does not have the expected shape: currency/) });
    expect(shopifyWebhookToResult('refunds/create', fixtureText(EUR))).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/^Shopify refund does not have the expected shape/) });
  });

  it('accepts the topic header in any case', () => {
    expect(shopifyWebhookToResult('ORDERS/CREATE', fixtureText(EUR)).kind).toBe('conversion');
  });
});

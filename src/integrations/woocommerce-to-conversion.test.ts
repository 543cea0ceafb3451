import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWooCommerceSignature } from './verify-woocommerce-signature.ts';
import { wooWebhookToResult } from './woocommerce-to-conversion.ts';
import { asRefund, asSale, clone, fixtureJson } from './webhook-fixtures.test-helper.ts';

const ORDERS = fixtureJson('woocommerce/wc-v3_orders-examples.json').examples as { section: string; example: any }[];
const WEBHOOKS = fixtureJson('woocommerce/wc-v3_webhooks-examples.json').examples as { section: string; example: any }[];
const example = (section: string) => clone(ORDERS.find((e) => e.section === section)!.example);
/** Order 727 ("Create an order"): processing, USD 29.35, two lines, flat-rate shipping 10.00. */
const order727 = () => example('Create an order');
/** Order 723 (from "List all orders"): completed, customer 26, refunds of 10.00 and 9.00. */
const order723 = () => example('List all orders').find((o: any) => o.id === 723);
/** The topic WooCommerce's own webhook examples subscribe to. */
const UPDATED = WEBHOOKS.find((e) => e.section === 'Create a webhook')!.example.topic as string;
// WooCommerce delivers wp_json_encode output, which escapes "/".
const wpJson = (o: unknown) => JSON.stringify(o).replace(/\//g, '\\/');


describe('wooWebhookToResult: sales', () => {
  it('normalises the documented order 727, field by field', () => {
    const o = order727();
    o.coupon_lines = [{ id: 1, code: 'alice10', discount: '0.00' }];
    o.meta_data.push({ id: 13200, key: 'adv_click', value: '6kq3xV0lQ1mZ2b7cT9pR-w' });
    o.customer_id = 26;
    expect(wooWebhookToResult('order.created', wpJson(o))).toEqual({
      kind: 'conversion',
      source: 'woocommerce',
      type: 'sale',
      orderId: '727',
      amount: 2935n,
      currency: 'USD',
      tax: 135n,
      shipping: 1000n,
      discount: 0n,
      customerId: '26',
      customerEmail: 'john.doe@example.com',
      couponCode: 'alice10',
      clickId: '6kq3xV0lQ1mZ2b7cT9pR-w',
      lineItems: [
        { sku: null, category: null, quantity: 2, amount: 600n },
        { sku: 'Bar3', category: null, quantity: 1, amount: 1200n },
      ],
      subscription: null,
      occurredAt: new Date('2017-03-22T19:28:08Z'), // date_paid_gmt, read as UTC
      metadata: { wooOrderId: '727', orderNumber: '727', status: 'processing' },
    });
  });

  it('verifies and normalises the same signed bytes end to end', () => {
    const raw = wpJson(order727());
    const header = createHmac('sha256', 'wc_secret').update(raw).digest('base64');
    expect(verifyWooCommerceSignature({ rawBody: raw, header, secret: 'wc_secret' })).toEqual({ ok: true });
    expect(asSale(wooWebhookToResult(UPDATED, raw)).orderId).toBe('727');
  });

  it('treats a guest (customer_id 0) as no customer id and reads a hidden _adv_click meta', () => {
    const o = order727();
    o.meta_data.push({ id: 1, key: '_adv_click', value: 'hidden_1' });
    expect(asSale(wooWebhookToResult('order.created', wpJson(o)))).toMatchObject({ customerId: null, clickId: 'hidden_1' });
  });

  it('uses the workspace click id key when configured', () => {
    const o = order727();
    o.meta_data.push({ id: 1, key: 'ref', value: 'r_1' });
    expect(asSale(wooWebhookToResult('order.created', wpJson(o), { clickIdParam: 'ref' })).clickId).toBe('r_1');
  });

  it('counts a completed order on order.updated when it lists no refunds', () => {
    expect(asSale(wooWebhookToResult('order.updated', wpJson(example('Update an Order')))).metadata.status).toBe('completed');
  });

  it('converts JPY (0 decimals) and KWD (3 decimals), rounding only unrounded line totals', () => {
    const jpy = Object.assign(order727(), { currency: 'JPY', total: '2935', total_tax: '135', shipping_total: '1000', discount_total: '0' });
    jpy.line_items[0].total = '600';
    jpy.line_items[1].total = '1200.00';
    expect(asSale(wooWebhookToResult('order.created', wpJson(jpy)))).toMatchObject({ amount: 2935n, currency: 'JPY', tax: 135n, shipping: 1000n, lineItems: [{ amount: 600n }, { amount: 1200n }] });
    const kwd = Object.assign(order727(), { currency: 'KWD', total: '29.350', total_tax: '1.350', shipping_total: '10.000', discount_total: '0.000' });
    kwd.line_items[0].total = '6.3335'; // stored unrounded: half-even to 6.334
    expect(asSale(wooWebhookToResult('order.created', wpJson(kwd)))).toMatchObject({ amount: 29350n, currency: 'KWD', shipping: 10000n, lineItems: [{ amount: 6334n }, { amount: 12000n }] });
  });

  it('ignores, with a reason, an order total finer than its currency', () => {
    const o = Object.assign(order727(), { currency: 'JPY' });
    expect(wooWebhookToResult('order.created', wpJson(o))).toEqual({ kind: 'ignored', reason: 'invalid payload: total "29.35" has more decimals than JPY allows (0)' });
  });
});

describe('wooWebhookToResult: refunds', () => {
  it('turns a partial refund seen on order.updated into the newest refund with the listed total', () => {
    expect(asRefund(wooWebhookToResult(UPDATED, wpJson(order723())))).toEqual({
      kind: 'refund',
      source: 'woocommerce',
      orderId: '723',
      refundId: '726',
      amount: 1000n,
      currency: 'USD',
      reason: null,
      chargeback: false,
      occurredAt: new Date('2017-03-21T19:54:51Z'), // date_modified_gmt: the list has no refund dates
      totalRefunded: 1900n,
      metadata: { wooOrderId: '723', refundIds: [726, 724], status: 'completed' },
    });
  });

  it('still counts the sale when an order.created already lists refunds', () => {
    expect(asSale(wooWebhookToResult('order.created', wpJson(order723()))).amount).toBe(3900n);
  });

  it('turns status refunded into a refund up to the whole order', () => {
    const o = Object.assign(order723(), { status: 'refunded' });
    o.refunds.unshift({ id: 730, refund: 'Customer changed their mind', total: '-20.00' });
    expect(asRefund(wooWebhookToResult('order.updated', wpJson(o)))).toMatchObject({ refundId: '730', amount: 2000n, reason: 'Customer changed their mind', totalRefunded: 3900n });
    const bare = Object.assign(order727(), { status: 'refunded' });
    expect(asRefund(wooWebhookToResult('order.updated', wpJson(bare)))).toMatchObject({ refundId: '727:refunded', amount: 2935n, totalRefunded: 2935n });
  });

  it('refunds in JPY and KWD', () => {
    const jpy = Object.assign(order723(), { status: 'refunded', currency: 'JPY', total: '3900' });
    jpy.refunds = [{ id: 800, refund: '', total: '-3900' }];
    expect(asRefund(wooWebhookToResult('order.updated', wpJson(jpy)))).toMatchObject({ amount: 3900n, currency: 'JPY', totalRefunded: 3900n });
    const kwd = Object.assign(order723(), { currency: 'KWD', total: '39.000' });
    kwd.refunds = [{ id: 801, refund: '', total: '-1.250' }];
    expect(asRefund(wooWebhookToResult('order.updated', wpJson(kwd)))).toMatchObject({ amount: 1250n, currency: 'KWD', totalRefunded: 1250n });
  });
});

describe('wooWebhookToResult: ignored', () => {
  it('ignores unpaid statuses with the status in the reason', () => {
    for (const status of ['pending', 'on-hold', 'failed', 'cancelled', 'checkout-draft']) {
      expect(wooWebhookToResult('order.updated', wpJson(Object.assign(order727(), { status })))).toEqual({
        kind: 'ignored',
        reason: `WooCommerce order 727 has status ${status}; only processing and completed orders are sales`,
      });
    }
  });

  it('ignores other topics (e.g. the customer.created webhook in the docs), non-JSON and other shapes', () => {
    const customerTopic = WEBHOOKS.find((e) => e.section === 'List all webhooks')!.example[0].topic;
    expect(wooWebhookToResult(customerTopic, '{}')).toEqual({ kind: 'ignored', reason: 'unsupported WooCommerce topic customer.created' });
    expect(wooWebhookToResult('order.created', 'webhook_id=142')).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/^WooCommerce body is not JSON/) });
    expect(wooWebhookToResult('order.created', '{"id":727}')).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/^WooCommerce order does not have the expected shape/) });
  });

  it('ignores an order without any usable date rather than inventing one', () => {
    const v = fixtureJson('signatures/test-vectors.json').woocommerce.raw_body as string;
    expect(wooWebhookToResult('order.created', v)).toEqual({ kind: 'ignored', reason: 'invalid payload: WooCommerce order 727 has no valid date_paid_gmt / date_created_gmt' });
  });
});

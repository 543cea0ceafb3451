import { describe, expect, it } from 'vitest';
import { stripeEventToResult } from './stripe-to-conversion.ts';
import { stripeEvent, triggerParam } from './stripe-events.test-helper.ts';
import { asSale } from './webhook-fixtures.test-helper.ts';

// `stripe trigger checkout.session.completed`: 2 × a 1500 USD-cent price, confirmed for 3000.
const price = triggerParam('checkout.session.completed', 'price');
const lines = triggerParam('checkout.session.completed', 'checkout_session').line_items;
const CHECKOUT_TOTAL = Number(price.unit_amount) * lines[0].quantity;

function paidSession(extra: (s: any) => void = () => {}) {
  return stripeEvent('checkout.session.completed', (s) => {
    s.payment_status = 'paid';
    s.status = 'complete';
    s.amount_total = CHECKOUT_TOTAL;
    s.amount_subtotal = CHECKOUT_TOTAL;
    s.currency = price.currency;
    s.total_details = { amount_discount: 0, amount_shipping: 0, amount_tax: 0 };
    extra(s);
  });
}

describe('stripeEventToResult: checkout.session.completed', () => {
  it('ignores the fixture as delivered: an unpaid payment-mode session is not a sale', () => {
    expect(stripeEventToResult(stripeEvent('checkout.session.completed'))).toEqual({
      kind: 'ignored',
      reason: expect.stringMatching(/is not paid \(payment_status unpaid\)/),
    });
  });

  it('turns a paid session into a sale with every field', () => {
    const e = paidSession((s) => {
      s.amount_total = 3300;
      s.total_details = { amount_discount: 200, amount_shipping: 500, amount_tax: 240 };
      s.customer = 'cus_QXg1o8vcGmoR32';
      s.customer_details.email = ' Jenny.Rosen@Example.com ';
      s.client_reference_id = 'ref-not-a-click';
      s.metadata = { adv_click: '6kq3xV0lQ1mZ2b7cT9pR-w', order_note: 'x' };
      s.discounts = [{ coupon: null, promotion_code: { id: 'promo_1Pgc79B7WZ01zgkWNy4mn5NX', object: 'promotion_code', code: 'FALL20' } }];
    });
    const r = asSale(stripeEventToResult(e));
    expect(r).toEqual({
      kind: 'conversion',
      source: 'stripe',
      type: 'sale',
      orderId: 'cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY',
      amount: 3300n,
      currency: 'USD',
      tax: 240n,
      shipping: 500n,
      discount: 200n,
      customerId: 'cus_QXg1o8vcGmoR32',
      customerEmail: 'jenny.rosen@example.com',
      couponCode: 'FALL20',
      clickId: '6kq3xV0lQ1mZ2b7cT9pR-w',
      lineItems: [],
      subscription: null,
      occurredAt: new Date(1234567890 * 1000),
      metadata: {
        stripeEventId: 'evt_1Pgc76B7WZ01zgkWwyRHS12y',
        stripeCheckoutSessionId: 'cs_test_a1YS1URlnyQCN5fUUduORoQ7Pw41PJqDWkIVQCpJPqkfIhd6tVY8XB1OLY',
        stripePaymentIntentId: 'pi_1PgafyB7WZ01zgkWSjxsAJo3',
        stripePromotionCodeId: 'promo_1Pgc79B7WZ01zgkWNy4mn5NX',
        livemode: false,
      },
    });
  });

  it('uses the CLI trigger total, client_reference_id as the click id, and an unexpanded promotion code id', () => {
    const r = asSale(
      stripeEventToResult(
        paidSession((s) => {
          s.client_reference_id = 'Zx9_click-id';
          s.discounts = [{ coupon: null, promotion_code: 'promo_123' }];
        }),
      ),
    );
    expect(r.amount).toBe(BigInt(CHECKOUT_TOTAL));
    expect(r.amount).toBe(3000n);
    expect(r.clickId).toBe('Zx9_click-id');
    expect(r.couponCode).toBe('promo_123');
    expect(r.customerEmail).toBe('example@example.com');
  });

  it('drops a malformed email and falls back to customer_email', () => {
    const r = asSale(stripeEventToResult(paidSession((s) => Object.assign(s, { customer_details: { email: 'n/a' }, customer_email: 'Buyer@Example.com' }))));
    expect(r.customerEmail).toBe('buyer@example.com');
  });

  it('reads the click id from metadata.click_id or a workspace-specific key, and drops junk', () => {
    expect(asSale(stripeEventToResult(paidSession((s) => (s.metadata = { click_id: 'abc' })))).clickId).toBe('abc');
    expect(asSale(stripeEventToResult(paidSession((s) => (s.metadata = { ref: 'r1', adv_click: 'a1' })), { clickIdParam: 'ref' })).clickId).toBe('r1');
    expect(asSale(stripeEventToResult(paidSession((s) => (s.metadata = { adv_click: '<script>' })))).clickId).toBeNull();
  });

  it('counts a subscription-mode session under its first invoice id, with the subscription', () => {
    const r = asSale(
      stripeEventToResult(
        stripeEvent('checkout.session.completed', (s) => {
          s.mode = 'subscription';
          s.payment_status = 'paid';
          s.amount_total = 1000;
          s.currency = 'usd';
          s.invoice = 'in_1Pgc6tB7WZ01zgkWu9fdqL6I';
          s.subscription = 'sub_1MowQVLkdIwHu7ixeRlqHVzs';
          s.payment_intent = null;
        }),
      ),
    );
    expect(r.orderId).toBe('in_1Pgc6tB7WZ01zgkWu9fdqL6I');
    expect(r.subscription).toEqual({ id: 'sub_1MowQVLkdIwHu7ixeRlqHVzs', isRenewal: false, periodStart: null });
  });

  it('counts a trial subscription session at 0 so renewals can find the creator', () => {
    const r = stripeEventToResult(
      stripeEvent('checkout.session.completed', (s) => {
        s.mode = 'subscription';
        s.payment_status = 'no_payment_required';
        s.amount_total = 0;
        s.currency = 'usd';
        s.subscription = 'sub_trial';
      }),
    );
    expect(asSale(r).amount).toBe(0n);
  });

  it('converts JPY (0 decimals), KWD (3) and the Stripe exceptions ISK and MGA to ISO minor units', () => {
    const amountIn = (currency: string, amount_total: number) =>
      stripeEventToResult(paidSession((s) => Object.assign(s, { currency, amount_total, total_details: { amount_tax: null } })));
    expect(asSale(amountIn('jpy', 3000))).toMatchObject({ amount: 3000n, currency: 'JPY', tax: null });
    expect(asSale(amountIn('kwd', 12340))).toMatchObject({ amount: 12340n, currency: 'KWD' });
    expect(asSale(amountIn('isk', 50000))).toMatchObject({ amount: 500n, currency: 'ISK' }); // Stripe: 2 decimals
    expect(asSale(amountIn('mga', 5000))).toMatchObject({ amount: 500000n, currency: 'MGA' }); // Stripe: 0 decimals
    expect(amountIn('isk', 50050)).toEqual({ kind: 'ignored', reason: expect.stringMatching(/invalid payload: .*fractional/) });
    expect(amountIn('zzz', 100)).toEqual({ kind: 'ignored', reason: 'invalid payload: unknown currency "zzz"' });
  });

  it('ignores setup-mode sessions and sessions without a total', () => {
    expect(stripeEventToResult(paidSession((s) => (s.mode = 'setup')))).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/setup mode/) });
    expect(stripeEventToResult(paidSession((s) => (s.amount_total = null)))).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/no amount_total/) });
  });

  it('treats checkout.session.async_payment_succeeded like a completed paid session', () => {
    const e = paidSession();
    e.type = 'checkout.session.async_payment_succeeded';
    expect(asSale(stripeEventToResult(e)).amount).toBe(3000n);
  });
});

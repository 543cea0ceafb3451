import { describe, expect, it } from 'vitest';
import { stripeEventToResult } from './stripe-to-conversion.ts';
import { stripeEvent, triggerParam } from './stripe-events.test-helper.ts';
import { asSale } from './webhook-fixtures.test-helper.ts';

// `stripe trigger invoice.paid`: one 2000 USD-cent invoice item.
const invoiceItem = triggerParam('invoice.paid', 'invoiceitem');

function paidInvoice(patch: (i: any) => void = () => {}) {
  return stripeEvent('invoice.paid', (i) => {
    i.status = 'paid';
    i.amount_paid = invoiceItem.amount;
    i.currency = invoiceItem.currency;
    i.lines.data[0].amount = invoiceItem.amount;
    i.status_transitions = { paid_at: 1721954060 };
    patch(i);
  });
}

describe('stripeEventToResult: invoice.paid', () => {
  it('ignores the fixture as delivered: nothing was paid', () => {
    expect(stripeEventToResult(stripeEvent('invoice.paid'))).toEqual({ kind: 'ignored', reason: expect.stringMatching(/took no payment \(amount_paid 0/) });
  });

  it('turns a one-off paid invoice (the CLI trigger) into a sale without subscription', () => {
    const r = asSale(stripeEventToResult(paidInvoice()));
    expect(r).toMatchObject({
      orderId: 'in_1Pgc6tB7WZ01zgkWu9fdqL6I',
      amount: 2000n,
      currency: 'USD',
      customerId: 'cus_QXg1o8vcGmoR32',
      subscription: null,
      occurredAt: new Date(1721954060 * 1000),
      lineItems: [{ sku: null, category: null, quantity: 1, amount: 2000n }],
    });
    expect(r.metadata).toMatchObject({ stripeInvoiceId: 'in_1Pgc6tB7WZ01zgkWu9fdqL6I', billingReason: 'manual' });
  });

  const subscriptionInvoice = (billingReason: string) =>
    paidInvoice((i) => {
      i.billing_reason = billingReason;
      i.parent = { type: 'subscription_details', subscription_details: { subscription: 'sub_1MowQVLkdIwHu7ixeRlqHVzs', metadata: { adv_click: 'subclick1' } } };
      i.customer_email = 'Sub@Example.com';
      i.total_taxes = [{ amount: 100, tax_behavior: 'exclusive' }, { amount: 60 }];
      i.total_discount_amounts = [{ amount: 300, discount: 'di_1' }];
      i.amount_shipping = 0;
      i.discounts = [{ id: 'di_1', object: 'discount', coupon: null, promotion_code: { id: 'promo_9', code: 'ALICE10' } }];
      const line = i.lines.data[0];
      line.parent = { type: 'subscription_item_details', subscription_item_details: { subscription: 'sub_1MowQVLkdIwHu7ixeRlqHVzs', proration: false } };
      line.discount_amounts = [{ amount: 300, discount: 'di_1' }];
      line.pricing = { type: 'price_details', price_details: { price: 'price_1', product: 'prod_basic' } };
      line.quantity = 2;
    });

  it('turns a subscription_create invoice into a first sale with every field', () => {
    const r = asSale(stripeEventToResult(subscriptionInvoice('subscription_create')));
    expect(r).toMatchObject({
      orderId: 'in_1Pgc6tB7WZ01zgkWu9fdqL6I',
      amount: 2000n,
      tax: 160n,
      shipping: 0n,
      discount: 300n,
      customerEmail: 'sub@example.com',
      couponCode: 'ALICE10',
      clickId: 'subclick1',
      lineItems: [{ sku: 'prod_basic', category: null, quantity: 2, amount: 1700n }],
      subscription: { id: 'sub_1MowQVLkdIwHu7ixeRlqHVzs', isRenewal: false, periodStart: new Date(1721954054 * 1000) },
    });
  });

  it('marks subscription_cycle (and other non-create reasons) as renewals', () => {
    expect(asSale(stripeEventToResult(subscriptionInvoice('subscription_cycle'))).subscription?.isRenewal).toBe(true);
    expect(asSale(stripeEventToResult(subscriptionInvoice('subscription_update'))).subscription?.isRenewal).toBe(true);
  });

  it('reads the pre-2025 shape: invoice.subscription and line type "subscription"', () => {
    const r = asSale(
      stripeEventToResult(
        paidInvoice((i) => {
          i.parent = null;
          i.subscription = 'sub_legacy';
          i.billing_reason = 'subscription_cycle';
          i.payment_intent = 'pi_legacy';
          i.tax = 55;
          Object.assign(i.lines.data[0], { parent: null, type: 'subscription', subscription: 'sub_legacy', price: { id: 'price_1', product: 'prod_legacy' } });
        }),
      ),
    );
    expect(r).toMatchObject({ tax: 55n, subscription: { id: 'sub_legacy', isRenewal: true }, lineItems: [{ sku: 'prod_legacy' }] });
    expect(r.metadata.stripePaymentIntentId).toBe('pi_legacy');
  });

  it('leaves negative proration lines out of the line items', () => {
    const r = asSale(stripeEventToResult(paidInvoice((i) => i.lines.data.push({ ...i.lines.data[0], amount: -500, id: 'il_credit' }))));
    expect(r.lineItems).toHaveLength(1);
  });

  it('ignores an invoice whose shape does not fit instead of throwing', () => {
    expect(stripeEventToResult(paidInvoice((i) => (i.amount_paid = '2000')))).toEqual({
      kind: 'ignored',
      reason: expect.stringMatching(/^invoice does not have the expected shape: amount_paid/),
    });
  });
});

import { describe, expect, it } from 'vitest';
import { stripeEventToResult } from './stripe-to-conversion.ts';
import { stripeEvent, triggerParam } from './stripe-events.test-helper.ts';
import { asRefund } from './webhook-fixtures.test-helper.ts';

// `stripe trigger charge.refunded`: a 100 USD-cent payment intent, refunded in full.
const paymentIntent = triggerParam('charge.refunded', 'payment_intent');

function refundedCharge(patch: (c: any) => void = () => {}) {
  return stripeEvent('charge.refunded', (c) => {
    c.amount = paymentIntent.amount;
    c.amount_captured = paymentIntent.amount;
    c.amount_refunded = paymentIntent.amount;
    c.refunded = true;
    c.payment_intent = 'pi_1PgafyB7WZ01zgkWSjxsAJo3';
    c.refunds.data = [{ id: 're_1Pgc72B7WZ01zgkWqPvrRrPE', object: 'refund', amount: paymentIntent.amount, currency: 'usd', created: 1721954100, reason: 'requested_by_customer', status: 'succeeded' }];
    patch(c);
  });
}

describe('stripeEventToResult: charge.refunded and charge.dispute.created', () => {
  it('ignores the fixture as delivered: nothing refunded', () => {
    expect(stripeEventToResult(stripeEvent('charge.refunded'))).toEqual({ kind: 'ignored', reason: expect.stringMatching(/nothing refunded/) });
  });

  it('turns the newest refund into a refund against the payment intent, with the running total', () => {
    expect(asRefund(stripeEventToResult(refundedCharge()))).toEqual({
      kind: 'refund',
      source: 'stripe',
      orderId: 'pi_1PgafyB7WZ01zgkWSjxsAJo3',
      refundId: 're_1Pgc72B7WZ01zgkWqPvrRrPE',
      amount: 100n,
      currency: 'USD',
      reason: 'requested_by_customer',
      chargeback: false,
      occurredAt: new Date(1721954100 * 1000),
      totalRefunded: 100n,
      metadata: { stripeEventId: 'evt_1Pgc76B7WZ01zgkWwyRHS12y', stripeChargeId: 'ch_1PgafuB7WZ01zgkWXYmPNZs8', stripePaymentIntentId: 'pi_1PgafyB7WZ01zgkWSjxsAJo3' },
    });
  });

  it('takes the newest of several partial refunds as the delta (JPY)', () => {
    const r = asRefund(
      stripeEventToResult(
        refundedCharge((c) => {
          c.currency = 'jpy';
          c.amount = 5000;
          c.amount_refunded = 3000;
          c.refunds.data = [
            { id: 're_old', amount: 1000, created: 100, status: 'succeeded' },
            { id: 're_new', amount: 2000, created: 200, status: 'succeeded' },
            { id: 're_failed', amount: 4000, created: 300, status: 'failed' },
          ];
        }),
      ),
    );
    expect(r).toMatchObject({ refundId: 're_new', amount: 2000n, currency: 'JPY', totalRefunded: 3000n });
  });

  it('links to the invoice when the charge names one, and derives an id when the refund list is absent (KWD)', () => {
    const r = asRefund(
      stripeEventToResult(
        refundedCharge((c) => {
          c.currency = 'kwd';
          c.amount_refunded = 12340;
          c.invoice = 'in_legacy';
          delete c.refunds;
        }),
      ),
    );
    expect(r).toMatchObject({ orderId: 'in_legacy', refundId: 'ch_1PgafuB7WZ01zgkWXYmPNZs8:refunded:12340', amount: 12340n, currency: 'KWD', totalRefunded: 12340n });
    expect(r.metadata.amountIsRunningTotal).toBe(true);
  });

  it('falls back to the charge id when there is neither invoice nor payment intent', () => {
    expect(asRefund(stripeEventToResult(refundedCharge((c) => (c.payment_intent = null)))).orderId).toBe('ch_1PgafuB7WZ01zgkWXYmPNZs8');
  });

  it('turns a dispute into a chargeback', () => {
    const r = asRefund(stripeEventToResult(stripeEvent('charge.dispute.created', (d) => (d.payment_intent = 'pi_1PgafyB7WZ01zgkWSjxsAJo3'))));
    expect(r).toMatchObject({
      orderId: 'pi_1PgafyB7WZ01zgkWSjxsAJo3',
      refundId: 'dp_1Pgc71B7WZ01zgkWMevJiAUx',
      amount: 1000n,
      currency: 'USD',
      reason: 'general',
      chargeback: true,
      totalRefunded: null,
    });
    expect(asRefund(stripeEventToResult(stripeEvent('charge.dispute.created'))).orderId).toBe('ch_1PgafuB7WZ01zgkWXYmPNZs8');
  });
});

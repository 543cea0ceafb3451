import { compact } from './compact.ts';
import { stripeChargeOrderId } from './stripe-charge-to-refund.ts';
import type { Dispute } from './stripe-schemas.ts';
import { fromUnix, stripeMoney } from './stripe-signals.ts';
import type { WebhookResult } from './types.ts';

/**
 * `charge.dispute.created` as a chargeback: the disputed amount is treated as refunded from the
 * moment the dispute opens, because Stripe withdraws the funds then. The dispute id is the
 * refund id; the order is found like a refund's (payment intent, else charge).
 * @example disputeToChargeback(dispute, { created: 1700000000, id: 'evt_1' }) // { kind: 'refund', chargeback: true, refundId: 'dp_…', … }
 */
export function disputeToChargeback(d: Dispute, event: { id: string; created: number }): WebhookResult {
  const money = stripeMoney(d.currency);
  const chargeId = d.charge ?? d.id;
  return {
    kind: 'refund',
    source: 'stripe',
    orderId: stripeChargeOrderId({ id: chargeId, payment_intent: d.payment_intent }),
    refundId: d.id,
    amount: money(d.amount),
    currency: money.currency,
    reason: d.reason ?? null,
    chargeback: true,
    occurredAt: fromUnix(d.created ?? event.created),
    totalRefunded: null,
    metadata: compact({ stripeEventId: event.id, stripeDisputeId: d.id, stripeChargeId: d.charge, stripePaymentIntentId: d.payment_intent }),
  };
}

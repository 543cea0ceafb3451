import { compact } from './compact.ts';
import type { Charge } from './stripe-schemas.ts';
import { fromUnix, stripeMoney } from './stripe-signals.ts';
import { ignored, type WebhookResult } from './types.ts';

/**
 * The order a Stripe charge belongs to, as the sale side knows it. A charge does not name its
 * Checkout Session, so: the invoice id when the charge states it (API versions before
 * 2025-03-31), which is exactly an invoice sale's orderId; else the payment intent, which sales
 * carry as `metadata.stripePaymentIntentId`; else the charge id (a charge made without either
 * cannot match a webhook sale). See README.md for how the conversion side resolves it.
 * @example stripeChargeOrderId({ id: 'ch_1', invoice: null, payment_intent: 'pi_1' }) // 'pi_1'
 */
export function stripeChargeOrderId(c: { id: string; invoice?: string | null; payment_intent?: string | null }): string {
  return c.invoice ?? c.payment_intent ?? c.id;
}

/**
 * `charge.refunded` as a refund. Stripe sends the event for every refund, partial or full, with
 * `amount_refunded` the running total; that total goes in `totalRefunded`. The refund itself is
 * the newest entry of `refunds.data` when the list is included (API versions before 2022-11-15
 * include it); without it the delta is unknown, so amount is the running total and the refund id
 * is derived from it (stable across redeliveries, new for each further refund).
 * @example chargeToRefund(charge, { created: 1700000000, id: 'evt_1' }) // { kind: 'refund', orderId: 'pi_…', refundId: 're_…', amount: 100n, totalRefunded: 100n, … }
 */
export function chargeToRefund(c: Charge, event: { id: string; created: number }): WebhookResult {
  if (c.amount_refunded <= 0) return ignored(`charge ${c.id} has nothing refunded (amount_refunded ${c.amount_refunded})`);
  const money = stripeMoney(c.currency);
  const refunds = (c.refunds?.data ?? []).filter((r) => r.status !== 'failed' && r.status !== 'canceled');
  // Stripe lists newest first; `created` decides when a list comes in another order.
  const latest = refunds.reduce<(typeof refunds)[number] | null>((best, r) => (best === null || (r.created ?? 0) > (best.created ?? 0) ? r : best), null);
  return {
    kind: 'refund',
    source: 'stripe',
    orderId: stripeChargeOrderId(c),
    refundId: latest?.id ?? `${c.id}:refunded:${c.amount_refunded}`,
    amount: money(latest?.amount ?? c.amount_refunded),
    currency: money.currency,
    reason: latest?.reason ?? null,
    chargeback: false,
    occurredAt: fromUnix(latest?.created ?? event.created),
    totalRefunded: money(c.amount_refunded),
    metadata: compact({
      stripeEventId: event.id,
      stripeChargeId: c.id,
      stripePaymentIntentId: c.payment_intent,
      stripeInvoiceId: c.invoice,
      amountIsRunningTotal: latest ? null : true,
    }),
  };
}

import { cleanEmail } from './clean-email.ts';
import { compact } from './compact.ts';
import type { CheckoutSession } from './stripe-schemas.ts';
import { stripeClickId, stripeCoupon, stripeMoney } from './stripe-signals.ts';
import { ignored, type NormaliseOptions, type WebhookResult } from './types.ts';

/**
 * A completed Checkout Session as a sale. Payment mode counts once `payment_status` is 'paid'
 * (delayed methods complete 'unpaid' and send `checkout.session.async_payment_succeeded`).
 * Subscription mode always counts, even at 0 for a trial: the session is where the click and the
 * code are, and renewals find the creator through the subscription.
 *
 * orderId is the session's invoice when it has one, else the session id. The subscription's
 * first invoice (and an invoice Checkout creates for a one-off payment) also arrives as
 * `invoice.paid`; sharing its id makes the two deliveries one conversion instead of two.
 * @example checkoutSessionToSale(session, { created: 1700000000, id: 'evt_1' }) // { kind: 'conversion', orderId: 'cs_…', amount: 3000n, … }
 */
export function checkoutSessionToSale(
  s: CheckoutSession,
  event: { id: string; created: number },
  options: NormaliseOptions = {},
): WebhookResult {
  const subscriptionMode = s.mode === 'subscription';
  if (!subscriptionMode && s.mode !== 'payment') return ignored(`checkout session in ${s.mode ?? 'unknown'} mode takes no payment`);
  if (!subscriptionMode && s.payment_status !== 'paid') {
    return ignored(`checkout session ${s.id} is not paid (payment_status ${s.payment_status ?? 'missing'})`);
  }
  if (s.amount_total == null || !s.currency) return ignored(`checkout session ${s.id} has no amount_total or currency`);
  const money = stripeMoney(s.currency);
  const coupon = stripeCoupon(s.discounts);
  return {
    kind: 'conversion',
    source: 'stripe',
    type: 'sale',
    orderId: s.invoice ?? s.id,
    amount: money(s.amount_total),
    currency: money.currency,
    tax: money(s.total_details?.amount_tax),
    shipping: money(s.total_details?.amount_shipping),
    discount: money(s.total_details?.amount_discount),
    customerId: s.customer,
    customerEmail: cleanEmail(s.customer_details?.email, s.customer_email),
    couponCode: coupon.code,
    clickId: stripeClickId([s.metadata], s.client_reference_id, options.clickIdParam),
    // Checkout line items are not in the webhook (they need an API call); totals suffice.
    lineItems: [],
    subscription: subscriptionMode && s.subscription ? { id: s.subscription, isRenewal: false, periodStart: null } : null,
    occurredAt: new Date(event.created * 1000),
    metadata: compact({
      stripeEventId: event.id,
      stripeCheckoutSessionId: s.id,
      stripeInvoiceId: s.invoice,
      stripePaymentIntentId: s.payment_intent,
      stripeSubscriptionId: s.subscription,
      livemode: s.livemode ?? null,
      ...coupon.ids,
    }),
  };
}


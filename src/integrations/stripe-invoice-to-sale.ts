import { cleanEmail } from './clean-email.ts';
import { compact } from './compact.ts';
import type { Invoice, InvoiceLine } from './stripe-schemas.ts';
import { fromUnix, stripeClickId, stripeCoupon, stripeMoney } from './stripe-signals.ts';
import { ignored, type NormalisedLineItem, type NormaliseOptions, type WebhookResult } from './types.ts';

// Current API versions say what a parent is in `type` and fill only that branch; older ones had
// no parent. Reading a branch only when `type` names it (or is absent) keeps the two apart.
function subscriptionItem(line: InvoiceLine) {
  const p = line.parent;
  return p && (p.type == null || p.type === 'subscription_item_details') ? (p.subscription_item_details ?? null) : null;
}

function lineSubscription(line: InvoiceLine): string | null {
  return subscriptionItem(line)?.subscription ?? (line.type === 'subscription' ? line.subscription : null);
}

function isProration(line: InvoiceLine): boolean {
  return subscriptionItem(line)?.proration ?? line.proration ?? false;
}

function invoiceSubscription(inv: Invoice) {
  const p = inv.parent;
  return p && (p.type == null || p.type === 'subscription_details') ? (p.subscription_details ?? null) : null;
}

/**
 * A paid invoice as a sale: every charge of a subscription (first and renewals) and one-off
 * invoices. orderId is the invoice id, so the first invoice shared with its Checkout Session
 * counts once. `billing_reason` 'subscription_create' is the first purchase; every other reason
 * on a subscription (cycle, update, threshold) is a renewal. An invoice that took no money
 * (trial, 100% discount) is not a sale.
 * @example invoiceToSale(invoice, { created: 1700000000, id: 'evt_1' }) // { kind: 'conversion', orderId: 'in_…', subscription: { id: 'sub_…', isRenewal: true, … } }
 */
export function invoiceToSale(inv: Invoice, event: { id: string; created: number }, options: NormaliseOptions = {}): WebhookResult {
  if (inv.amount_paid <= 0) return ignored(`invoice ${inv.id} took no payment (amount_paid ${inv.amount_paid}: trial or fully discounted)`);
  const money = stripeMoney(inv.currency);
  const lines = inv.lines?.data ?? [];
  const subscriptionId =
    invoiceSubscription(inv)?.subscription ?? inv.subscription ?? lines.map(lineSubscription).find((id) => id) ?? null;
  const subscriptionLine = lines.find((l) => lineSubscription(l) && !isProration(l)) ?? lines.find((l) => lineSubscription(l));
  const periodStart = subscriptionLine?.period?.start;

  const lineItems: NormalisedLineItem[] = [];
  for (const line of lines) {
    const net = line.amount - (line.discount_amounts ?? []).reduce((sum, d) => sum + d.amount, 0);
    // Proration credits are negative lines; a line total is never negative for commissions.
    if (net < 0) continue;
    const product = line.pricing?.price_details?.product ?? line.price?.product ?? null;
    lineItems.push({ sku: product, category: null, quantity: Math.max(1, line.quantity ?? 1), amount: money(net) });
  }

  const taxes = inv.total_taxes ? inv.total_taxes.reduce((sum, t) => sum + t.amount, 0) : inv.tax;
  const discounts = inv.total_discount_amounts?.reduce((sum, d) => sum + d.amount, 0);
  const coupon = stripeCoupon(inv.discounts);
  const subscriptionMetadata = invoiceSubscription(inv)?.metadata ?? inv.subscription_details?.metadata ?? {};
  return {
    kind: 'conversion',
    source: 'stripe',
    type: 'sale',
    orderId: inv.id,
    amount: money(inv.amount_paid),
    currency: money.currency,
    tax: money(taxes),
    shipping: money(inv.amount_shipping),
    discount: money(discounts),
    customerId: inv.customer,
    customerEmail: cleanEmail(inv.customer_email),
    couponCode: coupon.code,
    clickId: stripeClickId([inv.metadata, subscriptionMetadata], null, options.clickIdParam),
    lineItems,
    subscription: subscriptionId
      ? { id: subscriptionId, isRenewal: inv.billing_reason !== 'subscription_create', periodStart: periodStart ? fromUnix(periodStart) : null }
      : null,
    occurredAt: fromUnix(inv.status_transitions?.paid_at ?? event.created),
    metadata: compact({
      stripeEventId: event.id,
      stripeInvoiceId: inv.id,
      stripePaymentIntentId: inv.payment_intent,
      stripeChargeId: inv.charge,
      stripeSubscriptionId: subscriptionId,
      billingReason: inv.billing_reason ?? null,
      livemode: inv.livemode ?? null,
      ...coupon.ids,
    }),
  };
}

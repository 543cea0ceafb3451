import { cleanClickId, clickIdFromUrl } from './click-id-from-url.ts';
import { cleanEmail } from './clean-email.ts';
import { cleanText } from './clean-text.ts';
import { compact } from './compact.ts';
import { decimalMoney } from './decimal-money.ts';
import { parsePlatformDate } from './parse-platform-date.ts';
import { PayloadError } from './payload-error.ts';
import type { ShopifyOrder } from './shopify-schemas.ts';
import { DEFAULT_CLICK_ID_PARAM, ignored, type NormalisedLineItem, type NormaliseOptions, type WebhookResult } from './types.ts';

// Statuses only reachable once money was taken. 'pending' and 'authorized' are not sales yet:
// orders/paid follows when the payment is captured.
const PAID_STATUSES = new Set(['paid', 'partially_paid', 'partially_refunded', 'refunded']);

function orderId(order: ShopifyOrder): string | null {
  if (order.id) return order.id;
  return /^gid:\/\/shopify\/Order\/(\d{1,20})$/.exec(order.admin_graphql_api_id ?? '')?.[1] ?? null;
}

/**
 * A Shopify order (orders/create or orders/paid body) as a sale, in the shop currency.
 * Amount is `total_price`, the order as placed: `current_total_price` already nets out later
 * refunds, which arrive on their own as refunds/create and would otherwise count twice.
 * On orders/create only paid-state orders count; orders/paid counts by definition. Both topics
 * for one order share the order id, so they are one conversion.
 * @example shopifyOrderToSale(order, 'orders/paid') // { kind: 'conversion', orderId: '450789469', amount: 59894n, … }
 */
export function shopifyOrderToSale(order: ShopifyOrder, topic: string, options: NormaliseOptions = {}): WebhookResult {
  const id = orderId(order);
  if (!id) return ignored('Shopify order has no id');
  if (order.cancelled_at) return ignored(`Shopify order ${id} is cancelled`);
  const status = order.financial_status ?? 'unknown';
  if (topic !== 'orders/paid' && !PAID_STATUSES.has(status)) {
    return ignored(`Shopify order ${id} is not paid yet (financial_status ${status}); orders/paid will follow`);
  }
  const money = decimalMoney(order.currency);
  const total = order.total_price ?? order.current_total_price;
  if (total == null) throw new PayloadError(`Shopify order ${id} has no total_price`);
  const amount = money(total, 'total_price');

  const lineItems: NormalisedLineItem[] = (order.line_items ?? []).map((li) => {
    const unit = money(li.price_set?.shop_money.amount ?? li.price, 'line item price');
    const discounts = li.discount_allocations
      ? li.discount_allocations.reduce((sum, d) => sum + money(d.amount_set?.shop_money.amount ?? d.amount), 0n)
      : (money(li.total_discount) ?? 0n);
    const net = unit * BigInt(li.quantity) - discounts;
    return { sku: cleanText(li.sku), category: null, quantity: li.quantity, amount: net > 0n ? net : 0n };
  });

  // What the buyer paid for shipping: discounted line prices (a free-shipping code lowers them),
  // else Shopify's pre-discount total when there are no lines to read.
  const shipping = order.shipping_lines?.length
    ? order.shipping_lines.reduce((sum, s) => sum + (money(s.discounted_price_set?.shop_money.amount ?? s.discounted_price ?? s.price) ?? 0n), 0n)
    : money(order.total_shipping_price_set?.shop_money.amount);

  const param = options.clickIdParam ?? DEFAULT_CLICK_ID_PARAM;
  const noteClick = order.note_attributes?.find((a) => a.name === param)?.value;
  const occurredAt = parsePlatformDate(order.processed_at) ?? parsePlatformDate(order.created_at);
  if (!occurredAt) throw new PayloadError(`Shopify order ${id} has no valid processed_at or created_at`);
  return {
    kind: 'conversion',
    source: 'shopify',
    type: 'sale',
    orderId: id,
    amount,
    currency: money.currency,
    tax: money(order.total_tax, 'total_tax'),
    shipping,
    discount: money(order.total_discounts, 'total_discounts'),
    customerId: order.customer?.id ?? null,
    customerEmail: cleanEmail(order.email, order.contact_email, order.customer?.email),
    couponCode: cleanText(order.discount_codes?.[0]?.code, 64),
    clickId: clickIdFromUrl(order.landing_site, param) ?? cleanClickId(noteClick),
    lineItems,
    subscription: null,
    occurredAt,
    metadata: compact({
      shopifyOrderId: id,
      orderName: order.name ?? null,
      financialStatus: status,
      presentmentCurrency: order.presentment_currency ?? null,
      test: order.test ?? null,
    }),
  };
}

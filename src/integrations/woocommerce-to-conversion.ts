/**
 * Turns a verified WooCommerce order webhook into a sale, a refund or an `ignored` with its
 * reason. Answer `isWooPing` deliveries before calling this, and verify the signature first.
 */
import { cleanClickId } from './click-id-from-url.ts';
import { cleanEmail } from './clean-email.ts';
import { cleanText } from './clean-text.ts';
import { compact } from './compact.ts';
import { decimalMoney } from './decimal-money.ts';
import { describeIssue } from './describe-issue.ts';
import { parseJsonLossless } from './parse-json-lossless.ts';
import { parsePlatformDate } from './parse-platform-date.ts';
import { catchPayloadError, PayloadError } from './payload-error.ts';
import { DEFAULT_CLICK_ID_PARAM, ignored, type NormaliseOptions, type WebhookResult } from './types.ts';
import { WooOrder } from './woocommerce-schemas.ts';

const TOPICS = new Set(['order.created', 'order.updated', 'order.restored']);
const PAID = new Set(['processing', 'completed']);

function occurred(order: WooOrder, ...fields: ('date_paid_gmt' | 'date_created_gmt' | 'date_modified_gmt')[]): Date {
  for (const f of fields) {
    const d = parsePlatformDate(order[f], { assumeUtc: true });
    if (d) return d;
  }
  throw new PayloadError(`WooCommerce order ${order.id} has no valid ${fields.join(' / ')}`);
}

function toSale(order: WooOrder, options: NormaliseOptions): WebhookResult {
  const money = decimalMoney(order.currency);
  const lineMoney = decimalMoney(order.currency, { round: true });
  const param = options.clickIdParam ?? DEFAULT_CLICK_ID_PARAM;
  // Stored by the merchant's checkout (our snippet or a plugin); "_" keys are WordPress's hidden meta.
  const clickMeta = order.meta_data?.find((m) => m.key === param || m.key === `_${param}`)?.value;
  return {
    kind: 'conversion',
    source: 'woocommerce',
    type: 'sale',
    orderId: order.id,
    amount: money(order.total, 'total'),
    currency: money.currency,
    tax: money(order.total_tax, 'total_tax'),
    // shipping_total excludes its tax, which total_tax already holds: net = total − tax − shipping.
    shipping: money(order.shipping_total, 'shipping_total'),
    discount: money(order.discount_total, 'discount_total'),
    customerId: order.customer_id ? String(order.customer_id) : null, // 0 is a guest
    customerEmail: cleanEmail(order.billing?.email),
    couponCode: cleanText(order.coupon_lines?.[0]?.code, 64),
    clickId: cleanClickId(clickMeta),
    // Line `total` is after discounts and before tax; some stores keep it unrounded, hence round.
    lineItems: (order.line_items ?? [])
      .filter((li) => li.quantity > 0)
      .map((li) => ({ sku: cleanText(li.sku), category: null, quantity: li.quantity, amount: lineMoney(li.total, 'line item total') })),
    subscription: null,
    occurredAt: occurred(order, 'date_paid_gmt', 'date_created_gmt'),
    metadata: compact({ wooOrderId: order.id, orderNumber: order.number == null ? null : String(order.number), status: order.status }),
  };
}

function toRefund(order: WooOrder, full: boolean): WebhookResult {
  const money = decimalMoney(order.currency);
  // Refund totals are negative ("-10.00"); the refund's amount is their size.
  const size = (total: string | number) => money(String(total).trim().replace(/^-/, ''), 'refund total');
  const refunds = order.refunds ?? [];
  const newest = refunds.reduce<(typeof refunds)[number] | null>((best, r) => (best === null || r.id > best.id ? r : best), null);
  const listed = refunds.reduce((sum, r) => sum + size(r.total), 0n);
  const orderTotal = money(order.total, 'total');
  return {
    kind: 'refund',
    source: 'woocommerce',
    orderId: order.id,
    refundId: newest ? String(newest.id) : `${order.id}:refunded`,
    amount: newest ? size(newest.total) : orderTotal,
    currency: money.currency,
    reason: cleanText(newest?.refund, 500),
    chargeback: false,
    occurredAt: occurred(order, 'date_modified_gmt', 'date_created_gmt'),
    totalRefunded: full ? orderTotal : listed,
    metadata: compact({ wooOrderId: order.id, refundIds: refunds.map((r) => r.id), status: order.status }),
  };
}

/**
 * Normalises a WooCommerce order webhook from `X-WC-Webhook-Topic` and the raw body.
 * - processing / completed → sale (the same order id on every delivery, so one conversion);
 * - an order.updated whose order lists refunds → the newest refund, with the listed total in
 *   `totalRefunded`: WooCommerce has no refund webhook, partial refunds only show up here;
 * - refunded → a refund bringing the refunded total to the whole order;
 * - any other status (pending, on-hold, failed, cancelled…) → ignored.
 * @example wooWebhookToResult('order.created', rawBody) // { kind: 'conversion', source: 'woocommerce', orderId: '727', amount: 2935n, … }
 */
export function wooWebhookToResult(topic: string, rawBody: string, options: NormaliseOptions = {}): WebhookResult {
  const t = topic.trim().toLowerCase();
  if (!TOPICS.has(t)) return ignored(`unsupported WooCommerce topic ${topic}`);
  const json = parseJsonLossless(rawBody);
  if (!json.ok) return ignored(`WooCommerce body is not JSON: ${json.message}`);
  const parsed = WooOrder.safeParse(json.value);
  if (!parsed.success) return ignored(`WooCommerce order does not have the expected shape: ${describeIssue(parsed.error)}`);
  const order = parsed.data;
  return catchPayloadError(() => {
    if (order.status === 'refunded') return toRefund(order, true);
    if (!PAID.has(order.status)) return ignored(`WooCommerce order ${order.id} has status ${order.status}; only processing and completed orders are sales`);
    if (t === 'order.updated' && (order.refunds?.length ?? 0) > 0) return toRefund(order, false);
    return toSale(order, options);
  });
}

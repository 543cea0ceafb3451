/**
 * Turns a verified Shopify webhook into a sale, a refund or an `ignored` with its reason. Run
 * `verifyShopifyHmac` on the same raw body first.
 */
import { describeIssue } from './describe-issue.ts';
import { catchPayloadError } from './payload-error.ts';
import { parseJsonLossless } from './parse-json-lossless.ts';
import { shopifyOrderToSale } from './shopify-order-to-sale.ts';
import { shopifyRefundToRefund } from './shopify-refund-to-refund.ts';
import { ShopifyOrder, ShopifyRefund } from './shopify-schemas.ts';
import { ignored, type NormaliseOptions, type WebhookResult } from './types.ts';

/**
 * Normalises a Shopify webhook from its `X-Shopify-Topic` and raw body. The body is parsed here,
 * losslessly, because order, customer and refund ids exceed 2^53.
 * @example
 * shopifyWebhookToResult('orders/create', rawBody)
 * // { kind: 'conversion', source: 'shopify', orderId: '820982911946154508', amount: 59894n, currency: 'USD', … }
 */
export function shopifyWebhookToResult(topic: string, rawBody: string, options: NormaliseOptions = {}): WebhookResult {
  const t = topic.trim().toLowerCase();
  if (t !== 'orders/create' && t !== 'orders/paid' && t !== 'refunds/create') return ignored(`unsupported Shopify topic ${topic}`);
  const json = parseJsonLossless(rawBody);
  if (!json.ok) return ignored(`Shopify body is not JSON: ${json.message}`);
  if (t === 'refunds/create') {
    const refund = ShopifyRefund.safeParse(json.value);
    if (!refund.success) return ignored(`Shopify refund does not have the expected shape: ${describeIssue(refund.error)}`);
    return catchPayloadError(() => shopifyRefundToRefund(refund.data));
  }
  const order = ShopifyOrder.safeParse(json.value);
  if (!order.success) return ignored(`Shopify order does not have the expected shape: ${describeIssue(order.error)}`);
  return catchPayloadError(() => shopifyOrderToSale(order.data, t, options));
}

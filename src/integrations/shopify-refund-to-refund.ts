import { compact } from './compact.ts';
import { decimalMoney } from './decimal-money.ts';
import { parsePlatformDate } from './parse-platform-date.ts';
import { PayloadError } from './payload-error.ts';
import type { ShopifyRefund } from './shopify-schemas.ts';
import { ignored, type WebhookResult } from './types.ts';

// A refund transaction still 'pending' at some gateways is counted: Shopify sends
// refunds/create once, so waiting would lose it. Failed and errored ones moved no money.
const MONEY_MOVED = new Set(['success', 'pending']);

/**
 * A refunds/create body as a refund. The amount is the money returned to the buyer: the sum of
 * its `kind: 'refund'` transactions. Not the refund line items' subtotal, which leaves out
 * refunded shipping and tax (a shipping-only refund has no line items at all) and ignores a
 * merchant refunding less than the goods' value; a restock with no transaction moved no money.
 * The currency is the transactions' (the buyer's presentment currency); it is checked against
 * the shop currency the refund states, since the sale was recorded in the shop currency.
 * @example shopifyRefundToRefund(refund) // { kind: 'refund', orderId: '450789469', refundId: '509562969', amount: 20900n, … }
 */
export function shopifyRefundToRefund(refund: ShopifyRefund): WebhookResult {
  const moved = (refund.transactions ?? []).filter((t) => t.kind === 'refund' && MONEY_MOVED.has(t.status ?? 'success'));
  if (moved.length === 0) return ignored(`Shopify refund ${refund.id} returned no money (no successful refund transaction)`);
  const currencies = new Set(moved.map((t) => (t.currency ?? '').toUpperCase()));
  const [currency] = currencies;
  if (currencies.size > 1 || !currency) throw new PayloadError(`Shopify refund ${refund.id} has transactions in ${[...currencies].join(', ') || 'no currency'}`);
  const shopCurrency = refund.total_duties_set?.shop_money.currency_code?.toUpperCase() ?? null;
  if (shopCurrency && shopCurrency !== currency) {
    // The sale is in the shop currency; subtracting a presentment amount from it would be wrong.
    return ignored(`Shopify refund ${refund.id} is in ${currency} but the shop currency is ${shopCurrency}; review it by hand`);
  }
  const money = decimalMoney(currency);
  const amount = moved.reduce((sum, t) => sum + money(t.amount), 0n);
  if (amount <= 0n) return ignored(`Shopify refund ${refund.id} returned no money`);
  const occurredAt = parsePlatformDate(refund.processed_at) ?? parsePlatformDate(refund.created_at);
  if (!occurredAt) throw new PayloadError(`Shopify refund ${refund.id} has no valid processed_at or created_at`);
  return {
    kind: 'refund',
    source: 'shopify',
    orderId: refund.order_id,
    refundId: refund.id,
    amount,
    currency: money.currency,
    reason: refund.note?.trim() || null,
    chargeback: false,
    occurredAt,
    totalRefunded: null,
    metadata: compact({
      shopifyRefundId: refund.id,
      shopifyOrderId: refund.order_id,
      transactionIds: moved.map((t) => t.id).filter((id) => id != null),
    }),
  };
}

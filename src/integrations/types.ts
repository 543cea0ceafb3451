/**
 * What the webhook normalisers hand to the conversions domain. Every platform's payload ends up
 * as one of these three shapes, so recording, attribution and the delivery log never need to
 * know which shop sent it. Amounts are bigint minor units of an ISO 4217 currency.
 */

export type WebhookSource = 'stripe' | 'shopify' | 'woocommerce';

export type NormalisedLineItem = {
  sku: string | null;
  category: string | null;
  quantity: number;
  /** Line total: unit price × quantity after line discounts, before tax and shipping. */
  amount: bigint;
};

export type NormalisedSale = {
  kind: 'conversion';
  source: WebhookSource;
  type: 'sale';
  /** Idempotency key: Stripe invoice / checkout session id, Shopify order id (decimal string), Woo order id. */
  orderId: string;
  /** Gross total the customer paid, tax and shipping included. */
  amount: bigint;
  /** ISO 4217, upper case. */
  currency: string;
  tax: bigint | null;
  shipping: bigint | null;
  discount: bigint | null;
  customerId: string | null;
  customerEmail: string | null;
  couponCode: string | null;
  clickId: string | null;
  lineItems: NormalisedLineItem[];
  subscription: { id: string; isRenewal: boolean; periodStart: Date | null } | null;
  occurredAt: Date;
  /** Small and JSON-safe: platform ids for the delivery log and for matching later refunds. */
  metadata: Record<string, unknown>;
};

export type NormalisedRefund = {
  kind: 'refund';
  source: WebhookSource;
  /** The sale's orderId (or, for Stripe charges, its payment intent: see README.md). */
  orderId: string;
  /** Apply each refundId once; redeliveries repeat it. */
  refundId: string;
  /** This refund's amount (positive), in minor units. */
  amount: bigint;
  currency: string;
  reason: string | null;
  chargeback: boolean;
  occurredAt: Date;
  /**
   * Everything refunded on the order so far when the platform states it (Stripe
   * `amount_refunded`, WooCommerce's refund list), else null. Setting the refunded total to
   * max(known, totalRefunded) stays right even if an earlier refund's webhook was lost.
   */
  totalRefunded: bigint | null;
  /** Small and JSON-safe: platform ids for the delivery log. */
  metadata: Record<string, unknown>;
};

/** A delivery that is valid but is not (yet) a conversion, or a payload we cannot read; never thrown. */
export type Ignored = { kind: 'ignored'; reason: string };

export type WebhookResult = NormalisedSale | NormalisedRefund | Ignored;

export type VerifyResult =
  | { ok: true }
  | { ok: false; code: 'MISSING_SIGNATURE' | 'BAD_SIGNATURE' | 'STALE_TIMESTAMP' | 'MALFORMED'; message: string };

/** Per-workspace options shared by the normalisers. */
export type NormaliseOptions = {
  /** Query parameter / metadata key carrying Advocate's click id; the workspace's `clickIdParam`. */
  clickIdParam?: string;
};

export const DEFAULT_CLICK_ID_PARAM = 'adv_click';

/** @example ignored('unsupported event type customer.created') // { kind: 'ignored', reason: '...' } */
export function ignored(reason: string): Ignored {
  return { kind: 'ignored', reason };
}

/**
 * Public API of the e-commerce webhook integrations: pure functions, no I/O. For each platform,
 * verify the raw body, then normalise it into a sale, a refund or an `ignored` with its reason.
 * Mapping decisions (order ids, refund amounts, currencies) are in README.md beside this file.
 */
export type {
  Ignored,
  NormalisedLineItem,
  NormalisedRefund,
  NormalisedSale,
  NormaliseOptions,
  VerifyResult,
  WebhookResult,
  WebhookSource,
} from './types.ts';
export { DEFAULT_CLICK_ID_PARAM } from './types.ts';
export { verifyStripeSignature, type VerifyStripeSignatureInput } from './verify-stripe-signature.ts';
export { stripeEventToResult } from './stripe-to-conversion.ts';
export { stripeChargeOrderId } from './stripe-charge-to-refund.ts';
export { stripeAmountToMinor } from './stripe-amount.ts';
export { verifyShopifyHmac } from './verify-shopify-hmac.ts';
export { shopifyWebhookToResult } from './shopify-to-conversion.ts';
export { verifyWooCommerceSignature } from './verify-woocommerce-signature.ts';
export { isWooPing } from './is-woo-ping.ts';
export { wooWebhookToResult } from './woocommerce-to-conversion.ts';
export { parseJsonLossless } from './parse-json-lossless.ts';
export { clickIdFromUrl } from './click-id-from-url.ts';

import { verifyBase64Hmac } from './verify-base64-hmac.ts';
import type { VerifyResult } from './types.ts';

/**
 * Verifies a WooCommerce webhook: `X-WC-Webhook-Signature` is base64(HMAC-SHA256(secret, raw
 * body)). WooCommerce keys the HMAC with the secret as the merchant typed it (it decodes the
 * HTML entities WordPress stored), so pass the plain secret. The unsigned ping sent when a
 * webhook is created is recognised by `isWooPing`, not here.
 * @example verifyWooCommerceSignature({ rawBody, header: req.headers['x-wc-webhook-signature'], secret: 'wc_secret' }) // { ok: true }
 */
export function verifyWooCommerceSignature(input: { rawBody: Buffer | string; header: string | undefined; secret: string }): VerifyResult {
  return verifyBase64Hmac({ ...input, headerName: 'X-WC-Webhook-Signature' });
}

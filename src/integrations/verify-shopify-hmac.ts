import { verifyBase64Hmac } from './verify-base64-hmac.ts';
import type { VerifyResult } from './types.ts';

/**
 * Verifies a Shopify webhook: `X-Shopify-Hmac-Sha256` is base64(HMAC-SHA256(app client secret,
 * raw body)). Pass the body exactly as received; Shopify sends no timestamp, so replays are
 * stopped by the conversions' idempotency keys (and `X-Shopify-Webhook-Id`), not here.
 * @example verifyShopifyHmac({ rawBody: '{"foo": "bar"}', header: 'B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=', secret: 'test_secret_key' }) // { ok: true }
 */
export function verifyShopifyHmac(input: { rawBody: Buffer | string; header: string | undefined; secret: string }): VerifyResult {
  return verifyBase64Hmac({ ...input, headerName: 'X-Shopify-Hmac-Sha256' });
}

/**
 * The signature scheme Shopify and WooCommerce share: base64(HMAC-SHA256(secret, raw body)).
 * Always computed over the raw bytes as received: re-serialised JSON differs (WooCommerce
 * escapes "/" as "\/", Shopify keeps key order and spacing of its own).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VerifyResult } from './types.ts';

const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;

export type VerifyBase64HmacInput = {
  rawBody: Buffer | string;
  header: string | undefined;
  secret: string;
  /** Named in messages only, e.g. 'X-Shopify-Hmac-Sha256'. */
  headerName: string;
};

/**
 * Checks a base64 HMAC-SHA256 header against the raw body in constant time.
 * @example verifyBase64Hmac({ rawBody: '{"foo": "bar"}', header: 'B23tXN681gZ0qIWNRrgtzBE9XSDo5yaUu6wfmhu3a7g=', secret: 'test_secret_key', headerName: 'X-Shopify-Hmac-Sha256' }) // { ok: true }
 */
export function verifyBase64Hmac(input: VerifyBase64HmacInput): VerifyResult {
  const { rawBody, secret, headerName } = input;
  const header = input.header?.trim();
  if (!header) return { ok: false, code: 'MISSING_SIGNATURE', message: `${headerName} header is missing` };
  if (!BASE64_SHA256.test(header)) {
    return { ok: false, code: 'MALFORMED', message: `${headerName} is not a base64 HMAC-SHA256 (44 characters)` };
  }
  if (rawBody.length === 0) return { ok: false, code: 'MALFORMED', message: 'No webhook payload was provided' };
  if (secret.length === 0) return { ok: false, code: 'BAD_SIGNATURE', message: 'no webhook secret is configured' };
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(header, 'base64');
  // Both are 32 bytes here (the regex fixes the length), as timingSafeEqual requires.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, code: 'BAD_SIGNATURE', message: `${headerName} does not match the body` };
  }
  return { ok: true };
}

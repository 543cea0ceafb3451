/**
 * Stripe's webhook signature: `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]` where each v1 is
 * hex(HMAC-SHA256(endpoint secret, `${t}.${raw body}`)). Several v1 values appear while a secret
 * is being rolled, so any one matching is enough; v0 (test-only legacy scheme) is never accepted.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VerifyResult } from './types.ts';

export type VerifyStripeSignatureInput = {
  rawBody: Buffer | string;
  header: string | undefined;
  /** The endpoint's `whsec_…` secret, used as is (a stray space makes every signature fail). */
  secret: string;
  now: Date;
  toleranceSeconds?: number;
};

const HEX_SHA256 = /^[0-9a-f]{64}$/;

function parseHeader(header: string): { timestamp: number | null; v1: string[] } {
  let timestamp: number | null = null;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1') v1.push(value);
  }
  return { timestamp, v1 };
}

/**
 * Verifies a Stripe webhook the way Stripe's own libraries do, returning data instead of
 * throwing. The signature is checked before the timestamp so a forged request learns nothing
 * about the tolerance; the tolerance applies both ways to bound clock skew and replays.
 * @example
 * verifyStripeSignature({ rawBody, header: req.headers['stripe-signature'], secret: 'whsec_…', now: new Date() })
 * // { ok: true } or { ok: false, code: 'STALE_TIMESTAMP', message: 'Timestamp outside the tolerance zone (…)' }
 */
export function verifyStripeSignature(input: VerifyStripeSignatureInput): VerifyResult {
  const { rawBody, secret, now } = input;
  const tolerance = input.toleranceSeconds ?? 300;
  const header = input.header?.trim();
  if (!header) return { ok: false, code: 'MISSING_SIGNATURE', message: 'Stripe-Signature header is missing' };
  if (rawBody.length === 0) return { ok: false, code: 'MALFORMED', message: 'No webhook payload was provided' };
  const { timestamp, v1 } = parseHeader(header);
  if (timestamp === null) {
    return { ok: false, code: 'MALFORMED', message: 'Unable to extract timestamp and signatures from header' };
  }
  if (v1.length === 0) return { ok: false, code: 'MALFORMED', message: 'No signatures found with expected scheme' };
  if (secret.length === 0) return { ok: false, code: 'BAD_SIGNATURE', message: 'no webhook secret is configured' };

  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  // Compare every candidate (no early exit) so timing does not reveal which one matched.
  let matched = false;
  for (const candidate of v1) {
    if (!HEX_SHA256.test(candidate)) continue; // e.g. ",v1=potato": ignored, not fatal
    if (timingSafeEqual(Buffer.from(candidate, 'hex'), expected)) matched = true;
  }
  if (!matched) {
    return { ok: false, code: 'BAD_SIGNATURE', message: 'No signatures found matching the expected signature for payload' };
  }
  const ageSeconds = Math.floor(now.getTime() / 1000) - timestamp;
  if (Math.abs(ageSeconds) > tolerance) {
    return { ok: false, code: 'STALE_TIMESTAMP', message: `Timestamp outside the tolerance zone (${ageSeconds} s old, tolerance ${tolerance} s)` };
  }
  return { ok: true };
}

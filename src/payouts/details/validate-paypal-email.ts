import { z } from 'zod';

export type PaypalEmailResult = { ok: true; email: string } | { ok: false; message: string };

// PayPal's Payouts API caps `receiver` at 127 single-byte characters (payout_item.receiver).
const MAX_LENGTH = 127;
const EMAIL = z.email();

/**
 * Checks the email a creator is paid at via PayPal. Trims it and lower-cases the domain only:
 * the local part is left as typed, since mail systems may treat it case-sensitively.
 * Only ASCII addresses pass, because PayPal's receiver field is single-byte.
 * @example validatePaypalEmail(' Ana@Example.COM ') // { ok: true, email: 'Ana@example.com' }
 * @example validatePaypalEmail('ana@localhost')     // { ok: false, message: '…' }
 */
export function validatePaypalEmail(input: unknown): PaypalEmailResult {
  if (typeof input !== 'string') return { ok: false, message: 'PayPal email must be text such as "creator@example.com"' };
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, message: 'PayPal email is empty' };
  if (trimmed.length > MAX_LENGTH) return { ok: false, message: `PayPal email is longer than ${MAX_LENGTH} characters` };
  if (!EMAIL.safeParse(trimmed).success) {
    return { ok: false, message: `"${trimmed}" is not an email address PayPal can pay (expected name@domain.tld)` };
  }
  const at = trimmed.lastIndexOf('@');
  return { ok: true, email: trimmed.slice(0, at) + trimmed.slice(at).toLowerCase() };
}

import { z } from 'zod';

const Email = z.email();

/**
 * A customer email, trimmed and lower-cased, or null when absent or not an address. Emails are
 * hashed for customer binding and self-referral checks, so one spelling per address matters,
 * and a malformed one is dropped rather than failing the whole conversion.
 * @example cleanEmail(' Jenny.Rosen@Example.com ') // 'jenny.rosen@example.com'
 * @example cleanEmail('n/a') // null
 */
export function cleanEmail(...candidates: unknown[]): string | null {
  for (const value of candidates) {
    if (typeof value !== 'string') continue;
    const email = value.trim().toLowerCase();
    if (email.length > 0 && email.length <= 320 && Email.safeParse(email).success) return email;
  }
  return null;
}

/**
 * Stripe amounts are integers in Stripe's idea of the currency's smallest unit, which is ISO 4217
 * except for two currencies: ISK, zero-decimal in ISO, stays two-decimal in Stripe's API (100 =
 * 1 króna), and MGA, two-decimal in ISO, is zero-decimal in Stripe's. Everything Advocate stores
 * is in ISO minor units (`shared/currencies.ts`), so Stripe's are rescaled here, exactly.
 */
import { parseMinorAmount, type Money, type ParseResult } from '../shared/money.ts';
import { isCurrency, minorUnits } from '../shared/currencies.ts';

const STRIPE_DECIMALS: Readonly<Record<string, number>> = { ISK: 2, MGA: 0 };

/**
 * A Stripe amount (and its lower-case currency) as ISO minor units.
 * @example stripeAmountToMinor(3000, 'usd') // { ok: true, value: { amount: 3000n, currency: 'USD' } }
 * @example stripeAmountToMinor(50000, 'isk') // { ok: true, value: { amount: 500n, currency: 'ISK' } }
 * @example stripeAmountToMinor(5050, 'isk') // { ok: false, message: '… fractional króna …' }
 */
export function stripeAmountToMinor(amount: unknown, stripeCurrency: unknown): ParseResult<Money> {
  if (typeof stripeCurrency !== 'string') return { ok: false, message: 'currency is missing' };
  const currency = stripeCurrency.toUpperCase();
  if (!isCurrency(currency)) return { ok: false, message: `unknown currency "${stripeCurrency}"` };
  const parsed = parseMinorAmount(amount, currency);
  if (!parsed.ok) return parsed;
  const stripeDecimals = STRIPE_DECIMALS[currency];
  if (stripeDecimals === undefined) return parsed;
  const shift = minorUnits(currency) - stripeDecimals;
  if (shift > 0) return parseMinorAmount(parsed.value.amount * 10n ** BigInt(shift), currency);
  const factor = 10n ** BigInt(-shift);
  if (parsed.value.amount % factor !== 0n) {
    return { ok: false, message: `${amount} ${currency} holds a fractional króna that ISO 4217 minor units cannot represent` };
  }
  return { ok: true, value: { amount: parsed.value.amount / factor, currency } };
}

import { toDecimalString } from '../../shared/money.ts';
import { minorUnits } from '../../shared/currencies.ts';

export type PaypalAmountResult = { ok: true; value: string } | { ok: false; message: string };

// Currencies PayPal can send payouts in (developer.paypal.com/reference/currency-codes).
// BRL, CNY, INR and MYR only reach in-country accounts; PayPal itself then rejects the item.
const PAYPAL_CURRENCIES: ReadonlySet<string> = new Set(
  'AUD BRL CAD CNY CZK DKK EUR HKD HUF ILS INR JPY MYR MXN TWD NZD NOK PHP PLN GBP SGD SEK CHF THB USD'.split(' '),
);
// PayPal refuses decimals for these although ISO 4217 gives HUF and TWD two minor units.
const WHOLE_UNITS_ONLY: ReadonlySet<string> = new Set(['HUF', 'JPY', 'TWD']);

/**
 * An amount as PayPal's `amount.value` / CSV amount column wants it: a plain decimal string
 * with the currency's ISO minor units ("9.87", "1500" for JPY), or whole units for HUF and TWD.
 * @example paypalAmount(987n, 'USD')  // { ok: true, value: '9.87' }
 * @example paypalAmount(150000n, 'HUF') // { ok: true, value: '1500' }
 * @example paypalAmount(1234n, 'KWD') // { ok: false, message: 'PayPal does not pay out in KWD; …' }
 */
export function paypalAmount(amount: bigint, currency: string): PaypalAmountResult {
  if (!PAYPAL_CURRENCIES.has(currency)) {
    return { ok: false, message: `PayPal does not pay out in ${currency}; pay these creators by bank or convert the batch to a PayPal currency` };
  }
  if (WHOLE_UNITS_ONLY.has(currency)) {
    const unit = 10n ** BigInt(minorUnits(currency));
    if (amount % unit !== 0n) {
      return { ok: false, message: `PayPal accepts ${currency} only in whole units and ${toDecimalString({ amount, currency })} has a fraction` };
    }
    return { ok: true, value: (amount / unit).toString() };
  }
  return { ok: true, value: toDecimalString({ amount, currency }) };
}

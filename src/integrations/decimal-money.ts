/**
 * Decimal amounts as Shopify and WooCommerce send them ("12.34") to ISO minor units, through
 * `shared/money.ts`. Exact by default: a digit beyond the currency's minor units is an error
 * (PayloadError), never silently rounded.
 */
import { isCurrency, minorUnits } from '../shared/currencies.ts';
import { parseDecimal, parseDecimalAmount, roundHalfEven } from '../shared/money.ts';
import { PayloadError } from './payload-error.ts';

type Converter = {
  (value: string | number, field?: string): bigint;
  (value: string | number | null | undefined, field?: string): bigint | null;
  currency: string;
};

/**
 * A converter for one currency. `round: true` rounds half-even instead of failing, for line
 * totals WooCommerce may store unrounded (e.g. "6.6666"); order totals always stay exact.
 * @example decimalMoney('KWD')('12.345') // 12345n
 * @example decimalMoney('JPY')('1500.00') // 1500n
 * @example decimalMoney('JPY')('1.5', 'total') // throws PayloadError('total "1.5" has more decimals than JPY allows (0)')
 */
export function decimalMoney(currencyCode: string, options: { round?: boolean } = {}): Converter {
  const currency = currencyCode.trim().toUpperCase();
  if (!isCurrency(currency)) throw new PayloadError(`unknown currency "${currencyCode}"`);
  const convert = ((value: string | number | null | undefined, field = 'amount') => {
    if (value === null || value === undefined || value === '') return null;
    const exact = parseDecimalAmount(value, currency);
    if (exact.ok) return exact.value.amount;
    if (options.round) {
      const ratio = parseDecimal(value);
      if (ratio.ok && ratio.value.num >= 0n) return roundHalfEven(ratio.value.num * 10n ** BigInt(minorUnits(currency)), ratio.value.den);
    }
    throw new PayloadError(`${field} ${exact.message}`);
  }) as Converter;
  convert.currency = currency;
  return convert;
}

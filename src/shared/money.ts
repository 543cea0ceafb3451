/**
 * Money: integer minor units (bigint) plus an ISO 4217 code. Never floats.
 * Rounding happens in exactly one place, `roundHalfEven`; every other function
 * that can produce a fraction of a minor unit builds an exact numerator and
 * denominator and hands them to it.
 */
import { isCurrency, minorUnits } from './currencies.ts';

export type Money = { amount: bigint; currency: string };

/** Validation outcome returned (not thrown) so HTTP handlers can answer 400 with `message`. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** An exact rational number; `den` is always positive. Decimal inputs parse to den = 10^k. */
export type Ratio = { num: bigint; den: bigint };

/** Thrown for programming errors (mixed currencies, bad weights), never for user input. */
export class MoneyError extends Error {
  override name = 'MoneyError';
}

// Bound shared with the API rule "amounts beyond 2^53 are rejected", so every
// amount we accept also survives a JSON round trip as a plain number.
const MAX_MINOR = BigInt(Number.MAX_SAFE_INTEGER);
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;
const pow10 = (k: number): bigint => 10n ** BigInt(k);

/**
 * Parses an exact decimal (string, or a JSON number via its shortest decimal
 * spelling) into a Ratio without ever doing float arithmetic.
 * Numbers with more than 15 significant digits are refused: beyond that a
 * double no longer reliably spells the decimal the sender wrote.
 * @example parseDecimal('12.5') // { ok: true, value: { num: 125n, den: 10n } }
 */
export function parseDecimal(input: string | number): ParseResult<Ratio> {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, message: `${input} is not a finite number` };
    text = String(input);
    if (/e/i.test(text)) return { ok: false, message: `${text} uses exponent notation; send a plain decimal string` };
    if (text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length > 15) {
      return { ok: false, message: `${text} has too many digits to be exact as a JSON number; send it as a string` };
    }
  } else {
    text = input;
  }
  const m = DECIMAL.exec(text);
  if (m === null) return { ok: false, message: `"${text}" is not a plain decimal such as 12.34` };
  const frac = m[3] ?? '';
  const num = BigInt(m[2]! + frac);
  return { ok: true, value: { num: m[1] === '-' ? -num : num, den: pow10(frac.length) } };
}

function checkRange(minor: bigint, currency: string, allowNegative: boolean, shown: string): ParseResult<Money> {
  if (!allowNegative && minor < 0n) return { ok: false, message: `amount ${shown} must not be negative` };
  if (minor > MAX_MINOR || minor < -MAX_MINOR) return { ok: false, message: `amount ${shown} is beyond 2^53 minor units and cannot be exact` };
  return { ok: true, value: { amount: minor, currency } };
}

function unitHint(currency: string): string {
  const mu = minorUnits(currency);
  return mu === 0
    ? `${currency} has no minor unit, so send whole ${currency} (e.g. 1234)`
    : `${currency} amounts are integers of 1/${10 ** mu} (e.g. 1234 means ${toDecimalString({ amount: 1234n, currency })} ${currency})`;
}

/**
 * Validates an API amount given in integer minor units (JSON number or bigint).
 * Rejects decimals, non-numbers, unsafe integers and unknown currencies with a
 * message suitable for a 400 response.
 * @example parseMinorAmount(1234, 'USD') // { ok: true, value: { amount: 1234n, currency: 'USD' } }
 * @example parseMinorAmount(12.5, 'JPY') // { ok: false, message: '12.5 is not a whole number of minor units; JPY has no minor unit, ...' }
 */
export function parseMinorAmount(input: unknown, currency: string, opts: { allowNegative?: boolean } = {}): ParseResult<Money> {
  if (!isCurrency(currency)) return { ok: false, message: `unknown currency "${String(currency)}" (expected an active ISO 4217 code such as USD)` };
  const allowNegative = opts.allowNegative ?? false;
  if (typeof input === 'bigint') return checkRange(input, currency, allowNegative, String(input));
  if (typeof input !== 'number' || !Number.isFinite(input)) {
    return { ok: false, message: `amount must be an integer number of minor units; ${unitHint(currency)}` };
  }
  if (!Number.isInteger(input)) return { ok: false, message: `${input} is not a whole number of minor units; ${unitHint(currency)}` };
  if (!Number.isSafeInteger(input)) return { ok: false, message: `amount ${input} is beyond 2^53 minor units and cannot be exact` };
  return checkRange(BigInt(input), currency, allowNegative, String(input));
}

/**
 * Parses a decimal amount as e-commerce platforms send it ("12.34") into minor
 * units. Extra trailing zeros are accepted ("1000.00" JPY is exactly 1000), but
 * any non-zero digit beyond the currency's minor units is rejected, never rounded.
 * @example parseDecimalAmount('12.34', 'USD') // { ok: true, value: { amount: 1234n, currency: 'USD' } }
 * @example parseDecimalAmount('1.5', 'JPY')   // { ok: false, message: '"1.5" has more decimals than JPY allows (0)' }
 */
export function parseDecimalAmount(input: unknown, currency: string, opts: { allowNegative?: boolean } = {}): ParseResult<Money> {
  if (!isCurrency(currency)) return { ok: false, message: `unknown currency "${String(currency)}" (expected an active ISO 4217 code such as USD)` };
  if (typeof input !== 'string' && typeof input !== 'number') return { ok: false, message: `amount must be a decimal string such as "12.34"` };
  const parsed = parseDecimal(input);
  if (!parsed.ok) return parsed;
  const mu = pow10(minorUnits(currency));
  const { num, den } = parsed.value;
  if ((num * mu) % den !== 0n) return { ok: false, message: `"${input}" has more decimals than ${currency} allows (${minorUnits(currency)})` };
  return checkRange((num * mu) / den, currency, opts.allowNegative ?? false, `"${input}"`);
}

/**
 * Exact decimal spelling in major units, no grouping, no symbol.
 * @example toDecimalString({ amount: -5n, currency: 'USD' }) // '-0.05'
 * @example toDecimalString({ amount: 1234n, currency: 'KWD' }) // '1.234'
 */
export function toDecimalString(m: Money): string {
  const mu = minorUnits(m.currency);
  const abs = (m.amount < 0n ? -m.amount : m.amount).toString().padStart(mu + 1, '0');
  const sign = m.amount < 0n ? '-' : '';
  return mu === 0 ? sign + abs : `${sign}${abs.slice(0, -mu)}.${abs.slice(-mu)}`;
}

/**
 * Locale-aware display. Intl receives the exact decimal string (not a number),
 * and the ISO minor units are forced so ICU's own digit table cannot drop digits.
 * @example formatMoney({ amount: 123456n, currency: 'USD' }) // '$1,234.56'
 * @example formatMoney({ amount: 1234n, currency: 'JPY' }, 'ja-JP') // '￥1,234'
 */
export function formatMoney(m: Money, locale = 'en-US'): string {
  const mu = minorUnits(m.currency);
  const nf = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency, minimumFractionDigits: mu, maximumFractionDigits: mu });
  return nf.format(toDecimalString(m) as `${number}`);
}

function sameCurrency(a: Money, b: Money, op: string): void {
  if (a.currency !== b.currency) throw new MoneyError(`Cannot ${op} ${a.currency} and ${b.currency}; convert first`);
}

/** @example addMoney({ amount: 100n, currency: 'USD' }, { amount: 5n, currency: 'USD' }) // 105n USD */
export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b, 'add');
  return { amount: a.amount + b.amount, currency: a.currency };
}

/** @example subtractMoney({ amount: 100n, currency: 'USD' }, { amount: 150n, currency: 'USD' }) // -50n USD */
export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b, 'subtract');
  return { amount: a.amount - b.amount, currency: a.currency };
}

/**
 * Sums amounts of one currency; the currency is explicit so an empty list has one.
 * @example sumMoney([{ amount: 1n, currency: 'JPY' }, { amount: 2n, currency: 'JPY' }], 'JPY') // 3n JPY
 */
export function sumMoney(items: readonly Money[], currency: string): Money {
  let total: Money = { amount: 0n, currency };
  for (const item of items) total = addMoney(total, item);
  return total;
}

/**
 * THE rounding function: numerator/denominator rounded to the nearest integer,
 * ties to the even neighbour (banker's rounding, unbiased over many lines).
 * @example roundHalfEven(5n, 2n)  // 2n  (2.5 → 2)
 * @example roundHalfEven(-7n, 2n) // -4n (−3.5 → −4)
 */
export function roundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new MoneyError('roundHalfEven: denominator is zero');
  const n = denominator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = n / d; // truncates toward zero
  const r = n % d;
  if (r === 0n) return q;
  const twice = 2n * (r < 0n ? -r : r);
  if (twice > d || (twice === d && q % 2n !== 0n)) return q + (n < 0n ? -1n : 1n);
  return q;
}

function toRatio(value: string | number | Ratio, what: string): Ratio {
  if (typeof value === 'object') {
    if (value.den <= 0n) throw new MoneyError(`${what}: denominator must be positive`);
    return value;
  }
  const parsed = parseDecimal(value);
  if (!parsed.ok) throw new MoneyError(`${what}: ${parsed.message}`);
  return parsed.value;
}

/**
 * `percent`% of a minor-unit amount, rounded half-even once. The percent is an
 * exact decimal ("12.5", 12.5) or a Ratio; basis points are `{ num: bps, den: 100n }`.
 * @example percentOf(999n, '12.5') // 125n (124.875 → 125)
 */
export function percentOf(amount: bigint, percent: string | number | Ratio): bigint {
  const p = toRatio(percent, 'percentOf');
  return roundHalfEven(amount * p.num, p.den * 100n);
}

/**
 * Splits `amount` in proportion to integer `weights` without losing a minor
 * unit: floor shares, then the leftover units go to the largest remainders,
 * ties to the earlier index (deterministic). Negative amounts mirror positive ones.
 * @example allocate(100n, [1n, 1n, 1n]) // [34n, 33n, 33n]
 */
export function allocate(amount: bigint, weights: readonly (bigint | number)[]): bigint[] {
  const w = weights.map((x) => {
    if (typeof x === 'number' && !Number.isSafeInteger(x)) throw new MoneyError(`allocate: weight ${x} is not a safe integer`);
    const b = BigInt(x);
    if (b < 0n) throw new MoneyError('allocate: weights must not be negative');
    return b;
  });
  const total = w.reduce((s, x) => s + x, 0n);
  if (total === 0n) throw new MoneyError('allocate: weights must sum to more than zero');
  if (amount < 0n) return allocate(-amount, w).map((x) => -x);
  const shares = w.map((x) => (amount * x) / total);
  let left = amount - shares.reduce((s, x) => s + x, 0n);
  const order = w
    .map((x, i) => ({ i, rem: (amount * x) % total }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    shares[i]! += 1n;
    left -= 1n;
  }
  return shares;
}

/**
 * Converts with an exchange rate kept as a decimal string (units of
 * `toCurrency` per one unit of `m.currency`), rounded half-even to the target's
 * minor units.
 * @example convert({ amount: 1000n, currency: 'USD' }, '151.237', 'JPY') // { amount: 1512n, currency: 'JPY' }
 */
export function convert(m: Money, rate: string, toCurrency: string): Money {
  const r = toRatio(rate, 'convert');
  if (r.num <= 0n) throw new MoneyError(`convert: rate ${rate} must be positive`);
  const num = m.amount * r.num * pow10(minorUnits(toCurrency));
  const den = r.den * pow10(minorUnits(m.currency));
  return { amount: roundHalfEven(num, den), currency: toCurrency };
}

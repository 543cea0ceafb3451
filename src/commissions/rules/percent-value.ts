/**
 * Exact percentages for commission plans.
 *
 * Representation: a plan percent has at most 4 decimals (12.3456%), so it is
 * held as an integer number of parts per million of the base (ppm):
 * 10% = 100_000 ppm, 12.5% = 125_000 ppm. A commission is then
 * `roundHalfEven(base × ppm, 1_000_000)`: integer maths, one rounding, and
 * several portions at different rates can share a denominator and be rounded
 * once together.
 */
import { parseDecimal, type ParseResult } from '../../shared/money.ts';

/** ppm denominator: amount × ppm / PPM is the exact commission before rounding. */
export const PPM = 1_000_000n;
const MAX_DECIMALS = 4;
const HUNDRED_PERCENT = 100n * 10_000n;

export type Percent = { ppm: bigint; text: string };

/**
 * Validates a plan percent (JSON number or decimal string) and converts it
 * exactly to ppm, reading the number's decimal spelling rather than doing
 * float maths. Accepts 0–100 inclusive with at most 4 decimals.
 * @example parsePercent(12.5) // { ok: true, value: { ppm: 125000n, text: '12.5' } }
 * @example parsePercent(150)  // { ok: false, message: 'percent must be between 0 and 100 (got 150)' }
 */
export function parsePercent(value: number | string, what = 'percent'): ParseResult<Percent> {
  const parsed = parseDecimal(value);
  if (!parsed.ok) return { ok: false, message: `${what}: ${parsed.message}` };
  const { num, den } = parsed.value;
  if (den > 10n ** BigInt(MAX_DECIMALS)) return { ok: false, message: `${what} allows at most ${MAX_DECIMALS} decimals (got ${value})` };
  const ppm = (num * 10_000n) / den; // exact: den divides 10^4
  if (ppm < 0n || ppm > HUNDRED_PERCENT) return { ok: false, message: `${what} must be between 0 and 100 (got ${value})` };
  return { ok: true, value: { ppm, text: ppmToText(ppm) } };
}

/**
 * Like parsePercent but throws: for plan values that the schema already validated.
 * @example percentPpm('12.5') // 125000n
 */
export function percentPpm(value: number | string): bigint {
  const r = parsePercent(value);
  if (!r.ok) throw new RangeError(r.message);
  return r.value.ppm;
}

/**
 * Canonical decimal text of a ppm percent, without trailing zeros.
 * @example ppmToText(125000n) // '12.5'
 */
export function ppmToText(ppm: bigint): string {
  const sign = ppm < 0n ? '-' : '';
  const abs = ppm < 0n ? -ppm : ppm;
  const whole = abs / 10_000n;
  const frac = (abs % 10_000n).toString().padStart(4, '0').replace(/0+$/, '');
  return `${sign}${whole}${frac === '' ? '' : `.${frac}`}`;
}

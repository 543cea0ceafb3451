/**
 * ISO 4217 currency facts the money code needs: which codes exist and how many
 * minor units (decimal places) each has. The data is copied into the repo
 * (see data/iso4217-minor-units.json for source and licence) so that money
 * rules never depend on the host's ICU version or on the network.
 */
import data from './data/iso4217-minor-units.json' with { type: 'json' };

type CurrencyEntry = { readonly minorUnits: number; readonly name: string };

// A Map rather than the raw object so that inherited keys such as "constructor"
// can never be mistaken for a currency.
const TABLE: ReadonlyMap<string, CurrencyEntry> = new Map(
  Object.entries(data.currencies as Record<string, CurrencyEntry>),
);

/**
 * Active ISO 4217 codes that have a defined minor unit, sorted alphabetically.
 * Codes with "N.A." minor units (XAU, XDR, XXX, ...) are deliberately absent:
 * an amount in them cannot be stored as integer minor units.
 * @example ACTIVE_CURRENCY_CODES.includes('USD') // true
 */
export const ACTIVE_CURRENCY_CODES: readonly string[] = Object.freeze([...TABLE.keys()].sort());

/**
 * True when `code` is an active ISO 4217 code we can hold money in.
 * Case-sensitive on purpose: the API contract is upper-case codes, and
 * silently accepting "usd" would let two spellings of one currency into the DB.
 * @example isCurrency('JPY') // true
 * @example isCurrency('usd') // false
 */
export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && TABLE.has(code);
}

/**
 * Number of minor-unit decimal places of a currency (JPY 0, USD 2, KWD 3).
 * Throws for unknown codes because every caller has already validated the
 * currency at the edge; reaching here with a bad code is a programming error.
 * @example minorUnits('KWD') // 3
 */
export function minorUnits(code: string): number {
  const entry = TABLE.get(code);
  if (entry === undefined) throw new RangeError(`Unknown currency code "${code}" (expected an active ISO 4217 code such as USD)`);
  return entry.minorUnits;
}

/**
 * English ISO name of a currency, for pickers and explanations.
 * @example currencyName('USD') // 'US Dollar'
 */
export function currencyName(code: string): string {
  const entry = TABLE.get(code);
  if (entry === undefined) throw new RangeError(`Unknown currency code "${code}"`);
  return entry.name;
}

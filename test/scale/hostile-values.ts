import fc from 'fast-check';

/** Strings that would run as script or SQL if stored and echoed carelessly. */
export const INJECTIONS = [
  '<script>alert(1)</script>',
  "'; drop table links; --",
  '<img src=x onerror=alert(1)>',
  '" onmouseover="alert(1)',
  "Robert'); DELETE FROM influencers WHERE ('1'='1",
  '{{7*7}}${7*7}</title><svg onload=alert(1)>',
];

/** What must never appear in an HTML output: the markup of INJECTIONS, unescaped. */
export const RAW_MARKUP = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', '" onmouseover="alert(1)'];

export const HUGE = 'x'.repeat(100 * 1024);

/** Unicode that trips encoders, databases and renderers. */
export const ODD_UNICODE = [
  '\u202Eevil.exe\u202C', // right-to-left override
  'مرحبا بالعالم',
  '👩‍👩‍👧‍👦🔥🏳️‍🌈',
  'a\u0000b', // NUL
  '\u0000',
  '\uD800', // lone high surrogate
  'x\uDFFFy', // lone low surrogate
  '\uFEFFbom',
  'zero\u200Bwidth',
  'line\r\nbreak',
  'e\u0301\u0301\u0301', // stacked combining marks
  '€'.repeat(30_000),
];

export const ODD_STRINGS = ['', ' ', '   \t', 'null', 'undefined', 'NaN', 'Infinity', '-0', '0x1F', '../../etc/passwd', '%00', '%', 'true', '[]', '{}'];

/** Amount-like values as raw JSON tokens (1e309 parses to Infinity, 9007199254740993 loses precision). */
export const RAW_NUMBERS = ['-1', '0', '-0', '1e309', '-1e309', '9007199254740993', '9223372036854775808', '1e21', '12.5', '0.1', '1e-7', '2147483648', '-2147483649', '99999999999999999999999'];
/** The same as strings, as a lenient client might send them. */
export const NUMBER_STRINGS = ['-1', '1e309', '9007199254740993', '12.5', 'NaN', '1,5', '1_000', ' 12 ', '0x10'];

export const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_UNICODE) },
  { weight: 1, arbitrary: fc.constant(HUGE) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_STRINGS, ...NUMBER_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** A JSON number written exactly as the token (see encodeJson). */
export class RawNumber {
  constructor(readonly text: string) {}
  toJSON(): string {
    return `\u0001${this.text}\u0001`;
  }
}

export const hostileNumber = fc.constantFrom(...RAW_NUMBERS).map((t) => new RawNumber(t));

/** Any JSON value of a wrong kind for most fields. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [1, 'a'], { $gt: '' }, JSON.parse('{"__proto__":{"polluted":1}}'), { constructor: { prototype: { polluted: 1 } } }, [[[[[[[[[[[]]]]]]]]]]]) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** JSON text of a value; RawNumber leaves become their exact tokens. */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0001([^"\\]*)\\u0001"/g, '$1');
}

/** Percent-encodes any string, lone surrogates included (as U+FFFD, like a browser would). */
export function pct(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** Raw URL fragments that are not valid percent-encoding or try to climb out of the route. */
export const RAW_URL_PIECES = ['%', '%zz', '%E0%A4%A', '%ED%A0%80', '%00', '..%2F..%2Fetc', '%2e%2e', '%C0%AF', '%FF%FE'];

/** Shortens long strings so a counterexample can be printed. */
export function printable(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'string' && v.length > 120 ? `${v.slice(0, 40)}…(${v.length} chars)` : v instanceof RawNumber ? v.text : v));
}

/**
 * JSON.parse that keeps integers beyond 2^53 exact. Shopify ids are 64-bit and plain
 * JSON.parse silently rounds them (820982911946154508 → 820982911946154500), which would merge
 * or split orders. Node 20 has no JSON.parse source-text access, so unsafe integer literals are
 * quoted before parsing: they come back as decimal strings; every other value is unchanged.
 */
import type { ParseResult } from '../shared/money.ts';

// The JSON number grammar exactly, so malformed input (leading zeros…) stays malformed.
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function quoteUnsafeIntegers(text: string): string {
  const out: string[] = [];
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skip the string: digits inside it are text, not numbers.
      i++;
      while (i < text.length && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c /* \ */ ? 2 : 1;
      i++;
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (m === null) {
        i++;
        continue;
      }
      const token = m[0];
      if (!/[.eE]/.test(token) && !Number.isSafeInteger(Number(token))) {
        out.push(text.slice(copied, i), `"${token}"`);
        copied = i + token.length;
      }
      i += token.length;
    } else {
      i++;
    }
  }
  if (copied === 0) return text;
  out.push(text.slice(copied));
  return out.join('');
}

/**
 * Parses JSON text; integers outside ±(2^53 − 1) become their exact decimal string.
 * @example parseJsonLossless('{"id":820982911946154508,"n":1}') // { ok: true, value: { id: '820982911946154508', n: 1 } }
 * @example parseJsonLossless('{"id":') // { ok: false, message: 'invalid JSON: …' }
 */
export function parseJsonLossless(text: string): ParseResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(quoteUnsafeIntegers(text)) as unknown };
  } catch (err) {
    return { ok: false, message: `invalid JSON: ${(err as Error).message}` };
  }
}

/**
 * Random identifiers for links and clicks, from the OS CSPRNG (node:crypto).
 */
import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// Largest multiple of 62 that fits in a byte: bytes ≥ 248 are discarded so `byte % 62` is uniform.
const UNBIASED_LIMIT = 248;

/**
 * A click id: 16 random bytes (128 bits) encoded as base64url, always 22 characters of
 * `[A-Za-z0-9_-]`, with no prefix — so it can be put in a query string unescaped and is
 * unguessable enough to serve as the attribution token a storefront sends back.
 */
export function generateClickId(): string {
  // One syscall per 256 ids instead of one per id: randomBytes was a visible share of the redirect.
  if (poolOffset + 16 > pool.length) {
    pool = randomBytes(4096);
    poolOffset = 0;
  }
  const id = pool.toString('base64url', poolOffset, poolOffset + 16);
  poolOffset += 16;
  return id;
}

let pool = Buffer.alloc(0);
let poolOffset = 0;

/**
 * A short link code of `length` base62 characters (`[0-9A-Za-z]`), drawn uniformly by rejection
 * sampling. Seven characters give 62^7 ≈ 3.5e12 codes (~41.7 bits): enough to make guessing a
 * specific link impractical, but callers must still handle a (rare) unique-constraint collision by
 * retrying.
 */
export function generateLinkCode(length = 7): string {
  if (!Number.isInteger(length) || length < 1 || length > 64) {
    throw new RangeError('generateLinkCode: length must be an integer from 1 to 64');
  }
  let out = '';
  while (out.length < length) {
    // Ask for a little more than needed: ~3% of bytes are rejected.
    for (const byte of randomBytes(length - out.length + 4)) {
      if (byte >= UNBIASED_LIMIT) continue;
      out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

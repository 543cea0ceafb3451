/**
 * Privacy-preserving visitor identifiers. The raw IP address is never stored: clicks keep an
 * HMAC of it under a salt that is derived from the server secret and the UTC day, so hashes of the
 * same address are comparable within a day (unique-click counting) but not across days, and the
 * salt itself is never written anywhere (it is recomputed from the secret when needed).
 */
import { createHash, createHmac } from 'node:crypto';
import { normaliseIp } from './lookup-country.ts';

/** Minimum server secret length: IPv4 has only 2^32 values, so a guessable secret = reversible hashes. */
const MIN_SECRET_BYTES = 16;

function byteLength(value: string | Uint8Array): number {
  return typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : value.byteLength;
}

/** UTC calendar day of a date as `YYYY-MM-DD`. */
function utcDay(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('dailySalt: invalid date');
  return date.toISOString().slice(0, 10);
}

/**
 * Derives the IP-hashing salt for the UTC day containing `date`:
 * base64url(HMAC-SHA256(secret, "advocate/ip-salt/v1/" + YYYY-MM-DD)).
 *
 * The salt rotates at 00:00 UTC. Keep it in memory only (it can be recomputed from the secret);
 * once a day is over and the salt is forgotten, that day's IP hashes cannot be linked to later
 * ones. Throws if the secret is shorter than 16 bytes.
 */
export function dailySalt(secret: string | Uint8Array, date: Date = new Date()): string {
  if (byteLength(secret) < MIN_SECRET_BYTES) {
    throw new RangeError(`dailySalt: the server secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  return createHmac('sha256', secret).update(`advocate/ip-salt/v1/${utcDay(date)}`).digest('base64url');
}

/**
 * Hashes an IP address: base64url of HMAC-SHA256(salt, ip) truncated to 16 bytes (22 chars).
 *
 * The address is canonicalised first (IPv4-mapped IPv6 → IPv4, IPv6 lower-cased and compressed),
 * so `::ffff:1.2.3.4` and `1.2.3.4` hash alike. Strings that are not IP addresses are hashed as
 * given (trimmed), so a malformed header still yields a stable value instead of an error.
 */
export function hashIp(ip: string, salt: string | Uint8Array): string {
  if (byteLength(salt) === 0) throw new RangeError('hashIp: empty salt');
  const canonical = normaliseIp(ip)?.address ?? ip.trim();
  return createHmac('sha256', salt).update(canonical).digest().subarray(0, 16).toString('base64url');
}

/**
 * Short key identifying a visitor for uniqueness counting: base64url of SHA-256 over the salted
 * IP hash and the User-Agent, truncated to 12 bytes (16 chars). It inherits the daily rotation of
 * `ipHash`, and 96 bits keep accidental collisions negligible at any realistic click volume.
 */
export function visitorKey(ipHash: string, userAgent: string | null | undefined): string {
  return createHash('sha256')
    .update(`${ipHash}\n${userAgent ?? ''}`)
    .digest()
    .subarray(0, 12)
    .toString('base64url');
}

/**
 * Offline IP → country lookup backed by `geoip-country` (GeoLite2 Country data by MaxMind,
 * CC BY-SA 4.0 + GeoLite2 EULA: the product must credit "This product includes GeoLite2 data
 * created by MaxMind, available from https://www.maxmind.com").
 *
 * geoip-country reads ~8 MB of data synchronously when it is first required (measured 110–290 ms,
 * +19 MB RSS), so it is required
 * lazily on the first lookup instead of at import time.
 */
import { createRequire } from 'node:module';
import { isIPv4, isIPv6 } from 'node:net';

interface GeoIpCountry {
  lookup(ip: string): { country: string } | null;
}

let geoip: GeoIpCountry | null = null;

function db(): GeoIpCountry {
  if (!geoip) geoip = createRequire(import.meta.url)('geoip-country') as GeoIpCountry;
  return geoip;
}

/** Loads the database now (e.g. at server start, off the first request's latency). */
export function preloadCountryDatabase(): void {
  db();
}

// Addresses that never belong to a country: private, loopback, link-local, CGNAT, documentation,
// benchmarking, multicast and reserved ranges (RFC 6890 special-purpose registries). Plain integer
// masks rather than net.BlockList, which costs ~4 µs per check on the redirect path.
const NON_PUBLIC_V4: readonly (readonly [number, number])[] = (
  [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
    ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16],
    ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
  ] as const
).map(([net, bits]) => {
  const mask = (~0 << (32 - bits)) >>> 0; // every prefix here is 4..24 bits
  return [(ipv4ToInt(net) & mask) >>> 0, mask] as const;
});

function ipv4ToInt(ip: string): number {
  const [a = 0, b = 0, c = 0, d = 0] = ip.split('.').map(Number);
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

function isNonPublicV4(ip: string): boolean {
  const n = ipv4ToInt(ip);
  return NON_PUBLIC_V4.some(([net, mask]) => ((n & mask) >>> 0) === net);
}

/** Unspecified, loopback, discard, IETF/Teredo, documentation, ULA, link-local, multicast. */
function isNonPublicV6(g: readonly number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0] = g;
  if (g.slice(0, 7).every((x) => x === 0) && (g[7] === 0 || g[7] === 1)) return true;
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return true;
  if (g0 === 0x2001 && (g1 < 0x200 || g1 === 0xdb8)) return true;
  return (g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfe80 || (g0 & 0xff00) === 0xff00;
}

/** Expands a valid IPv6 address to its eight 16-bit groups. */
function ipv6Groups(ip: string): number[] {
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = v4[1].split('.').map(Number);
    text = `${text.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => parseInt(g, 16)));
  const h = parse(head);
  const t = tail === undefined ? [] : parse(tail);
  return [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
}

export interface NormalisedIp {
  version: 4 | 6;
  /** Canonical text: dotted quad, or RFC 5952-style lower-case IPv6 as produced by WHATWG URL. */
  address: string;
}

/**
 * Validates and canonicalises an IP address string: trims, strips `[…]` brackets and an IPv6
 * zone id, unwraps IPv4-mapped (`::ffff:1.2.3.4`, `::ffff:102:304`) and NAT64 well-known-prefix
 * (`64:ff9b::1.2.3.4`) addresses to the IPv4 they carry. Returns null for anything else.
 */
export function normaliseIp(input: string): NormalisedIp | null {
  return parseIp(input)?.ip ?? null;
}

function parseIp(input: string): { ip: NormalisedIp; nonPublic: boolean } | null {
  let ip = input.trim();
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  ip = ip.replace(/%[\w.-]+$/, '');
  if (isIPv4(ip)) return { ip: { version: 4, address: ip }, nonPublic: isNonPublicV4(ip) };
  if (!isIPv6(ip)) return null;
  const g = ipv6Groups(ip);
  const embedsV4 =
    (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) ||
    (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0));
  if (embedsV4) {
    const hi = g[6] ?? 0;
    const lo = g[7] ?? 0;
    const address = `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
    return { ip: { version: 4, address }, nonPublic: isNonPublicV4(address) };
  }
  // The URL parser already implements RFC 5952 compression and lower-casing.
  const address = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  return { ip: { version: 6, address }, nonPublic: isNonPublicV6(g) };
}

/**
 * Returns the ISO 3166-1 alpha-2 country of a public IP address, or null for private, loopback,
 * reserved and unknown addresses and for strings that are not IP addresses. Accepts IPv4, IPv6,
 * IPv4-mapped IPv6 and bracketed forms. The first call loads the database (~0.1–0.3 s, ~19 MB RSS);
 * call `preloadCountryDatabase()` at start-up to keep that off the first redirect.
 */
export function lookupCountry(ip: string): string | null {
  const parsed = parseIp(ip);
  if (!parsed || parsed.nonPublic) return null;
  const country = db().lookup(parsed.ip.address)?.country;
  return country && /^[A-Z]{2}$/.test(country) ? country : null;
}

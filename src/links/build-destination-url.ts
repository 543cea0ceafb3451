/**
 * Builds the URL a tracking link redirects to (UTM parameters + click id), and guards it: only
 * http(s) destinations on the campaign's allowed domains are ever produced, so `/r/:code` can
 * never be used as an open redirect.
 *
 * The returned URL is WHATWG-serialised (`URL#href`), so the host we checked is exactly the host
 * a browser will navigate to: there is no parser differential to exploit.
 */
import { domainToASCII } from 'node:url';
import { isPublicSuffix } from '../clicks/data/get-public-suffix.ts';

export type UtmKey = 'source' | 'medium' | 'campaign' | 'content' | 'term';
const UTM_KEYS: readonly UtmKey[] = ['source', 'medium', 'campaign', 'content', 'term'];

/** UTM values generated for the link (campaign defaults). Empty strings count as absent. */
export interface UtmValues {
  source: string;
  medium: string;
  campaign: string;
  content: string;
  term?: string | null;
}

export interface BuildDestinationUrlInput {
  destinationUrl: string;
  /** Campaign's allowed domains (`example.com` = it and its subdomains, `*.example.com` = subdomains only). */
  allowedDomains: readonly string[];
  /** Generated UTM values, or null when the campaign turned UTM off. */
  utm: UtmValues | null;
  /** Explicit per-link UTM values; they win over `utm`. Ignored when `utm` is null. */
  utmOverrides?: Partial<Record<UtmKey, string | null>> | null;
  /** Query parameter carrying the click id; per-workspace, default `adv_click`. */
  clickIdParam?: string;
  clickId: string;
}

export type DestinationErrorCode = 'INVALID_URL' | 'SCHEME_NOT_ALLOWED' | 'DOMAIN_NOT_ALLOWED';

export type BuildDestinationUrlResult =
  | { ok: true; url: string }
  | { ok: false; code: DestinationErrorCode; message: string };

const DEFAULT_CLICK_ID_PARAM = 'adv_click';
const MAX_URL_LENGTH = 8192;
const CLICK_ID_PARAM_RE = /^[A-Za-z0-9_.~-]{1,64}$/;
const IPV4_HOST_RE = /^\d{1,3}(?:\.\d{1,3}){3}$/;
// What we accept as a DNS host after WHATWG/IDNA processing. WHATWG also allows `*`, `!`, `$`, `'`…
// in special-scheme hosts; no real destination needs them, so they are refused.
const DNS_HOST_RE = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

type Checked = { ok: true; url: URL; host: string } | { ok: false; code: DestinationErrorCode; message: string };

const fail = (code: DestinationErrorCode, message: string) => ({ ok: false, code, message }) as const;

/** Parses and vets a destination without looking at the allow-list. */
function checkDestination(input: string | URL): Checked {
  const raw = typeof input === 'string' ? input.trim() : input.href;
  if (raw.length === 0 || raw.length > MAX_URL_LENGTH) return fail('INVALID_URL', 'URL is empty or too long');
  // Parsers silently drop tabs/newlines and read `\` as `/` before the path ends: classic
  // host-smuggling tricks. A backslash inside the query or fragment is harmless and kept.
  if (/[\u0000-\u001f\u007f]/.test(raw) || /^[^?#]*\\/.test(raw)) {
    return fail('INVALID_URL', 'URL contains control characters or backslashes');
  }
  if (!/^https?:\/\//i.test(raw)) {
    return /^[a-z][a-z0-9+.-]*:/i.test(raw)
      ? fail('SCHEME_NOT_ALLOWED', 'only http and https destinations are allowed')
      : fail('INVALID_URL', 'URL must be absolute and start with http:// or https://');
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('INVALID_URL', 'URL cannot be parsed');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail('SCHEME_NOT_ALLOWED', 'only http and https destinations are allowed');
  }
  if (url.username !== '' || url.password !== '') {
    return fail('INVALID_URL', 'URL must not contain a user name or password');
  }
  const host = url.hostname.replace(/\.$/, '');
  if (!(host.startsWith('[') || IPV4_HOST_RE.test(host) || DNS_HOST_RE.test(host))) {
    return fail('INVALID_URL', 'URL host is not a valid domain name');
  }
  return { ok: true, url, host };
}

/** Light normalisation of a stored allow-list entry (no PSL check: that is done when saving). */
function entryForMatching(entry: string): { wildcard: boolean; base: string } | null {
  const e = entry.trim().toLowerCase().replace(/\.$/, '');
  const wildcard = e.startsWith('*.');
  const body = wildcard ? e.slice(2) : e;
  if (body.startsWith('[') || IPV4_HOST_RE.test(body) || /^\d+$|^0x/i.test(body)) {
    if (wildcard) return null;
    try {
      return { wildcard: false, base: new URL(`http://${body}/`).hostname };
    } catch {
      return null;
    }
  }
  const base = domainToASCII(body);
  return base && DNS_HOST_RE.test(base) ? { wildcard, base } : null;
}

function hostAllowed(host: string, allowedDomains: readonly string[]): boolean {
  const isIp = host.startsWith('[') || IPV4_HOST_RE.test(host);
  for (const entry of allowedDomains) {
    const e = entryForMatching(entry);
    if (!e) continue;
    // IP literals only ever match the identical address: no "subdomains" of 1.2.3.4.
    if (isIp) {
      if (!e.wildcard && host === e.base) return true;
      continue;
    }
    if (!e.wildcard && host === e.base) return true;
    if (host.endsWith(`.${e.base}`)) return true;
  }
  return false;
}

/**
 * True when `url` is an http(s) URL without credentials whose normalised host (lower case,
 * punycode, trailing dot removed) is covered by `allowedDomains`: an entry `example.com` allows
 * example.com and every subdomain, `*.example.com` only subdomains, an IP-address entry only that
 * exact address (IP destinations are otherwise refused). Invalid entries are ignored.
 */
export function isAllowedDestination(url: string | URL, allowedDomains: readonly string[]): boolean {
  const checked = checkDestination(url);
  return checked.ok && hostAllowed(checked.host, allowedDomains);
}

/**
 * Validates an allowed-domain entry typed by a user and returns its normalised form
 * (`Shop.Example.COM.` → `shop.example.com`, `*.Bücher.de` → `*.xn--bcher-kva.de`).
 * Accepts a leading `http(s)://` and trailing `/` for convenience, `*.` wildcards, `localhost`
 * and IP addresses (IPv6 returned in brackets). Refuses public suffixes (`com`, `co.uk`,
 * `github.io`, `myshopify.com` …) because allowing one would allow everyone's site under it.
 */
export function normaliseDomain(input: string): { ok: true; domain: string } | { ok: false; error: string } {
  let s = input.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/$/, '');
  if (s === '') return { ok: false, error: 'Enter a domain such as example.com' };
  const wildcard = s.startsWith('*.');
  if (wildcard) s = s.slice(2);
  if (/[*\s/\\@?#%:]/.test(s) && !/^\[?[0-9a-f:.]+\]?$/.test(s)) {
    return { ok: false, error: 'Enter only a domain name, without path, port, user name or wildcards inside it' };
  }
  // A name whose last label is a number is an IPv4 address to the URL parser (`1.2.3` = 1.2.0.3).
  if (/^\[?[0-9a-f]*:[0-9a-f:.]*\]?$/.test(s) || /(?:^|\.)(?:\d+|0x[0-9a-f]*)\.?$/.test(s)) {
    if (wildcard) return { ok: false, error: 'A wildcard cannot be combined with an IP address' };
    const body = s.startsWith('[') ? s : s.includes(':') ? `[${s}]` : s;
    try {
      return { ok: true, domain: new URL(`http://${body}/`).hostname };
    } catch {
      return { ok: false, error: 'Not a valid IP address' };
    }
  }
  const ascii = domainToASCII(s.replace(/\.$/, ''));
  if (!ascii || !DNS_HOST_RE.test(ascii)) return { ok: false, error: 'Not a valid domain name' };
  if (!ascii.includes('.') && ascii !== 'localhost') {
    return { ok: false, error: 'Enter a full domain such as example.com' };
  }
  if (ascii !== 'localhost' && isPublicSuffix(ascii)) {
    return { ok: false, error: `${ascii} is a public suffix: allowing it would allow every site under it` };
  }
  return { ok: true, domain: wildcard ? `*.${ascii}` : ascii };
}

/** Form-style name decoding (`+` is a space), tolerant of malformed escapes. */
function decodeParamName(segment: string): string {
  const name = (segment.split('=', 1)[0] ?? '').replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Percent-encodes a value for a query string; lone surrogates become U+FFFD (as URLSearchParams does). */
function encodeValue(value: string): string {
  return encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

/**
 * Builds the redirect target for a click.
 *
 * Checks: the destination must be an absolute http(s) URL (`SCHEME_NOT_ALLOWED` otherwise), free
 * of credentials, control characters and backslashes before the query, with a valid host
 * (`INVALID_URL`), and its host must be on `allowedDomains` (`DOMAIN_NOT_ALLOWED`; see
 * {@link isAllowedDestination}).
 *
 * UTM rule, per parameter (utm_source, utm_medium, utm_campaign, utm_content, utm_term):
 * the link's explicit override wins, else the generated value; when either exists, every
 * occurrence already in the destination is replaced by it. When neither exists (empty, null or
 * missing), the destination's own utm_* parameter, if any, is kept untouched. With `utm: null`
 * (UTM turned off for the campaign) no utm_* parameter is added, replaced or removed.
 *
 * The click id is always set under `clickIdParam`, replacing any existing one. All other query
 * parameters keep their original order and exact encoding, and the fragment is kept; new
 * parameters are appended in the order above, percent-encoded (`%20` for spaces), so
 * `URLSearchParams#get` returns the given values exactly. Throws TypeError for a malformed
 * `clickIdParam` or an empty `clickId` (configuration errors, not user input).
 */
export function buildDestinationUrl(input: BuildDestinationUrlInput): BuildDestinationUrlResult {
  const param = input.clickIdParam ?? DEFAULT_CLICK_ID_PARAM;
  if (!CLICK_ID_PARAM_RE.test(param) || /^utm_/i.test(param)) {
    throw new TypeError(`buildDestinationUrl: invalid click id parameter name ${JSON.stringify(param)}`);
  }
  if (input.clickId === '') throw new TypeError('buildDestinationUrl: empty click id');

  const checked = checkDestination(input.destinationUrl);
  if (!checked.ok) return checked;
  if (!hostAllowed(checked.host, input.allowedDomains)) {
    return fail('DOMAIN_NOT_ALLOWED', `${checked.host} is not one of the campaign's allowed domains`);
  }
  const { url } = checked;

  const added: [string, string][] = [];
  if (input.utm) {
    for (const key of UTM_KEYS) {
      const value = input.utmOverrides?.[key] || input.utm[key] || null;
      if (value) added.push([`utm_${key}`, value]);
    }
  }
  added.push([param, input.clickId]);

  // Work on the serialised query rather than url.searchParams: re-serialising through
  // URLSearchParams would rewrite every existing parameter (`%20` → `+`, `a` → `a=`, …).
  const replaced = new Set(added.map(([name]) => name));
  const kept = url.search === '' ? [] : url.search.slice(1).split('&').filter((s) => !replaced.has(decodeParamName(s)));
  const appended = added.map(([name, value]) => `${encodeURIComponent(name)}=${encodeValue(value)}`);
  // The setter drops one leading `?`, so always supply it: a query may itself start with `?`.
  url.search = `?${[...kept, ...appended].join('&')}`;
  return { ok: true, url: url.href };
}

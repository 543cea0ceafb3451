/**
 * Classifies where a click came from, using the Referer header and the in-app browser detected by
 * `classifyUserAgent`. Host lists are Matomo's social / search-engine lists (CC0), compiled into
 * `data/referrer-hosts.ts` so nothing is read from disk at runtime.
 */
import { SEARCH_HOST_PATTERNS, SOCIAL_HOSTS } from './data/referrer-hosts.ts';

export type TrafficSource =
  | 'instagram'
  | 'tiktok'
  | 'youtube'
  | 'x'
  | 'facebook'
  | 'pinterest'
  | 'linkedin'
  | 'snapchat'
  | 'reddit'
  | 'search'
  | 'direct'
  | 'other';

export interface ClassifySourceInput {
  /** Raw Referer header (absolute URL, or `android-app://<package>/…`), if any. */
  referrer?: string | null;
  /** In-app browser from `classifyUserAgent` (e.g. `instagram`), if any. */
  inApp?: string | null;
}

const TRACKED = new Set<TrafficSource>([
  'instagram', 'tiktok', 'youtube', 'x', 'facebook', 'pinterest', 'linkedin', 'snapchat', 'reddit',
]);

/** In-app browser id → source. Apps with no source of their own (Threads, LINE…) give `other`. */
const IN_APP_SOURCE: Record<string, TrafficSource> = {
  instagram: 'instagram',
  facebook: 'facebook',
  tiktok: 'tiktok',
  snapchat: 'snapchat',
  pinterest: 'pinterest',
  x: 'x',
  linkedin: 'linkedin',
  youtube: 'youtube',
  reddit: 'reddit',
};

// Built once at module load: a host → source map for socials, an exact set plus one combined
// regex for the search patterns that contain Matomo's `{}` country placeholder.
const socialByHost = new Map<string, TrafficSource | 'other'>();
for (const [source, hosts] of Object.entries(SOCIAL_HOSTS)) {
  const id = TRACKED.has(source as TrafficSource) ? (source as TrafficSource) : 'other';
  for (const h of hosts) socialByHost.set(h, id);
}

const searchExact = new Set<string>();
const wildcardParts: string[] = [];
for (const pattern of SEARCH_HOST_PATTERNS) {
  if (!pattern.includes('{}')) {
    searchExact.add(pattern);
    continue;
  }
  const escaped = pattern.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  // Matomo: a trailing `{}` is a ccTLD, optionally behind com/org/net/co/it/edu (google.co.uk,
  // google.com.br); elsewhere it is a two-letter country label (de.search.yahoo.com).
  wildcardParts.push(
    escaped
      .replace(/\{\}$/, '(?:(?:com|org|net|co|it|edu)\\.)?[a-z]{2}')
      .replaceAll('{}', '[a-z]{2}'),
  );
}
const searchWildcard = new RegExp(`^(?:${wildcardParts.join('|')})$`);

/** Lower-cased host (or Android package) of a referrer, or null when it carries no origin. */
function referrerHost(referrer: string): string | null {
  let url: URL;
  try {
    url = new URL(referrer.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'android-app:') return null;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  return host === '' ? null : host;
}

/** Social match on the host or any parent domain (lm.facebook.com → facebook.com). */
function socialSource(host: string): TrafficSource | 'other' | null {
  for (let h = host; ; ) {
    const hit = socialByHost.get(h);
    if (hit) return hit;
    const dot = h.indexOf('.');
    if (dot < 0) return null;
    h = h.slice(dot + 1);
  }
}

/**
 * Search match the way Matomo does it: exact host, then without `www.` / `m.`, then with the
 * country code generalised. Parent domains are deliberately not tried, so mail.google.com and
 * docs.google.com are not "search".
 */
function isSearchHost(host: string): boolean {
  const noWww = host.replace(/^www\d*\./, '');
  const candidates = [host, noWww, noWww.replace(/^m\./, '')];
  return candidates.some((h) => searchExact.has(h) || searchWildcard.test(h));
}

/**
 * Classifies the traffic source of a click.
 *
 * Precedence: a referrer from a tracked social network (l.instagram.com, t.co, youtu.be,
 * lm.facebook.com …) → that network; a search-engine referrer (google.*, bing, duckduckgo …) →
 * `search`; otherwise the in-app browser (an Instagram in-app browser arriving via a link-in-bio
 * page such as linktr.ee is Instagram traffic); otherwise `other` if there was any referrer or
 * in-app browser; otherwise `direct`. Unparseable referrers and ones without an origin
 * (`about:blank`, `file:`) count as absent.
 */
export function classifySource(input: ClassifySourceInput): TrafficSource {
  const host = input.referrer ? referrerHost(input.referrer) : null;
  if (host) {
    const social = socialSource(host);
    if (social && social !== 'other') return social;
    // Checked even under an untracked social parent: searchservice.myspace.com is a search engine.
    if (isSearchHost(host)) return 'search';
  }
  const app = input.inApp ? IN_APP_SOURCE[input.inApp] : undefined;
  if (app) return app;
  return host || input.inApp ? 'other' : 'direct';
}

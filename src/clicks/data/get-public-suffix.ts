/**
 * Public Suffix List lookup (publicsuffix.org algorithm, ICANN and private sections alike), used
 * to refuse allowed-domain entries such as `co.uk`, `github.io` or `myshopify.com` that would
 * let anyone's site through. The list (MPL-2.0; source and licence in the .dat header)
 * is read lazily from `public-suffix-list.dat` on first use (~10k rules, a few ms), never on the
 * redirect path.
 */
import { readFileSync } from 'node:fs';
import { domainToASCII } from 'node:url';

interface Rules {
  exact: Set<string>;
  /** `*.ck` is stored as `ck`: any single label under it is a suffix. */
  wildcard: Set<string>;
  /** `!www.ck` is stored as `www.ck`: an exception to a wildcard. */
  exception: Set<string>;
}

let rules: Rules | null = null;

function load(): Rules {
  if (rules) return rules;
  const text = readFileSync(new URL('./public-suffix-list.dat', import.meta.url), 'utf8');
  const r: Rules = { exact: new Set(), wildcard: new Set(), exception: new Set() };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('//')) continue;
    // The list is written in Unicode; hostnames reach us in punycode.
    const ascii = (s: string) => domainToASCII(s) || s;
    if (line.startsWith('!')) r.exception.add(ascii(line.slice(1)));
    else if (line.startsWith('*.')) r.wildcard.add(ascii(line.slice(2)));
    else r.exact.add(ascii(line));
  }
  rules = r;
  return r;
}

/**
 * Returns the public suffix of a lower-case ASCII (punycode) domain, e.g. `co.uk` for
 * `shop.example.co.uk`, `github.io` for `someone.github.io`. Unlisted TLDs fall back to the
 * implicit `*` rule (the last label), as the PSL algorithm prescribes.
 */
export function getPublicSuffix(domain: string): string {
  const { exact, wildcard, exception } = load();
  const labels = domain.split('.');
  // Scanning from the longest candidate finds the longest matching rule first; an exception rule
  // is always longer than the wildcard it overrides, so checking it first at each length is enough.
  for (let i = 0; i < labels.length; i++) {
    const candidate = labels.slice(i).join('.');
    if (exception.has(candidate)) return labels.slice(i + 1).join('.');
    if (exact.has(candidate)) return candidate;
    if (i + 1 < labels.length && wildcard.has(labels.slice(i + 1).join('.'))) return candidate;
  }
  return labels[labels.length - 1] ?? domain;
}

/** True when `domain` is itself a public suffix (so it has no owner of its own). */
export function isPublicSuffix(domain: string): boolean {
  return getPublicSuffix(domain) === domain;
}

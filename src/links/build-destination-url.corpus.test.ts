import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDestinationUrl } from './build-destination-url.ts';

const WPT = fileURLToPath(new URL('../../../shared/corpora/url/wpt/urltestdata.json', import.meta.url));

describe.skipIf(!existsSync(WPT))('buildDestinationUrl over WHATWG URL web-platform-tests data', () => {
  it('keeps every original component and adds ours, for all valid http(s) cases', () => {
    const cases = (JSON.parse(readFileSync(WPT, 'utf8')) as unknown[]).filter(
      (c): c is { input: string; base: string | null; href: string; protocol: string; username: string; password: string } =>
        typeof c === 'object' && c !== null && !('failure' in c) && 'href' in c,
    );
    let used = 0;
    let skipped = 0;
    for (const c of cases) {
      if (c.protocol !== 'http:' && c.protocol !== 'https:') continue;
      let original: URL;
      try {
        original = new URL(c.input, c.base ?? undefined);
      } catch {
        skipped++; // Node's URL parser predates this WPT revision for a few IDNA cases
        continue;
      }
      if (original.href !== c.href || c.username !== '' || c.password !== '') {
        skipped++; // credentials are refused by design (tested above)
        continue;
      }
      const host = original.hostname.replace(/\.$/, '');
      const r = buildDestinationUrl({
        destinationUrl: c.href,
        allowedDomains: [host],
        utm: { source: 's p', medium: 'm&m', campaign: 'c=1', content: '✓#' },
        clickId: 'Z9_-',
      });
      if (!r.ok) {
        // Only hosts WHATWG tolerates but no real site uses (`!"$&'()*…`, `.`, `..`) may be refused.
        expect([c.href, r.code]).toEqual([c.href, 'INVALID_URL']);
        skipped++;
        continue;
      }
      used++;
      const built = new URL(r.url);
      expect([c.href, built.origin, built.pathname, built.hash]).toEqual([c.href, original.origin, original.pathname, original.hash]);
      const ours = '&utm_source=s%20p&utm_medium=m%26m&utm_campaign=c%3D1&utm_content=%E2%9C%93%23&adv_click=Z9_-';
      expect([c.href, built.search]).toEqual([c.href, original.search === '' ? `?${ours.slice(1)}` : original.search + ours]);
      expect([...built.searchParams].slice(0, [...original.searchParams].length)).toEqual([...original.searchParams]);
    }
    console.log(`WPT urltestdata: ${used} valid http(s) URLs rebuilt and checked, ${skipped} skipped`);
    expect(used).toBeGreaterThan(150);
  });
});

describe('buildDestinationUrl properties', () => {
  it('for any allowed URL and UTM strings: parses, keeps the host, round-trips values exactly', () => {
    const utmString = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(
        fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }),
        fc.record({ source: utmString, medium: utmString, campaign: utmString, content: utmString, term: utmString }),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/),
        (destination, utm, clickId) => {
          const original = new URL(destination);
          const r = buildDestinationUrl({ destinationUrl: destination, allowedDomains: [original.hostname], utm, clickId });
          if (!r.ok) throw new Error(`${destination}: ${r.code} ${r.message}`);
          const built = new URL(r.url);
          expect(built.host).toBe(original.host);
          expect(built.pathname).toBe(original.pathname);
          expect(built.hash).toBe(original.hash);
          for (const key of ['source', 'medium', 'campaign', 'content', 'term'] as const) {
            expect(built.searchParams.getAll(`utm_${key}`)).toEqual([utm[key]]);
          }
          expect(built.searchParams.get('adv_click')).toBe(clickId);
          const mine = /^(utm_(source|medium|campaign|content|term)|adv_click)$/;
          const keptOriginal = [...original.searchParams].filter(([k]) => !mine.test(k));
          expect([...built.searchParams].filter(([k]) => !mine.test(k))).toEqual(keptOriginal);
        },
      ),
      { numRuns: 500 },
    );
  });
});

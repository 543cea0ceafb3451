import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getPublicSuffix, isPublicSuffix } from './get-public-suffix.ts';

const TEST_PSL = fileURLToPath(new URL('../../../../shared/corpora/referrers/publicsuffix/test_psl.txt', import.meta.url));

/** Registrable domain (suffix + one label) per the PSL test-suite conventions, or null. */
function registrable(input: string | null): string | null {
  if (input === null || input.startsWith('.')) return null;
  const domain = domainToASCII(input.toLowerCase());
  if (domain === '') return null;
  const suffix = getPublicSuffix(domain);
  if (suffix === domain) return null;
  const rest = domain.slice(0, -(suffix.length + 1)).split('.');
  return `${rest[rest.length - 1]}.${suffix}`;
}

describe('getPublicSuffix', () => {
  it.each([
    ['example.com', 'com'],
    ['shop.example.co.uk', 'co.uk'],
    ['someone.github.io', 'github.io'],
    ['brand.myshopify.com', 'myshopify.com'],
    ['www.ck', 'ck'], // exception rule !www.ck
    ['foo.bar.ck', 'bar.ck'], // wildcard *.ck
    ['example.unlistedtld', 'unlistedtld'],
  ])('%s → %s', (domain, suffix) => {
    expect(getPublicSuffix(domain)).toBe(suffix);
  });

  it('identifies public suffixes', () => {
    for (const d of ['com', 'co.uk', 'github.io', 'myshopify.com', 'xn--p1ai']) expect(isPublicSuffix(d)).toBe(true);
    for (const d of ['example.com', 'example.co.uk', 'brand.myshopify.com']) expect(isPublicSuffix(d)).toBe(false);
  });
});

describe.skipIf(!existsSync(TEST_PSL))('getPublicSuffix against publicsuffix/list tests/test_psl.txt', () => {
  it('passes every checkPublicSuffix case', () => {
    const cases = [...readFileSync(TEST_PSL, 'utf8').matchAll(/^checkPublicSuffix\((null|'[^']*'), (null|'[^']*')\);/gm)];
    expect(cases.length).toBeGreaterThan(70);
    for (const [, rawIn, rawOut] of cases) {
      const input = rawIn === 'null' ? null : (rawIn ?? '').slice(1, -1);
      const expected = rawOut === 'null' ? null : domainToASCII((rawOut ?? '').slice(1, -1));
      expect([input, registrable(input)]).toEqual([input, expected]);
    }
  });
});

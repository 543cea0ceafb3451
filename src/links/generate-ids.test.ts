import { describe, expect, it } from 'vitest';
import { generateClickId, generateLinkCode } from './generate-ids.ts';

describe('generateClickId', () => {
  it('is 22 base64url characters (16 random bytes) with no prefix', () => {
    for (let i = 0; i < 1_000; i++) {
      const id = generateClickId();
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    }
  });

  it('is unique over 100k ids', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 100_000; i++) ids.add(generateClickId());
    expect(ids.size).toBe(100_000);
  });

  it('survives a round trip through a query string unchanged', () => {
    const id = generateClickId();
    const url = new URL(`https://shop.example/?adv_click=${id}`);
    expect(url.searchParams.get('adv_click')).toBe(id);
    expect(encodeURIComponent(id)).toBe(id);
  });
});

describe('generateLinkCode', () => {
  it('defaults to 7 base62 characters', () => {
    for (let i = 0; i < 1_000; i++) expect(generateLinkCode()).toMatch(/^[0-9A-Za-z]{7}$/);
  });

  it.each([1, 5, 12, 64])('honours length %i', (n) => {
    expect(generateLinkCode(n)).toMatch(new RegExp(`^[0-9A-Za-z]{${n}}$`));
  });

  it.each([0, -1, 65, 3.5, Number.NaN])('rejects length %s', (n) => {
    expect(() => generateLinkCode(n)).toThrow(RangeError);
  });

  it('is unique over 100k codes', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 100_000; i++) codes.add(generateLinkCode());
    expect(codes.size).toBe(100_000);
  });

  it('uses every base62 symbol with roughly uniform frequency (no modulo bias)', () => {
    const counts = new Map<string, number>();
    const n = 62 * 4_000;
    const text = Array.from({ length: n / 62 }, () => generateLinkCode(62)).join('');
    for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // Chi-squared goodness of fit, 61 degrees of freedom: p = 0.0001 critical value ≈ 112.
    const expected = n / 62;
    let chi2 = 0;
    for (const c of counts.values()) chi2 += (c - expected) ** 2 / expected;
    console.log(`generateLinkCode symbol frequencies: chi² = ${chi2.toFixed(1)} (61 dof)`);
    expect(chi2).toBeLessThan(112);
  });
});

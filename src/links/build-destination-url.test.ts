import { describe, expect, it } from 'vitest';
import {
  buildDestinationUrl,
  isAllowedDestination,
  normaliseDomain,
  type BuildDestinationUrlInput,
  type UtmValues,
} from './build-destination-url.ts';

const UTM: UtmValues = { source: 'instagram', medium: 'influencer', campaign: 'spring-sale', content: 'jane_doe' };
const ALLOWED = ['example.com'];

function build(destinationUrl: string, extra: Partial<BuildDestinationUrlInput> = {}) {
  return buildDestinationUrl({ destinationUrl, allowedDomains: ALLOWED, utm: UTM, clickId: 'CLICK123', ...extra });
}

function okUrl(destinationUrl: string, extra: Partial<BuildDestinationUrlInput> = {}): URL {
  const r = build(destinationUrl, extra);
  if (!r.ok) throw new Error(`expected ok for ${destinationUrl}: ${r.code} ${r.message}`);
  return new URL(r.url);
}

describe('buildDestinationUrl: UTM and click id', () => {
  it('adds utm_source/medium/campaign/content and adv_click after existing parameters', () => {
    const r = build('https://shop.example.com/p/1?color=red&size=m');
    expect(r).toEqual({
      ok: true,
      url: 'https://shop.example.com/p/1?color=red&size=m&utm_source=instagram&utm_medium=influencer&utm_campaign=spring-sale&utm_content=jane_doe&adv_click=CLICK123',
    });
  });

  it('keeps the fragment and the exact encoding of existing parameters', () => {
    const u = okUrl('https://example.com/a%20b/?q=a%20b&plus=a+b&flag&empty=&dup=1&dup=2&x=%E2%9C%93#section?x=1&y');
    expect(u.hash).toBe('#section?x=1&y');
    expect(u.pathname).toBe('/a%20b/');
    expect(u.search.startsWith('?q=a%20b&plus=a+b&flag&empty=&dup=1&dup=2&x=%E2%9C%93&utm_source=')).toBe(true);
    expect(u.searchParams.getAll('dup')).toEqual(['1', '2']);
    expect(u.searchParams.get('plus')).toBe('a b');
  });

  it('adds utm_term only when given, and honours a custom click id parameter', () => {
    const u = okUrl('https://example.com/', { utm: { ...UTM, term: 'running shoes' }, clickIdParam: 'ref_id' });
    expect(u.searchParams.get('utm_term')).toBe('running shoes');
    expect(u.searchParams.get('ref_id')).toBe('CLICK123');
    expect(u.searchParams.has('adv_click')).toBe(false);
    expect(okUrl('https://example.com/').searchParams.has('utm_term')).toBe(false);
  });

  it('lets explicit link overrides win over generated values', () => {
    const u = okUrl('https://example.com/', { utmOverrides: { source: 'tiktok', content: null, term: 'promo' } });
    expect(u.searchParams.get('utm_source')).toBe('tiktok');
    expect(u.searchParams.get('utm_content')).toBe('jane_doe'); // null override = no override
    expect(u.searchParams.get('utm_term')).toBe('promo');
  });

  it('replaces the destination\u2019s own utm_* when we have a value, keeps it when we do not', () => {
    const u = okUrl('https://example.com/?utm_source=newsletter&utm_source=dup&utm_term=shoes&utm_id=42', {
      utm: { ...UTM, content: '' },
    });
    expect(u.searchParams.getAll('utm_source')).toEqual(['instagram']);
    expect(u.searchParams.getAll('utm_term')).toEqual(['shoes']); // no generated term: destination's kept
    expect(u.searchParams.get('utm_id')).toBe('42'); // not one of ours
    expect(u.searchParams.has('utm_content')).toBe(false); // empty generated value = absent
  });

  it('adds no UTM at all when the campaign turned UTM off, but still sets the click id', () => {
    const u = okUrl('https://example.com/?utm_source=newsletter', { utm: null, utmOverrides: { source: 'x' } });
    expect(u.search).toBe('?utm_source=newsletter&adv_click=CLICK123');
  });

  it('replaces a click id already present in the destination, including an encoded name', () => {
    const u = okUrl('https://example.com/?adv_click=stale&adv%5Fclick=stale2&a=1');
    expect(u.searchParams.getAll('adv_click')).toEqual(['CLICK123']);
    expect(u.searchParams.get('a')).toBe('1');
  });

  it('round-trips awkward UTM values exactly', () => {
    const values = ['a b&c=d#e?f', '100% + more', 'ünïcødé ✓ 🎉', "quote's \"double\" <tag>", '/\\|^`{}[]~'];
    for (const v of values) {
      const u = okUrl('https://example.com/#frag', { utm: { ...UTM, campaign: v, term: v } });
      expect(u.searchParams.get('utm_campaign')).toBe(v);
      expect(u.searchParams.get('utm_term')).toBe(v);
      expect(u.hash).toBe('#frag');
    }
  });

  it('turns lone surrogates into U+FFFD instead of throwing', () => {
    expect(okUrl('https://example.com/', { utm: { ...UTM, content: 'a\ud800b' } }).searchParams.get('utm_content')).toBe('a\ufffdb');
  });

  it('rejects bad configuration loudly', () => {
    expect(() => build('https://example.com/', { clickIdParam: 'bad name' })).toThrow(TypeError);
    expect(() => build('https://example.com/', { clickIdParam: 'utm_source' })).toThrow(TypeError);
    expect(() => build('https://example.com/', { clickId: '' })).toThrow(TypeError);
  });
});

describe('buildDestinationUrl: allowed domains', () => {
  it.each([
    ['https://example.com', ['example.com']],
    ['https://shop.example.com/x?y=1#z', ['example.com']],
    ['HTTPS://EXAMPLE.COM/', ['example.com']],
    ['https://example.com./', ['example.com']],
    ['https://example.com:8443/', ['example.com']],
    ['http://example.com', ['Example.COM.']],
    ['https://a.b.example.com/', ['*.example.com']],
    ['https://xn--bcher-kva.de/', ['bücher.de']],
    ['https://bücher.de/', ['xn--bcher-kva.de']],
    ['https://203.0.113.5/', ['203.0.113.5']],
    ['https://0xcb.0.113.5/', ['203.0.113.5']],
    ['http://[2001:db8::1]:8080/', ['[2001:DB8::1]']],
    ['http://localhost:3000/', ['localhost']],
  ])('allows %s with %j', (url, allowed) => {
    expect(build(url, { allowedDomains: allowed }).ok).toBe(true);
    expect(isAllowedDestination(url, allowed)).toBe(true);
  });

  it('applies *.example.com to subdomains only, and nothing when the list is empty', () => {
    expect(build('https://example.com/', { allowedDomains: ['*.example.com'] })).toMatchObject({ ok: false, code: 'DOMAIN_NOT_ALLOWED' });
    expect(build('https://example.com/', { allowedDomains: [] })).toMatchObject({ ok: false, code: 'DOMAIN_NOT_ALLOWED' });
    expect(isAllowedDestination(new URL('https://www.example.com/'), ['example.com'])).toBe(true);
  });

  // Allowed list is ['example.com'] throughout: every one of these must be refused.
  const attacks: [string, string][] = [
    ['https://evil.com/', 'DOMAIN_NOT_ALLOWED'],
    ['https://example.com@evil.com/', 'INVALID_URL'],
    ['https://example.com:pass@evil.com/', 'INVALID_URL'],
    ['https://evil.com@example.com/', 'INVALID_URL'],
    ['https://example.com:443@evil.com/', 'INVALID_URL'],
    ['http://evil.com%252f@example.com/', 'INVALID_URL'],
    ['https://evil.com\\@example.com/', 'INVALID_URL'],
    ['https://evil.com\\.example.com/', 'INVALID_URL'],
    ['https:\\\\evil.com', 'INVALID_URL'],
    ['http:/\\/evil.com', 'INVALID_URL'],
    ['//evil.com', 'INVALID_URL'],
    ['///evil.com', 'INVALID_URL'],
    ['\\\\evil.com', 'INVALID_URL'],
    ['/\\evil.com', 'INVALID_URL'],
    ['/redirect?to=https://example.com', 'INVALID_URL'],
    ['https:evil.com', 'SCHEME_NOT_ALLOWED'],
    ['https:/evil.com', 'SCHEME_NOT_ALLOWED'],
    ['https:///evil.com', 'DOMAIN_NOT_ALLOWED'],
    ['javascript:alert(1)', 'SCHEME_NOT_ALLOWED'],
    ['JaVaScRiPt:alert(document.domain)//https://example.com', 'SCHEME_NOT_ALLOWED'],
    ['java\tscript:alert(1)', 'INVALID_URL'],
    ['data:text/html,<script>alert(1)</script>', 'SCHEME_NOT_ALLOWED'],
    ['vbscript:msgbox(1)', 'SCHEME_NOT_ALLOWED'],
    ['file:///etc/passwd', 'SCHEME_NOT_ALLOWED'],
    ['ftp://example.com/', 'SCHEME_NOT_ALLOWED'],
    ['blob:https://example.com/uuid', 'SCHEME_NOT_ALLOWED'],
    ['intent://evil.com#Intent;scheme=https;end', 'SCHEME_NOT_ALLOWED'],
    ['mailto:someone@example.com', 'SCHEME_NOT_ALLOWED'],
    ['https://example.com.evil.com/', 'DOMAIN_NOT_ALLOWED'],
    ['https://evilexample.com/', 'DOMAIN_NOT_ALLOWED'],
    ['https://example.co/', 'DOMAIN_NOT_ALLOWED'],
    ['https://example.com%2eevil.com/', 'DOMAIN_NOT_ALLOWED'],
    ['https://example.com%E3%80%82evil.com/', 'DOMAIN_NOT_ALLOWED'],
    ['https://example.com\u3002evil.com/', 'DOMAIN_NOT_ALLOWED'],
    ['https://ｅｖｉｌ.com/', 'DOMAIN_NOT_ALLOWED'],
    ['https://exаmple.com/', 'DOMAIN_NOT_ALLOWED'], // Cyrillic а
    ['https://xn--exmple-cua.com/', 'DOMAIN_NOT_ALLOWED'],
    ['https://evil.com#.example.com', 'DOMAIN_NOT_ALLOWED'],
    ['https://evil.com?.example.com', 'DOMAIN_NOT_ALLOWED'],
    ['https://evil.com/.example.com', 'DOMAIN_NOT_ALLOWED'],
    ['https://evil.com%23.example.com/', 'INVALID_URL'],
    ['https://evil.com%00.example.com/', 'INVALID_URL'],
    ['https://evil.com\r\n.example.com/', 'INVALID_URL'],
    ['https://exa\u0000mple.com/', 'INVALID_URL'],
    ['https://*.example.com/', 'INVALID_URL'],
    ['https://127.0.0.1/', 'DOMAIN_NOT_ALLOWED'],
    ['https://2130706433/', 'DOMAIN_NOT_ALLOWED'],
    ['https://0x7f.1/', 'DOMAIN_NOT_ALLOWED'],
    ['https://[::1]/', 'DOMAIN_NOT_ALLOWED'],
    ['https://[::ffff:127.0.0.1]/', 'DOMAIN_NOT_ALLOWED'],
    ['%68ttps://evil.com', 'INVALID_URL'],
    ['https://', 'INVALID_URL'],
    ['', 'INVALID_URL'],
    ['   ', 'INVALID_URL'],
    [`https://example.com/${'a'.repeat(9000)}`, 'INVALID_URL'],
  ];

  it.each(attacks)('refuses %j (%s)', (url, code) => {
    const r = build(url);
    expect(r.ok).toBe(false);
    expect(r).toMatchObject({ code });
    expect(isAllowedDestination(url, ALLOWED)).toBe(false);
  });

  it('has at least 30 open-redirect attempts in the table', () => {
    expect(attacks.length).toBeGreaterThanOrEqual(30);
  });
});

describe('normaliseDomain', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Shop.Example.COM. ', 'shop.example.com'],
    ['https://example.com/', 'example.com'],
    ['*.Example.com', '*.example.com'],
    ['Bücher.de', 'xn--bcher-kva.de'],
    ['*.bücher.de', '*.xn--bcher-kva.de'],
    ['example\u3002com', 'example.com'],
    ['brand.myshopify.com', 'brand.myshopify.com'],
    ['example.co.uk', 'example.co.uk'],
    ['203.0.113.5', '203.0.113.5'],
    ['0xcb.0.113.5', '203.0.113.5'],
    ['2001:DB8::1', '[2001:db8::1]'],
    ['[::1]', '[::1]'],
    ['localhost', 'localhost'],
  ])('%j → %j', (input, domain) => {
    expect(normaliseDomain(input)).toEqual({ ok: true, domain });
  });

  it.each([
    '', 'com', '*.com', 'co.uk', '*.co.uk', 'github.io', 'myshopify.com', '*.myshopify.com', 'example',
    'example.com/path', 'example.com:8080', 'user@example.com', 'exa mple.com', 'ex*ample.com', '*example.com',
    '*.203.0.113.5', '300.1.1.1', '-bad-.com', 'a..b.com', `${'a'.repeat(64)}.com`, 'example.com?x', 'exa\\mple.com',
  ])('refuses %j', (input) => {
    const r = normaliseDomain(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
  });
});

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { lookupCountry, normaliseIp, preloadCountryDatabase } from './lookup-country.ts';

const require = createRequire(import.meta.url);
const geoipLoaded = () => Object.keys(require.cache).some((k) => /geoip-country[\\/]lib[\\/]geoip\.js$/.test(k));

describe('lookupCountry', () => {
  it('does not load the database at import time, and loads it on first use', () => {
    expect(geoipLoaded()).toBe(false);
    const before = process.memoryUsage();
    const t0 = performance.now();
    preloadCountryDatabase();
    const ms = performance.now() - t0;
    const after = process.memoryUsage();
    console.log(
      `geoip-country load: ${ms.toFixed(0)} ms, RSS +${((after.rss - before.rss) / 1e6).toFixed(1)} MB, ` +
        `array buffers +${((after.arrayBuffers - before.arrayBuffers) / 1e6).toFixed(1)} MB`,
    );
    expect(geoipLoaded()).toBe(true);
  });

  it.each([
    ['8.8.8.8', 'US'],
    ['2001:4860:4860::8888', 'US'],
    ['193.0.6.139', 'NL'], // RIPE NCC, Amsterdam
    ['2001:67c:2e8:22::c100:68b', 'NL'], // RIPE NCC over IPv6
    ['::ffff:8.8.8.8', 'US'],
    ['::FFFF:8.8.8.8', 'US'],
    ['0:0:0:0:0:ffff:808:808', 'US'],
    ['64:ff9b::8.8.8.8', 'US'],
    ['[2001:4860:4860::8888]', 'US'],
    ['  8.8.8.8 ', 'US'],
  ])('%s → %s', (ip, country) => {
    expect(lookupCountry(ip)).toBe(country);
  });

  it.each([
    '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '127.0.0.1', '169.254.10.10', '100.64.0.1',
    '0.0.0.0', '255.255.255.255', '224.0.0.1', '192.0.2.1', '198.51.100.7', '203.0.113.9', '198.18.0.1',
    '::1', '::', 'fe80::1', 'fe80::1%eth0', 'fd12:3456:789a::1', 'fc00::1', 'ff02::1', '2001:db8::1',
    '::ffff:127.0.0.1', '::ffff:192.168.0.1', '::ffff:c0a8:1', '64:ff9b::10.0.0.1',
  ])('returns null for non-public %s', (ip) => {
    expect(lookupCountry(ip)).toBeNull();
  });

  it.each(['', 'garbage', '1.2.3.4:80', '256.1.1.1', '1.2.3', '1.2.3.4.5', '::g', 'example.com', '8.8.8.8/32'])(
    'returns null for non-IP input %j',
    (ip) => {
      expect(lookupCountry(ip)).toBeNull();
    },
  );

  it('keeps public addresses just outside private ranges', () => {
    expect(lookupCountry('172.32.0.1')).not.toBeNull();
    expect(lookupCountry('11.0.0.1')).not.toBeNull();
  });

  it('is fast once loaded', () => {
    const n = 100_000;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) lookupCountry('8.8.8.8');
    const v4 = ((performance.now() - t0) * 1000) / n;
    const t1 = performance.now();
    for (let i = 0; i < n; i++) lookupCountry('2001:4860:4860::8888');
    const v6 = ((performance.now() - t1) * 1000) / n;
    console.log(`lookupCountry: IPv4 ${v4.toFixed(2)} µs, IPv6 ${v6.toFixed(2)} µs`);
    expect(v4).toBeLessThan(100);
  });
});

describe('normaliseIp', () => {
  it.each([
    ['1.2.3.4', { version: 4, address: '1.2.3.4' }],
    ['::ffff:1.2.3.4', { version: 4, address: '1.2.3.4' }],
    ['::ffff:0102:0304', { version: 4, address: '1.2.3.4' }],
    ['2001:DB8:0:0:0:0:0:1', { version: 6, address: '2001:db8::1' }],
    ['[2001:db8::1]', { version: 6, address: '2001:db8::1' }],
    ['fe80::1%en0', { version: 6, address: 'fe80::1' }],
  ])('%s', (input, expected) => {
    expect(normaliseIp(input)).toEqual(expected);
  });

  it('rejects non-addresses', () => {
    expect(normaliseIp('localhost')).toBeNull();
    expect(normaliseIp('1.2.3.4:80')).toBeNull();
  });
});

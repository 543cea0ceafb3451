import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dailySalt, hashIp, visitorKey } from './hash-visitor.ts';

const SECRET = 'test-secret-0123456789abcdef';
const B64URL = /^[A-Za-z0-9_-]+$/;

describe('dailySalt', () => {
  it('is stable within a UTC day and rotates at midnight UTC', () => {
    const morning = dailySalt(SECRET, new Date('2025-03-10T00:00:00.000Z'));
    const evening = dailySalt(SECRET, new Date('2025-03-10T23:59:59.999Z'));
    const next = dailySalt(SECRET, new Date('2025-03-11T00:00:00.000Z'));
    expect(morning).toBe(evening);
    expect(next).not.toBe(morning);
    // 23:30 in New York on the 10th is already the 11th in UTC.
    expect(dailySalt(SECRET, new Date('2025-03-10T23:30:00-04:00'))).toBe(next);
  });

  it('depends on the secret and matches the documented construction', () => {
    const d = new Date('2025-01-02T12:00:00Z');
    expect(dailySalt(SECRET, d)).not.toBe(dailySalt(`${SECRET}x`, d));
    const expected = createHmac('sha256', SECRET).update('advocate/ip-salt/v1/2025-01-02').digest('base64url');
    expect(dailySalt(SECRET, d)).toBe(expected);
    expect(dailySalt(Buffer.from(SECRET), d)).toBe(expected);
  });

  it('rejects short secrets and invalid dates', () => {
    expect(() => dailySalt('short', new Date())).toThrow(RangeError);
    expect(() => dailySalt('', new Date())).toThrow(RangeError);
    expect(() => dailySalt(SECRET, new Date('nope'))).toThrow(RangeError);
  });
});

describe('hashIp', () => {
  const salt = dailySalt(SECRET, new Date('2025-03-10T12:00:00Z'));

  it('is a 22-char base64url HMAC-SHA256 truncated to 16 bytes', () => {
    const h = hashIp('203.0.113.7', salt);
    expect(h).toHaveLength(22);
    expect(h).toMatch(B64URL);
    const expected = createHmac('sha256', salt).update('203.0.113.7').digest().subarray(0, 16).toString('base64url');
    expect(h).toBe(expected);
  });

  it('never contains the raw address and differs per salt (day)', () => {
    const other = dailySalt(SECRET, new Date('2025-03-11T12:00:00Z'));
    const h = hashIp('203.0.113.7', salt);
    expect(h).not.toContain('203');
    expect(hashIp('203.0.113.7', other)).not.toBe(h);
    expect(hashIp('203.0.113.8', salt)).not.toBe(h);
  });

  it('canonicalises equivalent spellings of the same address', () => {
    expect(hashIp('::ffff:203.0.113.7', salt)).toBe(hashIp('203.0.113.7', salt));
    expect(hashIp(' 203.0.113.7 ', salt)).toBe(hashIp('203.0.113.7', salt));
    expect(hashIp('2001:DB8:0:0:0:0:0:1', salt)).toBe(hashIp('2001:db8::1', salt));
    expect(hashIp('[2001:db8::1]', salt)).toBe(hashIp('2001:db8::1', salt));
  });

  it('hashes non-IP strings instead of throwing, but rejects an empty salt', () => {
    expect(hashIp('unknown', salt)).toMatch(B64URL);
    expect(() => hashIp('1.2.3.4', '')).toThrow(RangeError);
  });
});

describe('visitorKey', () => {
  const salt = dailySalt(SECRET, new Date('2025-03-10T12:00:00Z'));
  const ipHash = hashIp('198.51.100.20', salt);

  it('is a short, deterministic base64url key', () => {
    const k = visitorKey(ipHash, 'Mozilla/5.0 Test');
    expect(k).toHaveLength(16);
    expect(k).toMatch(B64URL);
    expect(visitorKey(ipHash, 'Mozilla/5.0 Test')).toBe(k);
  });

  it('separates visitors behind one IP by user agent, and handles a missing UA', () => {
    expect(visitorKey(ipHash, 'Mozilla/5.0 A')).not.toBe(visitorKey(ipHash, 'Mozilla/5.0 B'));
    expect(visitorKey(ipHash, null)).toBe(visitorKey(ipHash, ''));
    expect(visitorKey(ipHash, undefined)).toMatch(B64URL);
  });

  it('does not collide across 100k distinct visitors', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 100_000; i++) keys.add(visitorKey(hashIp(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, salt), 'UA'));
    expect(keys.size).toBe(100_000);
  });
});

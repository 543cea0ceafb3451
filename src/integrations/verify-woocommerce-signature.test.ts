import { describe, expect, it } from 'vitest';
import { isWooPing } from './is-woo-ping.ts';
import { verifyWooCommerceSignature } from './verify-woocommerce-signature.ts';
import { fixtureJson } from './webhook-fixtures.test-helper.ts';

const v = fixtureJson('signatures/test-vectors.json').woocommerce as { secret: string; raw_body: string; expected_header_value: string };

describe('verifyWooCommerceSignature', () => {
  it('accepts the vector over the raw bytes, escaped slashes included', () => {
    expect(v.raw_body).toContain('https:\\/\\/example.com');
    expect(verifyWooCommerceSignature({ rawBody: v.raw_body, header: v.expected_header_value, secret: v.secret })).toEqual({ ok: true });
  });

  it('rejects the same payload re-serialised (slashes unescaped)', () => {
    const reserialised = JSON.stringify(JSON.parse(v.raw_body));
    expect(verifyWooCommerceSignature({ rawBody: reserialised, header: v.expected_header_value, secret: v.secret })).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
  });

  it('rejects a tampered body and the wrong secret', () => {
    expect(verifyWooCommerceSignature({ rawBody: v.raw_body.replace('29.35', '2.35'), header: v.expected_header_value, secret: v.secret })).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    expect(verifyWooCommerceSignature({ rawBody: v.raw_body, header: v.expected_header_value, secret: 'wc_secret2' })).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
  });

  it('rejects a missing header', () => {
    expect(verifyWooCommerceSignature({ rawBody: v.raw_body, header: undefined, secret: v.secret })).toMatchObject({ ok: false, code: 'MISSING_SIGNATURE' });
  });
});

describe('isWooPing', () => {
  it('recognises the unsigned form-encoded ping sent on webhook creation', () => {
    expect(isWooPing('webhook_id=142', 'application/x-www-form-urlencoded')).toBe(true);
    expect(isWooPing(Buffer.from('webhook_id=7'), 'application/x-www-form-urlencoded; charset=UTF-8')).toBe(true);
  });

  it('does not treat anything else as a ping', () => {
    expect(isWooPing('webhook_id=142', 'application/json')).toBe(false);
    expect(isWooPing('webhook_id=142', undefined)).toBe(false);
    expect(isWooPing('webhook_id=142&status=processing', 'application/x-www-form-urlencoded')).toBe(false);
    expect(isWooPing('webhook_id=abc', 'application/x-www-form-urlencoded')).toBe(false);
    expect(isWooPing(v.raw_body, 'application/json')).toBe(false);
  });
});

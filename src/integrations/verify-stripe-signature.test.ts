import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyStripeSignature } from './verify-stripe-signature.ts';
import { fixtureJson } from './webhook-fixtures.test-helper.ts';

const v = fixtureJson('signatures/test-vectors.json').stripe as {
  secret: string;
  timestamp: number;
  raw_body: string;
  expected_header_value: string;
};
const at = (seconds: number) => new Date(seconds * 1000);
const now = at(v.timestamp + 10);
const sign = (body: string, t: number, secret = v.secret) => createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

describe('verifyStripeSignature', () => {
  it('accepts the published vector, as a string and as a Buffer', () => {
    expect(verifyStripeSignature({ rawBody: v.raw_body, header: v.expected_header_value, secret: v.secret, now })).toEqual({ ok: true });
    expect(verifyStripeSignature({ rawBody: Buffer.from(v.raw_body), header: v.expected_header_value, secret: v.secret, now })).toEqual({ ok: true });
  });

  it('rejects a tampered body', () => {
    const r = verifyStripeSignature({ rawBody: v.raw_body.replace('evt_test_webhook', 'evt_test_webhooK'), header: v.expected_header_value, secret: v.secret, now });
    expect(r).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
  });

  it('rejects a missing or empty header', () => {
    expect(verifyStripeSignature({ rawBody: v.raw_body, header: undefined, secret: v.secret, now })).toMatchObject({ ok: false, code: 'MISSING_SIGNATURE' });
    expect(verifyStripeSignature({ rawBody: v.raw_body, header: '  ', secret: v.secret, now })).toMatchObject({ ok: false, code: 'MISSING_SIGNATURE' });
  });

  it('rejects the wrong secret, a secret with trailing whitespace and an empty secret', () => {
    for (const secret of ['whsec_other', `${v.secret} `, `${v.secret}\n`, '']) {
      expect(verifyStripeSignature({ rawBody: v.raw_body, header: v.expected_header_value, secret, now })).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    }
  });

  it('rejects a timestamp older (or newer) than the tolerance, and accepts the edge', () => {
    expect(verifyStripeSignature({ rawBody: v.raw_body, header: v.expected_header_value, secret: v.secret, now: at(v.timestamp + 300) })).toEqual({ ok: true });
    const stale = verifyStripeSignature({ rawBody: v.raw_body, header: v.expected_header_value, secret: v.secret, now: at(v.timestamp + 301) });
    expect(stale).toMatchObject({ ok: false, code: 'STALE_TIMESTAMP' });
    expect(stale.ok === false && stale.message).toMatch(/Timestamp outside the tolerance zone/);
    expect(verifyStripeSignature({ rawBody: v.raw_body, header: v.expected_header_value, secret: v.secret, now: at(v.timestamp - 301) })).toMatchObject({ code: 'STALE_TIMESTAMP' });
    expect(verifyStripeSignature({ rawBody: v.raw_body, header: v.expected_header_value, secret: v.secret, now: at(v.timestamp + 3600), toleranceSeconds: 7200 })).toEqual({ ok: true });
  });

  it('checks the signature before the timestamp, so a forgery learns nothing about the clock', () => {
    const r = verifyStripeSignature({ rawBody: 'forged', header: v.expected_header_value, secret: v.secret, now: at(v.timestamp + 10_000) });
    expect(r).toMatchObject({ code: 'BAD_SIGNATURE' });
  });

  it('ignores a bogus v1 next to a valid one, and accepts any of several v1 values (secret roll)', () => {
    expect(verifyStripeSignature({ rawBody: v.raw_body, header: `${v.expected_header_value},v1=potato`, secret: v.secret, now })).toEqual({ ok: true });
    const rolled = `t=${v.timestamp},v1=${sign(v.raw_body, v.timestamp, 'whsec_old')},v1=${sign(v.raw_body, v.timestamp)}`;
    expect(verifyStripeSignature({ rawBody: v.raw_body, header: rolled, secret: v.secret, now })).toEqual({ ok: true });
  });

  it('answers the stripe-node messages for malformed headers and payloads', () => {
    const t = `t=${v.timestamp}`;
    expect(verifyStripeSignature({ rawBody: v.raw_body, header: 'garbage', secret: v.secret, now })).toEqual({
      ok: false,
      code: 'MALFORMED',
      message: 'Unable to extract timestamp and signatures from header',
    });
    expect(verifyStripeSignature({ rawBody: v.raw_body, header: `${t},v0=${sign(v.raw_body, v.timestamp)}`, secret: v.secret, now })).toEqual({
      ok: false,
      code: 'MALFORMED',
      message: 'No signatures found with expected scheme',
    });
    expect(verifyStripeSignature({ rawBody: '', header: v.expected_header_value, secret: v.secret, now })).toEqual({
      ok: false,
      code: 'MALFORMED',
      message: 'No webhook payload was provided',
    });
  });

  it('signs the exact bytes: re-serialised JSON does not verify', () => {
    const reserialised = JSON.stringify(JSON.parse(v.raw_body));
    expect(verifyStripeSignature({ rawBody: reserialised, header: v.expected_header_value, secret: v.secret, now })).toMatchObject({ code: 'BAD_SIGNATURE' });
  });
});

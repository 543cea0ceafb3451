import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyShopifyHmac } from './verify-shopify-hmac.ts';
import { fixtureJson, fixtureText } from './webhook-fixtures.test-helper.ts';

const v = fixtureJson('signatures/test-vectors.json').shopify as { secret: string; raw_body: string; expected_header_value: string };

describe('verifyShopifyHmac', () => {
  it("accepts Shopify's own vector", () => {
    expect(verifyShopifyHmac({ rawBody: v.raw_body, header: v.expected_header_value, secret: v.secret })).toEqual({ ok: true });
    expect(verifyShopifyHmac({ rawBody: Buffer.from(v.raw_body), header: ` ${v.expected_header_value} `, secret: v.secret })).toEqual({ ok: true });
  });

  it('accepts a real order body signed with the app secret', () => {
    const body = fixtureText('shopify/orders_create.usd_with_discount_code_landing_site.json');
    const header = createHmac('sha256', 'shpss_app_secret').update(body).digest('base64');
    expect(verifyShopifyHmac({ rawBody: body, header, secret: 'shpss_app_secret' })).toEqual({ ok: true });
    expect(verifyShopifyHmac({ rawBody: body.replace('"TENOFF"', '"TENOFF2"'), header, secret: 'shpss_app_secret' })).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
  });

  it('rejects a tampered body, the wrong secret and an empty secret', () => {
    expect(verifyShopifyHmac({ rawBody: '{"foo": "baz"}', header: v.expected_header_value, secret: v.secret })).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    expect(verifyShopifyHmac({ rawBody: v.raw_body, header: v.expected_header_value, secret: 'other_secret' })).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    expect(verifyShopifyHmac({ rawBody: v.raw_body, header: v.expected_header_value, secret: '' })).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
  });

  it('rejects a missing header and a header that is not a base64 SHA-256', () => {
    expect(verifyShopifyHmac({ rawBody: v.raw_body, header: undefined, secret: v.secret })).toMatchObject({ ok: false, code: 'MISSING_SIGNATURE' });
    expect(verifyShopifyHmac({ rawBody: v.raw_body, header: '', secret: v.secret })).toMatchObject({ ok: false, code: 'MISSING_SIGNATURE' });
    const hex = createHmac('sha256', v.secret).update(v.raw_body).digest('hex');
    expect(verifyShopifyHmac({ rawBody: v.raw_body, header: hex, secret: v.secret })).toMatchObject({ ok: false, code: 'MALFORMED' });
  });

  it('rejects an empty body', () => {
    expect(verifyShopifyHmac({ rawBody: '', header: v.expected_header_value, secret: v.secret })).toMatchObject({ ok: false, code: 'MALFORMED' });
  });
});

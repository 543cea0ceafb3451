import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signPayload } from './sign-payload.ts';

describe('signPayload', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 in hex', () => {
    const expected = createHmac('sha256', 'whsec_test').update('1700000000.{"a":1}').digest('hex');
    expect(signPayload('whsec_test', '{"a":1}', 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });
  it('changes with the body, the time and the secret', () => {
    const base = signPayload('s', 'b', 1);
    expect(new Set([base, signPayload('s', 'c', 1), signPayload('s', 'b', 2), signPayload('t', 'b', 1)]).size).toBe(4);
  });
});

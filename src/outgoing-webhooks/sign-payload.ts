import { createHmac } from 'node:crypto';

/**
 * The `Advocate-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 * Receivers recompute v1 over the raw body and reject old timestamps (replay protection).
 * @example signPayload('whsec_…', '{"id":"evt_…"}', 1767225600) // 't=1767225600,v1=5f…'
 */
export function signPayload(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

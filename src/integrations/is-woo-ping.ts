/**
 * True for the ping WooCommerce POSTs when a webhook is created or its URL changes: a
 * form-encoded `webhook_id=<n>`, unsigned. Answer it 200 without recording anything, or
 * WooCommerce marks the delivery failed; anything else unsigned must still be rejected.
 * @example isWooPing('webhook_id=142', 'application/x-www-form-urlencoded') // true
 * @example isWooPing('{"id":727}', 'application/json') // false
 */
export function isWooPing(rawBody: Buffer | string, contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return false;
  const body = (typeof rawBody === 'string' ? rawBody : rawBody.toString('utf8')).trim();
  return /^webhook_id=\d{1,20}$/.test(body);
}

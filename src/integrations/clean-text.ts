/**
 * A trimmed, non-empty string of at most `max` characters, or null. Platforms send "" and null
 * interchangeably for "none" (WooCommerce `sku: ""`, Shopify `email: ""`), and the conversions
 * schema caps lengths, so an over-long value is dropped rather than truncated into another id.
 * @example cleanText('  TENOFF ') // 'TENOFF'
 * @example cleanText('') // null
 */
export function cleanText(value: unknown, max = 200): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return text.length > 0 && text.length <= max ? text : null;
}

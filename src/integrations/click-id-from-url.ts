/**
 * Reads Advocate's click id from a storefront URL. Shopify's `landing_site` is usually a path
 * with a query ("/products/x?adv_click=…"), sometimes an absolute URL, so both are accepted.
 */
import { DEFAULT_CLICK_ID_PARAM } from './types.ts';

// Click ids are 22 base64url characters today; allow the query-safe set the workspace
// setting allows, and nothing that could smuggle markup or separators into the delivery log.
const CLICK_ID = /^[A-Za-z0-9_.~-]{1,100}$/;

/**
 * A click id value as sent by a platform, or null when absent or not a plausible id.
 * @example cleanClickId(' 6kq3xV0lQ1mZ2b7cT9pR-w ') // '6kq3xV0lQ1mZ2b7cT9pR-w'
 */
export function cleanClickId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const id = value.trim();
  return CLICK_ID.test(id) ? id : null;
}

/**
 * The click id in a URL's query, or null.
 * @example clickIdFromUrl('/products/shoe?utm_source=ig&adv_click=6kq3xV0lQ1mZ2b7cT9pR-w') // '6kq3xV0lQ1mZ2b7cT9pR-w'
 * @example clickIdFromUrl('http://www.example.com?source=abc') // null
 */
export function clickIdFromUrl(url: unknown, param: string = DEFAULT_CLICK_ID_PARAM): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 4096) return null;
  let parsed: URL;
  try {
    parsed = new URL(url, 'https://storefront.invalid/');
  } catch {
    return null;
  }
  return cleanClickId(parsed.searchParams.get(param));
}

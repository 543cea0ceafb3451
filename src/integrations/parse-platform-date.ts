/**
 * A platform timestamp as a Date, or null. WooCommerce's `*_gmt` fields are UTC without a zone
 * ("2017-03-22T19:28:02"); JavaScript would read those as local time, so `assumeUtc` adds the Z.
 * @example parsePlatformDate('2008-01-10T11:00:00-05:00') // 2008-01-10T16:00:00.000Z
 * @example parsePlatformDate('2017-03-22T19:28:02', { assumeUtc: true }) // 2017-03-22T19:28:02.000Z
 */
export function parsePlatformDate(value: unknown, options: { assumeUtc?: boolean } = {}): Date | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 40) return null;
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value);
  const date = new Date(options.assumeUtc && !hasZone ? `${value}Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

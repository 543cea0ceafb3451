/**
 * Drops null and undefined entries so a result's metadata (kept in the delivery log) stays small.
 * @example compact({ a: 1, b: null }) // { a: 1 }
 */
export function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined));
}

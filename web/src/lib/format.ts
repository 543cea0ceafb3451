// Money arrives as integer minor units; it is turned into a decimal string (never a float) and
// formatted by Intl in the viewer's locale. Dates are shown in the viewer's own time zone.

const digitsCache = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency as Intl knows them (JPY 0, USD 2, KWD 3). */
export function minorDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    digitsCache.set(currency, d);
  }
  return d;
}

/** "12345" minor units of USD → "123.45" (exact, no floating point). */
export function toDecimalString(minor: number | bigint | string, currency: string): string {
  const digits = minorDigits(currency);
  let s = BigInt(minor).toString();
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1);
  if (digits > 0) {
    s = s.padStart(digits + 1, '0');
    s = `${s.slice(0, -digits)}.${s.slice(-digits)}`;
  }
  return negative ? `-${s}` : s;
}

/** Decimal text a person typed → minor units, or null when it is not a valid amount. */
export function parseMoney(text: string, currency: string): bigint | null {
  const digits = minorDigits(currency);
  const m = /^\s*(-?)(\d+)(?:[.,](\d*))?\s*$/.exec(text);
  if (!m) return null;
  const frac = (m[3] ?? '').padEnd(digits, '0');
  if (frac.length > digits) return null;
  const v = BigInt((m[2] ?? '0') + frac);
  return m[1] ? -v : v;
}

/** 12345, "USD" → "$123.45" in the viewer's locale. */
export function formatMoney(minor: number | bigint | string | null | undefined, currency: string | null | undefined): string {
  if (minor === null || minor === undefined || !currency) return '—';
  const nf = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  // Intl accepts decimal strings exactly (no float rounding) in current browsers.
  return nf.format(toDecimalString(minor, currency) as unknown as number);
}

export function formatNumber(n: number | null | undefined, options?: Intl.NumberFormatOptions): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return new Intl.NumberFormat(undefined, options).format(n);
}

export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: digits }).format(ratio);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD, no time) shown as that same day everywhere. */
export function formatDate(isoOrDay: string | null | undefined): string {
  if (!isoOrDay) return '—';
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(isoOrDay);
  const d = new Date(dayOnly ? `${isoOrDay}T00:00:00Z` : isoOrDay);
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', ...(dayOnly ? { timeZone: 'UTC' } : {}) }).format(d);
}

/** Local YYYY-MM-DD of a Date, for date inputs. */
export function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

import { DAY_MS, type AttributionSettings, type ConversionFacts, type CustomerBinding } from './types.ts';

export type BindingAssessment =
  | { verdict: 'none' }
  | { verdict: 'valid' | 'disabled' | 'after_conversion' | 'expired'; binding: CustomerBinding; ageMs: number };

/**
 * Whether the customer's lifetime binding decides this conversion. Checked in order: lifetime
 * commissions off → the binding was made after this conversion (events arriving out of order must
 * not let a later creator claim an earlier order) → older than `customerLifetime.days` × 24 h
 * (inclusive, like click windows; null days = never expires) → valid.
 * @example
 * assessBinding(conversion, binding, { enabled: true, days: 365 }) // { verdict: 'valid', binding, ageMs }
 */
export function assessBinding(
  conversion: ConversionFacts,
  binding: CustomerBinding | null,
  lifetime: AttributionSettings['customerLifetime'],
): BindingAssessment {
  if (binding === null) return { verdict: 'none' };
  const ageMs = conversion.occurredAt.getTime() - binding.boundAt.getTime();
  const verdict = !lifetime.enabled
    ? 'disabled'
    : !(ageMs >= 0)
      ? 'after_conversion'
      : bindingExpired(ageMs, lifetime.days)
        ? 'expired'
        : 'valid';
  return { verdict, binding, ageMs };
}

/** True when a binding `ageMs` old has outlived a lifetime of `days` (null = forever). */
export function bindingExpired(ageMs: number, days: number | null): boolean {
  return days !== null && ageMs > days * DAY_MS;
}

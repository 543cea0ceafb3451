import type { Conversion } from './commission-line.ts';
import type { CommissionPlan } from './plan-schema.ts';

/**
 * `date` plus whole calendar months in UTC, clamping to the month's last day
 * (Jan 31 + 1 month = Feb 28/29) so a window never spills into the next month.
 * @example addMonthsUtc(new Date('2024-01-31T10:00:00Z'), 1) // 2024-02-29T10:00:00Z
 */
export function addMonthsUtc(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const out = new Date(date.getTime());
  out.setUTCFullYear(y, m, Math.min(date.getUTCDate(), lastDay));
  return out;
}

/**
 * Why a conversion earns nothing under the plan's eligibility rules, or null
 * when it is eligible. Renewals are governed only by `recurring` (a renewal is
 * never a customer's first order, yet a recurring plan must still pay it);
 * other orders are governed by `appliesTo`. The recurring window is half-open:
 * a renewal exactly `months` after the first payment no longer earns.
 * @example eligibilityReason({ ...plan, appliesTo: 'first_order' }, { ...sale, isFirstOrderOfCustomer: false })
 *   // 'plan pays on the first order of a customer only; this is a repeat order'
 */
export function eligibilityReason(plan: CommissionPlan, conversion: Conversion): string | null {
  const sub = conversion.subscription;
  if (sub?.isRenewal === true) {
    if (plan.recurring === null) return 'plan does not pay on subscription renewals';
    const end = addMonthsUtc(sub.firstPaidAt, plan.recurring.months);
    if (conversion.occurredAt.getTime() >= end.getTime()) {
      return `recurring window ended: renewals earn for ${plan.recurring.months} months after the first payment on ${sub.firstPaidAt.toISOString()} (until ${end.toISOString()}); this renewal is on ${conversion.occurredAt.toISOString()}`;
    }
    if (conversion.occurredAt.getTime() < sub.firstPaidAt.getTime()) {
      return 'renewal is dated before the first payment of its subscription';
    }
    return null;
  }
  if (plan.appliesTo === 'first_order' && !conversion.isFirstOrderOfCustomer) {
    return 'plan pays on the first order of a customer only; this is a repeat order';
  }
  return null;
}

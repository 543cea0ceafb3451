import { roundHalfEven } from '../../shared/money.ts';
import { applySplits } from './apply-splits.ts';
import { moneyText, result, type CommissionLine, type EvaluationResult } from './commission-line.ts';
import type { CommissionPlan } from './plan-schema.ts';

export type ClickCommissionInput = {
  plan: CommissionPlan;
  influencerId: string;
  /** Unique human (bot-filtered, de-duplicated) clicks from the day's rollup. */
  uniqueHumanClicks: number;
  /** UTC day of the rollup, YYYY-MM-DD. */
  day: string;
};

/**
 * Per-click earnings for one creator-day: amount × clicks / per, rounded
 * half-even once per day (a CPM-style plan, per = 1000, would otherwise lose
 * fractions on every click). Split between creators like any other commission.
 * @example evaluateClickCommission({ plan: parse({ type: 'per_click', amount: 250, currency: 'USD', per: 1000 }), influencerId: 'inf_1', uniqueHumanClicks: 1234, day: '2024-05-01' })
 *   // { reason: null, lines: [{ kind: 'click', amount: 308n, currency: 'USD',
 *   //   explanation: '1234 unique human clicks on 2024-05-01 × 2.50 USD per 1000 clicks = 3.08 USD (exact 308500/1000 minor units, rounded half-even)', ... }] }
 */
export function evaluateClickCommission({ plan, influencerId, uniqueHumanClicks, day }: ClickCommissionInput): EvaluationResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`day must be YYYY-MM-DD (got "${day}")`);
  if (!Number.isSafeInteger(uniqueHumanClicks) || uniqueHumanClicks < 0) {
    throw new RangeError(`uniqueHumanClicks must be a non-negative whole number (got ${uniqueHumanClicks})`);
  }
  if (plan.type !== 'per_click') return { lines: [], reason: `a ${plan.type} plan does not pay per click` };
  if (uniqueHumanClicks === 0) return { lines: [], reason: `no unique human clicks on ${day}` };
  const clicks = BigInt(uniqueHumanClicks);
  const numerator = BigInt(plan.amount) * clicks;
  const per = BigInt(plan.per);
  const amount = roundHalfEven(numerator, per);
  const rate = plan.per === 1 ? `${moneyText(BigInt(plan.amount), plan.currency)} per click` : `${moneyText(BigInt(plan.amount), plan.currency)} per ${plan.per} clicks`;
  const exact = numerator % per === 0n ? '' : ` (exact ${numerator}/${per} minor units, rounded half-even)`;
  const line: CommissionLine = {
    influencerId,
    kind: 'click',
    amount,
    currency: plan.currency,
    rule: `per_click ${rate}`,
    explanation: `${uniqueHumanClicks} unique human clicks on ${day} × ${rate} = ${moneyText(amount, plan.currency)}${exact}`,
    inputs: { day, uniqueHumanClicks, amountPerMinor: String(plan.amount), per: plan.per, planType: plan.type, holdDays: plan.holdDays },
  };
  return result(applySplits(plan, [line]), 'no commission due');
}

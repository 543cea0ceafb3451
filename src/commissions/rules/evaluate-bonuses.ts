import { MoneyError, toDecimalString } from '../../shared/money.ts';
import { moneyText, type CommissionLine, type Conversion, type CreatorStats, type PeriodStats } from './commission-line.ts';
import type { CommissionPlan, Period } from './plan-schema.ts';

/**
 * Period stats the plan needs, with a clear error when the caller omitted them
 * (silently treating missing stats as zero would pay milestones twice).
 * @example periodStats({ month: { salesCountInPeriod: 3, revenueInPeriod: 0n } }, 'month', 'tiered plan') // { salesCountInPeriod: 3, ... }
 */
export function periodStats(stats: CreatorStats | undefined, period: Period, needer: string): PeriodStats {
  const s = stats?.[period];
  if (s === undefined) throw new RangeError(`stats.${period} is required: the ${needer} measures volume per ${period}`);
  if (!Number.isSafeInteger(s.salesCountInPeriod) || s.salesCountInPeriod < 0) {
    throw new RangeError(`stats.${period}.salesCountInPeriod must be a non-negative whole number`);
  }
  if (s.revenueInPeriod < 0n) throw new RangeError(`stats.${period}.revenueInPeriod must not be negative`);
  return s;
}

/**
 * Milestone bonuses that THIS sale unlocks: a bonus is paid when the period's
 * volume goes from below the threshold to at or above it, so each milestone is
 * paid once per period as long as stats are the creator's volume before this
 * conversion. Revenue volume is counted on the same base as the commission.
 * @example // bonus { metric: 'sales', threshold: 50, period: 'month', amount: 10000, currency: 'USD' }, stats.month.salesCountInPeriod = 49
 * evaluateBonuses(plan, sale, 9000n, stats) // [{ kind: 'bonus', amount: 10000n, currency: 'USD', rule: 'bonus:50 sales per month', ... }]
 */
export function evaluateBonuses(plan: CommissionPlan, conversion: Conversion, base: bigint, stats: CreatorStats | undefined): CommissionLine[] {
  const lines: CommissionLine[] = [];
  for (const bonus of plan.bonuses) {
    const s = periodStats(stats, bonus.period, `${bonus.metric} bonus`);
    const threshold = BigInt(bonus.threshold);
    let before: bigint;
    let after: bigint;
    let what: string;
    if (bonus.metric === 'sales') {
      before = BigInt(s.salesCountInPeriod);
      after = before + 1n;
      what = `${bonus.threshold} sales`;
    } else {
      if (bonus.currency !== conversion.currency) {
        throw new MoneyError(`revenue bonus thresholds are in ${bonus.currency} but conversion ${conversion.id} is in ${conversion.currency}; convert the conversion first`);
      }
      before = s.revenueInPeriod;
      after = before + base;
      what = `${toDecimalString({ amount: threshold, currency: bonus.currency })} ${bonus.currency} revenue`;
    }
    if (!(before < threshold && threshold <= after)) continue;
    const show = (v: bigint): string => (bonus.metric === 'sales' ? v.toString() : toDecimalString({ amount: v, currency: bonus.currency }));
    const amount = BigInt(bonus.amount);
    lines.push({
      influencerId: conversion.influencerId,
      kind: 'bonus',
      amount,
      currency: bonus.currency,
      rule: `bonus:${what} per ${bonus.period}`,
      explanation: `milestone bonus ${moneyText(amount, bonus.currency)}: ${bonus.period} ${bonus.metric} went from ${show(before)} to ${show(after)}, reaching ${what}`,
      inputs: {
        conversionId: conversion.id,
        metric: bonus.metric,
        period: bonus.period,
        threshold: bonus.threshold,
        volumeBefore: before.toString(),
        volumeAfter: after.toString(),
      },
    });
  }
  return lines;
}

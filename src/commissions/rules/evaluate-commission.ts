/**
 * The commission engine's entry point for conversions (sales and leads).
 * Pure: same plan + conversion + stats always give the same lines, no clock,
 * no I/O. Every fraction of a minor unit is rounded once, half-even, through
 * roundHalfEven from shared/money.ts.
 */
import { isCurrency, minorUnits } from '../../shared/currencies.ts';
import { MoneyError, roundHalfEven } from '../../shared/money.ts';
import { applySplits } from './apply-splits.ts';
import { moneyText, result, type CommissionKind, type CommissionLine, type Conversion, type CreatorStats, type EvaluationResult, type LineInputs } from './commission-line.ts';
import { commissionableBase } from './commissionable-base.ts';
import { eligibilityReason } from './eligibility.ts';
import { evaluateBonuses, periodStats } from './evaluate-bonuses.ts';
import { PPM, percentPpm, ppmToText } from './percent-value.ts';
import type { CommissionPlan } from './plan-schema.ts';
import { applyProductOverrides } from './product-overrides.ts';
import { tieredRate } from './tiered-rate.ts';

export type EvaluateCommissionInput = {
  plan: CommissionPlan;
  conversion: Conversion;
  /** The creator's stats per period BEFORE this conversion; required by tiered plans and bonuses. */
  stats?: CreatorStats;
};

const DAY_MS = 86_400_000;

/**
 * Commission lines a conversion earns under a plan: the primary rule (percent,
 * fixed, per-lead or tiered, with product overrides), divided by splits, plus
 * any milestone bonus this sale unlocks. Returns no lines and a reason when
 * nothing is due (lead on a sales plan, repeat order on a first-order plan,
 * recurring window ended, ...). Multi-tier overrides are a separate step:
 * pass each resulting line to evaluateOverrides.
 * @example evaluateCommission({ plan: parse({ type: 'percent', percent: 10 }), conversion: { amount: 10000n, tax: 800n, shipping: 200n, currency: 'USD', type: 'sale', ... } })
 *   // { reason: null, lines: [{ kind: 'sale', amount: 900n, currency: 'USD', rule: 'percent 10%',
 *   //   explanation: 'percent 10% of net 90.00 USD (gross 100.00 − tax 8.00 − shipping 2.00) = 9.00 USD', ... }] }
 */
export function evaluateCommission({ plan, conversion, stats }: EvaluateCommissionInput): EvaluationResult {
  if (!isCurrency(conversion.currency)) throw new RangeError(`conversion ${conversion.id}: unknown currency "${conversion.currency}"`);
  const ineligible = eligibilityReason(plan, conversion);
  if (ineligible !== null) return { lines: [], reason: ineligible };

  const holdUntil = new Date(conversion.occurredAt.getTime() + plan.holdDays * DAY_MS);
  const commonInputs: LineInputs = {
    conversionId: conversion.id,
    conversionType: conversion.type,
    planType: plan.type,
    occurredAt: conversion.occurredAt.toISOString(),
    holdDays: plan.holdDays,
    holdUntil: holdUntil.toISOString(),
    renewal: conversion.subscription?.isRenewal ?? false,
  };
  const make = (kind: CommissionKind, amount: bigint, currency: string, rule: string, explanation: string, inputs: LineInputs): CommissionLine => ({
    influencerId: conversion.influencerId,
    kind,
    amount,
    currency,
    rule,
    explanation,
    inputs: { ...commonInputs, ...inputs },
  });

  if (conversion.type === 'lead') {
    if (plan.type !== 'per_lead') return { lines: [], reason: `a ${plan.type} plan pays on sales; conversion ${conversion.id} is a lead` };
    const amount = BigInt(plan.amount);
    const line = make('lead', amount, plan.currency, 'per_lead', `fixed ${moneyText(amount, plan.currency)} per lead`, {});
    return result(applySplits(plan, [line]), 'no commission due');
  }

  const base = commissionableBase(conversion, plan.base);
  const primary: CommissionLine[] = [];
  let primaryReason = `no commission due on ${base.text}`;
  const cur = conversion.currency;

  if (plan.type === 'fixed') {
    const amount = BigInt(plan.amount);
    primary.push(make('sale', amount, plan.currency, 'fixed', `fixed ${moneyText(amount, plan.currency)} per sale`, base.inputs));
  } else if (plan.type === 'per_lead') {
    primaryReason = `a per_lead plan pays on leads; conversion ${conversion.id} is a sale`;
  } else if (plan.type === 'per_click') {
    primaryReason = 'a per_click plan pays from daily click rollups (evaluateClickCommission), not per sale';
  } else {
    const ov = applyProductOverrides(plan.overrides, conversion, base.amount);
    const overridden = ov.parts.length > 0;
    const remainderText = overridden ? `${moneyText(ov.remainder, cur)} left of ${base.text} after overrides [${ov.parts.join('; ')}]` : base.text;
    let numerator = ov.percentNumerator;
    let rule: string;
    let text: string;
    const extra: LineInputs = { ...base.inputs, remainderMinor: ov.remainder.toString(), overrides: overridden ? ov.parts.join('; ') : null };
    if (plan.type === 'percent') {
      const ppm = percentPpm(plan.percent);
      numerator += ov.remainder * ppm;
      rule = `percent ${ppmToText(ppm)}%`;
      text = `percent ${ppmToText(ppm)}% of ${remainderText}`;
      extra.percent = ppmToText(ppm);
    } else {
      if (plan.metric === 'revenue' && plan.currency !== cur) {
        throw new MoneyError(`tier thresholds are in ${String(plan.currency)} but conversion ${conversion.id} is in ${cur}; convert the conversion first`);
      }
      const s = periodStats(stats, plan.period, 'tiered plan');
      const before = plan.metric === 'revenue' ? s.revenueInPeriod : BigInt(s.salesCountInPeriod);
      const t = tieredRate(plan, before, ov.remainder, cur, s.revenueInPeriod);
      numerator += t.numerator;
      rule = t.rule;
      text = `${t.text}, on ${remainderText}`;
      extra.volumeBefore = before.toString();
      extra.tierPieces = t.pieces.map((p) => `${p.tier}:${p.slice}@${ppmToText(p.ppm)}%`).join(',');
      if (t.adjustment !== null) {
        const adj = roundHalfEven(t.adjustment.numerator, PPM);
        primary.push(make('adjustment', adj, cur, `${t.rule} retroactive`, `${t.adjustment.text} = ${moneyText(adj, cur)}`, { ...extra }));
      }
    }
    if (overridden) rule += ' + overrides';
    const fixedSame = ov.fixedByCurrency.get(cur) ?? 0n;
    const amount = roundHalfEven(numerator, PPM) + fixedSame;
    const exactNote = numerator % PPM === 0n ? '' : ` (exact ${exactText(numerator + fixedSame * PPM, cur)}, rounded half-even)`;
    primary.unshift(make('sale', amount, cur, rule, `${text} = ${moneyText(amount, cur)}${exactNote}`, extra));
    for (const [currency, fixed] of ov.fixedByCurrency) {
      if (currency === cur) continue;
      primary.push(make('sale', fixed, currency, 'override:fixed per unit', `fixed per-unit overrides [${ov.parts.join('; ')}] = ${moneyText(fixed, currency)}`, extra));
    }
  }

  const lines = [...applySplits(plan, primary), ...evaluateBonuses(plan, conversion, base.amount, stats)];
  return result(lines, primaryReason);
}

// The unrounded amount, shown so a creator can check the rounding step.
function exactText(numerator: bigint, currency: string): string {
  const mu = minorUnits(currency);
  const digits = 6; // PPM = 10^6
  const neg = numerator < 0n;
  const abs = (neg ? -numerator : numerator).toString().padStart(digits + mu + 1, '0');
  const cut = abs.length - digits - mu;
  return `${neg ? '-' : ''}${abs.slice(0, cut)}.${abs.slice(cut).replace(/0+$/, '')}`;
}

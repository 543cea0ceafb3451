import { roundHalfEven } from '../../shared/money.ts';
import { moneyText, result, type CommissionLine, type EvaluationResult } from './commission-line.ts';
import { PPM, percentPpm, ppmToText } from './percent-value.ts';
import type { CommissionPlan } from './plan-schema.ts';

export type OverridesInput = {
  plan: CommissionPlan;
  /** One commission line earned by the recruit (sale, lead, click, split, bonus, ...). */
  commission: CommissionLine;
  /** [recruiterId, recruiterOfRecruiterId]: who recruited the earner, then who recruited them. */
  uplineChain: readonly string[];
};

/**
 * Multi-tier (recruitment) overrides: the creator who recruited the earner
 * gets plan.multiTier depth-1 percent of the commission, their recruiter the
 * depth-2 percent. Overrides are paid by the brand on top of the commission,
 * not taken out of it. Override lines never earn further overrides, and a
 * creator never earns an override on their own commission (cycles in bad
 * referral data are skipped, not paid).
 * @example // plan.multiTier = [{ depth: 1, percent: 5 }], line = 9.00 USD earned by inf_recruit
 * evaluateOverrides({ plan, commission: line, uplineChain: ['inf_recruiter'] })
 *   // { reason: null, lines: [{ influencerId: 'inf_recruiter', kind: 'override', amount: 45n, rule: 'multi-tier:depth 1 (5%)', ... }] }
 */
export function evaluateOverrides({ plan, commission, uplineChain }: OverridesInput): EvaluationResult {
  if (plan.multiTier.length === 0) return { lines: [], reason: 'plan has no multi-tier overrides' };
  if (commission.kind === 'override') return { lines: [], reason: 'overrides are not paid on overrides' };
  const lines: CommissionLine[] = [];
  const skipped: string[] = [];
  for (const tier of [...plan.multiTier].sort((a, b) => a.depth - b.depth)) {
    const recipient = uplineChain[tier.depth - 1];
    const seen = [commission.influencerId, ...uplineChain.slice(0, tier.depth - 1)];
    if (recipient === undefined) {
      skipped.push(`no recruiter at depth ${tier.depth}`);
      continue;
    }
    if (seen.includes(recipient)) {
      skipped.push(`depth ${tier.depth} recruiter ${recipient} already in the chain (cycle)`);
      continue;
    }
    const ppm = percentPpm(tier.percent);
    const amount = roundHalfEven(commission.amount * ppm, PPM);
    lines.push({
      influencerId: recipient,
      kind: 'override',
      amount,
      currency: commission.currency,
      rule: `multi-tier:depth ${tier.depth} (${ppmToText(ppm)}%)`,
      explanation: `recruitment override depth ${tier.depth}: ${ppmToText(ppm)}% of ${commission.influencerId}'s ${commission.kind} commission ${moneyText(commission.amount, commission.currency)} (${commission.rule}) = ${moneyText(amount, commission.currency)}`,
      inputs: {
        ...commission.inputs,
        depth: tier.depth,
        overridePercent: ppmToText(ppm),
        sourceInfluencerId: commission.influencerId,
        sourceKind: commission.kind,
        sourceRule: commission.rule,
        sourceAmountMinor: commission.amount.toString(),
      },
    });
  }
  return result(lines, skipped.join('; ') || 'no override due');
}

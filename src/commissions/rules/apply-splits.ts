import { allocate } from '../../shared/money.ts';
import { moneyText, type CommissionLine } from './commission-line.ts';
import { percentPpm, ppmToText } from './percent-value.ts';
import type { CommissionPlan } from './plan-schema.ts';

/**
 * Replaces each line with one 'split' line per creator in `plan.splits`,
 * divided by allocate() (largest remainder on ppm weights) so the split lines
 * add up to the unsplit amount to the minor unit. Lines pass through untouched
 * when the plan has no splits.
 * @example // plan.splits = [{ influencerId: 'a', share: 50 }, { influencerId: 'b', share: 50 }], line of 9.01 USD:
 * applySplits(plan, [line]) // [{ influencerId: 'a', kind: 'split', amount: 451n, ... }, { influencerId: 'b', kind: 'split', amount: 450n, ... }]
 */
export function applySplits(plan: CommissionPlan, lines: readonly CommissionLine[]): CommissionLine[] {
  if (plan.splits.length === 0) return [...lines];
  const weights = plan.splits.map((s) => percentPpm(s.share));
  return lines.flatMap((line) => {
    const shares = allocate(line.amount, weights);
    return plan.splits.map((s, i): CommissionLine => {
      const share = ppmToText(weights[i]!);
      const amount = shares[i]!;
      return {
        influencerId: s.influencerId,
        kind: 'split',
        amount,
        currency: line.currency,
        rule: `split ${share}% of ${line.rule}`,
        explanation: `${share}% share of ${moneyText(line.amount, line.currency)} [${line.explanation}] = ${moneyText(amount, line.currency)} (largest-remainder split so shares add up exactly)`,
        inputs: { ...line.inputs, splitOfKind: line.kind, splitOfInfluencerId: line.influencerId, sharePercent: share, unsplitMinor: line.amount.toString() },
      };
    });
  });
}

import { moneyText, result, type EvaluationResult } from './commission-line.ts';
import type { CommissionPlan } from './plan-schema.ts';

export type FlatFeeInput = {
  plan: CommissionPlan;
  influencerId: string;
  /** An approved deliverable of a paid collaboration; `type` matches plan.flatFees[].deliverable. */
  deliverable: { id: string; type: string; approvedAt: Date };
};

/**
 * The flat fee a plan pays for one approved deliverable (e.g. an Instagram
 * post). Fees are per creator and are not split: the collaboration was agreed
 * with this creator.
 * @example evaluateFlatFee({ plan: parse({ type: 'percent', percent: 10, flatFees: [{ deliverable: 'instagram_post', amount: 15000, currency: 'USD' }] }),
 *   influencerId: 'inf_1', deliverable: { id: 'del_1', type: 'instagram_post', approvedAt } })
 *   // { reason: null, lines: [{ kind: 'flat_fee', amount: 15000n, currency: 'USD', rule: 'flat_fee:instagram_post', ... }] }
 */
export function evaluateFlatFee({ plan, influencerId, deliverable }: FlatFeeInput): EvaluationResult {
  const fee = plan.flatFees.find((f) => f.deliverable === deliverable.type);
  if (fee === undefined) return { lines: [], reason: `plan has no flat fee for deliverable type "${deliverable.type}"` };
  const amount = BigInt(fee.amount);
  return result(
    [
      {
        influencerId,
        kind: 'flat_fee',
        amount,
        currency: fee.currency,
        rule: `flat_fee:${fee.deliverable}`,
        explanation: `flat fee ${moneyText(amount, fee.currency)} for deliverable ${deliverable.id} (${fee.deliverable})`,
        inputs: { deliverableId: deliverable.id, deliverableType: deliverable.type, approvedAt: deliverable.approvedAt.toISOString(), holdDays: plan.holdDays },
      },
    ],
    'no fee due',
  );
}

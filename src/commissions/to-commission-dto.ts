import type { CommissionRow } from './insert-commission.ts';

const dateOnly = (d: Date | string) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/** A commission as the brand and the creator see it: amount, status, payable-on date, and why. */
export function toCommissionDto(r: CommissionRow) {
  return {
    id: r.id,
    influencerId: r.influencer_id,
    campaignId: r.campaign_id,
    conversionId: r.conversion_id,
    kind: r.kind,
    amount: Number(r.amount),
    currency: r.currency,
    status: r.status,
    payableOn: dateOnly(r.payable_on),
    rule: r.rule,
    explanation: r.explanation,
    inputs: r.inputs,
    reason: r.reason,
    reversalOf: r.reversal_of,
    payoutItemId: r.payout_item_id,
    createdAt: r.created_at.toISOString(),
    approvedAt: r.approved_at?.toISOString() ?? null,
    paidAt: r.paid_at?.toISOString() ?? null,
  };
}

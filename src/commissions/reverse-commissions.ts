import type { ConversionRow } from '../conversions/conversion-row.ts';
import { move, postLedger } from '../ledger/post-ledger.ts';
import type { Context } from '../shared/context.ts';
import { insertCommission, type CommissionRow } from './insert-commission.ts';
import { reverseCommission, type CommissionLine } from './rules/index.ts';

const toLine = (r: CommissionRow): CommissionLine => ({
  influencerId: r.influencer_id,
  kind: r.kind as CommissionLine['kind'],
  amount: r.amount,
  currency: r.currency,
  rule: r.rule,
  explanation: r.explanation,
  inputs: {},
});

/** Cancels an unpaid commission with a reason, moving its amount back out of pending or payable. */
export async function cancelCommission(ctx: Context, r: CommissionRow, status: 'cancelled' | 'rejected', reason: string): Promise<void> {
  const from = r.status === 'approved' ? 'creator:payable' : 'creator:pending';
  await ctx.db.updateTable('commissions').set({ status, reason, closed_at: new Date(), payout_item_id: null }).where('id', '=', r.id).execute();
  await postLedger(ctx.db, ctx.workspaceId, `${status} ${r.id}: ${reason}`, move(from, 'brand:expense', { influencerId: r.influencer_id, currency: r.currency, amount: r.amount, commissionId: r.id }));
}

/**
 * Hands a refund or chargeback on to the conversion's commissions, in the refund's transaction:
 * a full refund cancels unpaid commissions (kept, with the reason); otherwise each commission is
 * reduced by its proportional share — a negative adjustment beside an unpaid one, or an approved
 * clawback that the next payout deducts when it was already paid. Shares round half-even in one
 * place (reverseCommission) and partial refunds that add up to the whole reverse exactly.
 */
export async function reverseCommissionsForRefund(
  ctx: Context,
  args: { conversion: ConversionRow; refund: bigint; previouslyRefunded: bigint; refundId: string; chargeback: boolean },
): Promise<CommissionRow[]> {
  const { conversion: c } = args;
  const all = await ctx.db.selectFrom('commissions').selectAll().where('workspace_id', '=', ctx.workspaceId).where('conversion_id', '=', c.id).execute();
  const originals = all.filter((r) => r.reversal_of === null && (r.status === 'pending' || r.status === 'approved' || r.status === 'paid'));
  const fullyRefunded = args.previouslyRefunded + args.refund >= c.amount;
  const what = args.chargeback ? 'chargeback' : 'refund';
  const created: CommissionRow[] = [];
  for (const r of originals) {
    const reversals = all.filter((x) => x.reversal_of === r.id && x.status !== 'cancelled' && x.status !== 'rejected');
    if (fullyRefunded && r.status !== 'paid') {
      for (const x of reversals) if (x.status !== 'paid') await cancelCommission(ctx, x, 'cancelled', `order fully refunded (${what} ${args.refundId})`);
      await cancelCommission(ctx, r, 'cancelled', `order fully refunded (${what} ${args.refundId})`);
      continue;
    }
    // Reversal lines are stored negative; reverseCommission wants what was reversed, with the sign of the line.
    const previouslyReversed = -reversals.reduce((s, x) => s + x.amount, 0n);
    const line = reverseCommission({
      line: toLine(r),
      original: { amount: c.amount, currency: c.currency! },
      refund: { amount: args.refund, currency: c.currency! },
      previouslyRefunded: args.previouslyRefunded,
      previouslyReversed,
      refundId: args.refundId,
    });
    if (line.amount === 0n) continue;
    const paid = r.status === 'paid';
    created.push(
      await insertCommission(ctx, { ...line, kind: 'adjustment' }, {
        campaignId: r.campaign_id,
        conversionId: c.id,
        status: paid ? 'approved' : r.status,
        payableOn: paid ? new Date() : new Date(`${r.payable_on instanceof Date ? r.payable_on.toISOString().slice(0, 10) : String(r.payable_on)}T00:00:00Z`),
        plan: r.plan,
        reversalOf: r.id,
        reason: paid ? `clawback: ${what} ${args.refundId} after payout; deducted from the next payout` : `${what} ${args.refundId}`,
      }),
    );
  }
  return created;
}

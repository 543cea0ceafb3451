import type { Selectable } from 'kysely';
import type { CommissionsTable, CommissionStatus } from '../db/schema-commissions.ts';
import { move, postLedger } from '../ledger/post-ledger.ts';
import type { Context } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import type { CommissionLine } from './rules/index.ts';

export type CommissionRow = Selectable<CommissionsTable>;

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Stores one commission line and its ledger entries in the caller's transaction. A pending line
 * accrues to the creator's pending account; an approved one (clawbacks) goes straight to payable.
 */
export async function insertCommission(
  ctx: Context,
  line: CommissionLine,
  meta: { campaignId: string | null; conversionId: string | null; status: CommissionStatus; payableOn: Date; plan: unknown; reversalOf?: string | null; reason?: string | null; dedupeKey?: string | null },
): Promise<CommissionRow> {
  const id = newId('commission');
  const row = await ctx.db
    .insertInto('commissions')
    .values({
      id,
      workspace_id: ctx.workspaceId,
      influencer_id: line.influencerId,
      campaign_id: meta.campaignId,
      conversion_id: meta.conversionId,
      kind: line.kind,
      amount: line.amount,
      currency: line.currency,
      status: meta.status,
      rule: line.rule,
      explanation: line.explanation,
      inputs: JSON.stringify(line.inputs),
      plan: meta.plan ? JSON.stringify(meta.plan) : null,
      payable_on: day(meta.payableOn),
      reason: meta.reason ?? null,
      reversal_of: meta.reversalOf ?? null,
      dedupe_key: meta.dedupeKey ?? null,
      approved_at: meta.status === 'approved' ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const to = meta.status === 'approved' ? 'creator:payable' : 'creator:pending';
  await postLedger(ctx.db, ctx.workspaceId, `${line.kind} ${id}`, move('brand:expense', to, { influencerId: line.influencerId, currency: line.currency, amount: line.amount, commissionId: id }));
  return row;
}

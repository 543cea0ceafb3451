import { sql } from 'kysely';
import { cursorAtColumn, decodeCursor, encodeCursor } from '../shared/page-cursor.ts';
import type { CreatorContext } from './creator-context.ts';

export type CreatorCommissionDto = {
  id: string;
  kind: string;
  campaignId: string | null;
  conversionId: string | null;
  amount: number;
  currency: string;
  status: 'pending' | 'approved' | 'paid' | 'rejected' | 'cancelled';
  /** The day the hold ends and the amount becomes payable. */
  payableOn: string;
  /** How the amount was worked out, in words. */
  description: string;
  /** Why it was rejected, cancelled, reduced or clawed back, in words; null otherwise. */
  reason: string | null;
  /** A negative line taking back money already paid (a refund after payout). */
  clawback: boolean;
  createdAt: string;
  approvedAt: string | null;
  paidAt: string | null;
};

const dateOnly = (d: Date | string) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/** The creator's commission lines (adjustments and clawbacks included), newest first, in keyset pages. */
export async function listCreatorCommissions({ ctx, input }: { ctx: CreatorContext; input: { limit: number; cursor?: string | undefined } }) {
  let q = ctx.db
    .selectFrom('commissions')
    .select(['id', 'kind', 'campaign_id', 'conversion_id', 'amount', 'currency', 'status', 'payable_on', 'explanation', 'reason', 'created_at', 'approved_at', 'paid_at'])
    .select(cursorAtColumn().as('cursor_at'))
    .where('workspace_id', '=', ctx.workspaceId)
    .where('influencer_id', '=', ctx.influencerId);
  if (input.cursor) {
    const c = decodeCursor(input.cursor);
    q = q.where(sql<boolean>`(created_at, id) < (${c.at}::timestamptz, ${c.id})`);
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(input.limit + 1).execute();
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const data: CreatorCommissionDto[] = page.map((r) => ({
    id: r.id,
    kind: r.kind,
    campaignId: r.campaign_id,
    conversionId: r.conversion_id,
    amount: Number(r.amount),
    currency: r.currency,
    status: r.status,
    payableOn: dateOnly(r.payable_on),
    description: r.explanation,
    reason: r.reason,
    clawback: r.amount < 0n && Boolean(r.reason?.startsWith('clawback')),
    createdAt: r.created_at.toISOString(),
    approvedAt: r.approved_at?.toISOString() ?? null,
    paidAt: r.paid_at?.toISOString() ?? null,
  }));
  return { data, nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null };
}

import { sql } from 'kysely';
import { getBalances } from '../ledger/balances.ts';
import type { CreatorContext } from './creator-context.ts';
import { listCreatorCommissions, type CreatorCommissionDto } from './list-creator-commissions.ts';

export type CreatorBalanceDto = {
  currency: string;
  /** Earned, still in the hold period. */
  pending: number;
  /** Approved: goes out with the next payout (can be negative after a clawback). */
  approved: number;
  paid: number;
  /** Taken back by refunds and chargebacks so far (already netted in the three above). */
  clawedBack: number;
};

/**
 * What a creator has earned per currency — pending, approved (payable) and paid from the ledger
 * balances, and what refunds took back — with their commission lines.
 */
export async function creatorEarnings({ ctx, input }: { ctx: CreatorContext; input: { limit: number; cursor?: string | undefined } }): Promise<{
  balances: CreatorBalanceDto[];
  commissions: CreatorCommissionDto[];
  nextCursor: string | null;
}> {
  const [balances, reversals, page] = await Promise.all([
    getBalances({ ctx, input: { influencerId: ctx.influencerId } }),
    ctx.db
      .selectFrom('commissions')
      .select(['currency', sql<bigint>`(-sum(amount))::int8`.as('amount')])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('influencer_id', '=', ctx.influencerId)
      .where('reversal_of', 'is not', null)
      .where('amount', '<', 0n)
      .where('status', 'not in', ['rejected', 'cancelled'])
      .groupBy('currency')
      .execute(),
    listCreatorCommissions({ ctx, input }),
  ]);
  const byCurrency = new Map<string, CreatorBalanceDto>();
  const entry = (currency: string) => {
    let e = byCurrency.get(currency);
    if (!e) byCurrency.set(currency, (e = { currency, pending: 0, approved: 0, paid: 0, clawedBack: 0 }));
    return e;
  };
  for (const b of balances) Object.assign(entry(b.currency), { pending: b.pending, approved: b.payable, paid: b.paid });
  for (const r of reversals) entry(r.currency).clawedBack = Number(r.amount);
  return { balances: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)), commissions: page.data, nextCursor: page.nextCursor };
}

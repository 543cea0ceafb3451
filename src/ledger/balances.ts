import { sql } from 'kysely';
import type { Context } from '../shared/context.ts';

export type Balance = { influencerId: string; currency: string; pending: number; payable: number; paid: number };

/** Balances derived from the entries (never stored): per creator and currency. */
export async function getBalances({ ctx, input }: { ctx: Context; input: { influencerId?: string | undefined } }): Promise<Balance[]> {
  let q = ctx.db
    .selectFrom('ledger_entries')
    .select([
      'influencer_id',
      'currency',
      sql<bigint>`coalesce(sum(amount) filter (where account = 'creator:pending'), 0)::int8`.as('pending'),
      sql<bigint>`coalesce(sum(amount) filter (where account = 'creator:payable'), 0)::int8`.as('payable'),
      sql<bigint>`coalesce(sum(amount) filter (where account = 'creator:paid'), 0)::int8`.as('paid'),
    ])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('influencer_id', 'is not', null)
    .groupBy(['influencer_id', 'currency'])
    .orderBy('influencer_id')
    .orderBy('currency');
  if (input.influencerId) q = q.where('influencer_id', '=', input.influencerId);
  const rows = await q.execute();
  return rows.map((r) => ({ influencerId: r.influencer_id!, currency: r.currency, pending: Number(r.pending), payable: Number(r.payable), paid: Number(r.paid) }));
}

/** Transactions whose legs do not sum to zero (must always be empty; checked by tests). */
export async function unbalancedTransactions(ctx: Context): Promise<string[]> {
  const r = await sql<{ txn_id: string }>`select txn_id from ledger_entries where workspace_id = ${ctx.workspaceId}
    group by txn_id, currency having sum(amount) <> 0`.execute(ctx.db);
  return r.rows.map((x) => x.txn_id);
}

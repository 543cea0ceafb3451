import { AppError } from '../shared/errors.ts';
import type { Db } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';

/** Creator accounts (per creator and currency) and the brand's side of every movement. */
export type Account = 'creator:pending' | 'creator:payable' | 'creator:paid' | 'brand:expense';

export type LedgerLeg = { account: Account; influencerId: string | null; currency: string; amount: bigint; commissionId?: string | null; payoutItemId?: string | null };

/**
 * Appends one balanced transaction to the ledger with the caller's transaction handle, so it
 * commits or rolls back with the change it records. Refuses (500-class bug) unbalanced legs.
 * @example await postLedger(trx, ws, 'approve com_1', [{ account: 'creator:pending', … amount: -900n }, { account: 'creator:payable', … amount: 900n }])
 */
export async function postLedger(db: Db, workspaceId: string, memo: string, legs: LedgerLeg[]): Promise<string> {
  const sums = new Map<string, bigint>();
  for (const l of legs) sums.set(l.currency, (sums.get(l.currency) ?? 0n) + l.amount);
  for (const [currency, sum] of sums) {
    if (sum !== 0n) throw new AppError('INTERNAL', `Unbalanced ledger transaction (${memo}): ${sum} ${currency}`);
  }
  const txnId = newId('ledgerTxn');
  const nonZero = legs.filter((l) => l.amount !== 0n);
  if (nonZero.length === 0) return txnId;
  await db
    .insertInto('ledger_entries')
    .values(
      nonZero.map((l) => ({
        workspace_id: workspaceId,
        txn_id: txnId,
        account: l.account,
        influencer_id: l.influencerId,
        currency: l.currency,
        amount: l.amount,
        commission_id: l.commissionId ?? null,
        payout_item_id: l.payoutItemId ?? null,
        memo,
      })),
    )
    .execute();
  return txnId;
}

/** Moves an amount between a creator account and another account (the common two-leg case). */
export function move(from: Account, to: Account, c: { influencerId: string; currency: string; amount: bigint; commissionId?: string; payoutItemId?: string }): LedgerLeg[] {
  const creatorOf = (a: Account) => (a.startsWith('creator:') ? c.influencerId : null);
  return [
    { account: from, influencerId: creatorOf(from), currency: c.currency, amount: -c.amount, commissionId: c.commissionId ?? null, payoutItemId: c.payoutItemId ?? null },
    { account: to, influencerId: creatorOf(to), currency: c.currency, amount: c.amount, commissionId: c.commissionId ?? null, payoutItemId: c.payoutItemId ?? null },
  ];
}

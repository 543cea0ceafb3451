import { move, postLedger } from '../ledger/post-ledger.ts';
import { audit } from '../shared/audit.ts';
import { emitEvent } from '../outgoing-webhooks/index.ts';
import { notifyCreatorsOfMoney } from '../notifications/index.ts';
import type { Context } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';

/**
 * Marks payout items paid or failed. Paid: the item's commissions become paid and the amount moves
 * from the creator's payable to paid account. Failed: the commissions go back to the payable pool
 * (the next batch picks them up again), nothing moves in the ledger. Items already settled are left.
 */
export async function settlePayoutItems({ ctx, input }: { ctx: Context; input: { batchId: string; itemIds?: string[]; outcome: 'paid' | 'failed'; reason?: string } }) {
  return ctx.db.transaction().execute(async (trx) => {
    const batch = await trx.selectFrom('payout_batches').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', input.batchId).forUpdate().executeTakeFirst();
    if (!batch) throw new AppError('NOT_FOUND', `Payout batch ${input.batchId} not found`);
    let q = trx.selectFrom('payout_items').selectAll().where('batch_id', '=', batch.id);
    if (input.itemIds) q = q.where('id', 'in', input.itemIds.length ? input.itemIds : ['']);
    const items = await q.forUpdate().execute();
    if (input.itemIds && items.length !== input.itemIds.length) {
      const found = new Set(items.map((i) => i.id));
      throw new AppError('NOT_FOUND', `Payout item ${input.itemIds.find((id) => !found.has(id))} is not in batch ${batch.id}`);
    }
    const now = new Date();
    let settled = 0;
    for (const item of items) {
      if (item.status !== 'pending') continue;
      settled++;
      if (input.outcome === 'paid') {
        await trx.updateTable('payout_items').set({ status: 'paid', paid_at: now }).where('id', '=', item.id).execute();
        await trx.updateTable('commissions').set({ status: 'paid', paid_at: now }).where('payout_item_id', '=', item.id).execute();
        await postLedger(trx, ctx.workspaceId, `payout ${item.id}`, move('creator:payable', 'creator:paid', { influencerId: item.influencer_id, currency: item.currency, amount: item.amount, payoutItemId: item.id }));
      } else {
        await trx.updateTable('payout_items').set({ status: 'failed', failure_reason: input.reason ?? 'failed' }).where('id', '=', item.id).execute();
        await trx.updateTable('commissions').set({ payout_item_id: null }).where('payout_item_id', '=', item.id).execute();
      }
    }
    const all = await trx.selectFrom('payout_items').select('status').where('batch_id', '=', batch.id).execute();
    const paid = all.filter((i) => i.status === 'paid').length;
    const failed = all.filter((i) => i.status === 'failed').length;
    const status = paid === all.length ? 'paid' : failed === all.length ? 'failed' : paid + failed === all.length ? 'partially_paid' : 'open';
    await trx.updateTable('payout_batches').set({ status }).where('id', '=', batch.id).execute();
    if (input.outcome === 'paid' && settled) {
      const paidNow = items.filter((i) => i.status === 'pending');
      await notifyCreatorsOfMoney({ ...ctx, db: trx }, 'paid', paidNow.map((i) => ({ influencerId: i.influencer_id, amount: i.amount, currency: i.currency })));
    }
    if (input.outcome === 'paid' && settled) await emitEvent({ ...ctx, db: trx }, { type: 'payout.paid', data: { batchId: batch.id, batchStatus: status, items: items.filter((i) => i.status === 'pending').map((i) => ({ id: i.id, influencerId: i.influencer_id, amount: i.amount, currency: i.currency, method: i.method, paidAt: now.toISOString() })) } });
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: `payout_items.${input.outcome}`, subjectId: batch.id, data: { settled, reason: input.reason ?? null } });
    return { settled, status };
  });
}


import { audit } from '../shared/audit.ts';
import { actorLabel, type Context } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { readSettings } from '../workspaces/index.ts';

export type PayoutBatchInput = { currency: string; idempotencyKey: string };

/**
 * Gathers every creator's payable balance in a currency — approved, not yet batched commissions,
 * clawbacks included (they are negative) — at or above the threshold (the workspace's, or the
 * creator's own if higher) into a batch. Idempotent by key; two concurrent batches never take the
 * same commission (rows are locked and re-checked; a taken row is skipped).
 */
export async function createPayoutBatch({ ctx, input }: { ctx: Context; input: PayoutBatchInput }) {
  const existing = await ctx.db.selectFrom('payout_batches').select('id').where('workspace_id', '=', ctx.workspaceId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
  if (existing) return { batchId: existing.id, created: false };
  const ws = await ctx.db.selectFrom('workspaces').select('settings').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
  const threshold = BigInt(readSettings(ws.settings).payoutThresholds[input.currency] ?? 0);
  return ctx.db.transaction().execute(async (trx) => {
    // Lock the candidates; a concurrent batch that took them first makes them disappear here.
    const rows = await trx
      .selectFrom('commissions')
      .select(['id', 'influencer_id', 'amount'])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('status', '=', 'approved')
      .where('currency', '=', input.currency)
      .where('payout_item_id', 'is', null)
      .orderBy('id')
      .forUpdate()
      .execute();
    const byCreator = new Map<string, { total: bigint; ids: string[] }>();
    for (const r of rows) {
      const e = byCreator.get(r.influencer_id) ?? { total: 0n, ids: [] };
      e.total += r.amount;
      e.ids.push(r.id);
      byCreator.set(r.influencer_id, e);
    }
    const minimums = await trx.selectFrom('payout_details').select(['influencer_id', 'minimum_payout']).where('workspace_id', '=', ctx.workspaceId).execute();
    const own = new Map(minimums.map((m) => [m.influencer_id, BigInt(m.minimum_payout[input.currency] ?? 0)]));
    const batchId = newId('payout');
    const items: { id: string; influencerId: string; amount: bigint; ids: string[] }[] = [];
    for (const [influencerId, e] of byCreator) {
      const min = own.get(influencerId) ?? 0n;
      if (e.total <= 0n || e.total < (min > threshold ? min : threshold)) continue;
      items.push({ id: newId('payoutItem'), influencerId, amount: e.total, ids: e.ids });
    }
    const total = items.reduce((s, i) => s + i.amount, 0n);
    const inserted = await trx
      .insertInto('payout_batches')
      .values({ id: batchId, workspace_id: ctx.workspaceId, currency: input.currency, idempotency_key: input.idempotencyKey, status: 'open', total, item_count: items.length, created_by: actorLabel(ctx.actor) })
      .onConflict((oc) => oc.columns(['workspace_id', 'idempotency_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const winner = await trx.selectFrom('payout_batches').select('id').where('workspace_id', '=', ctx.workspaceId).where('idempotency_key', '=', input.idempotencyKey).executeTakeFirst();
      if (!winner) throw new AppError('CONFLICT', 'A batch with this idempotency key is being created; retry');
      return { batchId: winner.id, created: false };
    }
    const details = await trx.selectFrom('payout_details').select(['influencer_id', 'method']).where('workspace_id', '=', ctx.workspaceId).execute();
    const methodOf = new Map(details.map((d) => [d.influencer_id, d.method]));
    for (const item of items) {
      await trx
        .insertInto('payout_items')
        .values({ id: item.id, workspace_id: ctx.workspaceId, batch_id: batchId, influencer_id: item.influencerId, currency: input.currency, amount: item.amount, status: 'pending', method: methodOf.get(item.influencerId) ?? null })
        .execute();
      await trx.updateTable('commissions').set({ payout_item_id: item.id }).where('id', 'in', item.ids).execute();
    }
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'payout_batch.created', subjectId: batchId, data: { currency: input.currency, items: items.length, total: total.toString() } });
    return { batchId, created: true };
  });
}

/** A batch with its items (creator names and payout details for the exports). */
export async function getPayoutBatch(ctx: Context, batchId: string) {
  const batch = await ctx.db.selectFrom('payout_batches').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', batchId).executeTakeFirst();
  if (!batch) throw new AppError('NOT_FOUND', `Payout batch ${batchId} not found`);
  const items = await ctx.db
    .selectFrom('payout_items as p')
    .innerJoin('influencers as i', 'i.id', 'p.influencer_id')
    .leftJoin('payout_details as d', (j) => j.onRef('d.influencer_id', '=', 'p.influencer_id').onRef('d.workspace_id', '=', 'p.workspace_id'))
    .select(['p.id', 'p.influencer_id', 'p.amount', 'p.currency', 'p.status', 'p.failure_reason', 'p.paid_at', 'i.name', 'd.method', 'd.paypal_email', 'd.iban', 'd.bic', 'd.account_holder'])
    .where('p.batch_id', '=', batch.id)
    .orderBy('p.id')
    .execute();
  return { batch, items };
}

export const sumOf = (xs: { amount: bigint }[]) => xs.reduce((s, x) => s + x.amount, 0n);

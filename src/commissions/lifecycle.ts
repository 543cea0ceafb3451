import { sql } from 'kysely';
import { move, postLedger } from '../ledger/post-ledger.ts';
import { audit } from '../shared/audit.ts';
import { emitEvent } from '../outgoing-webhooks/index.ts';
import { notifyCreatorsOfMoney } from '../notifications/index.ts';
import { toCommissionDto } from './to-commission-dto.ts';
import type { Context } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import type { CommissionRow } from './insert-commission.ts';
import { cancelCommission } from './reverse-commissions.ts';

/**
 * Approves pending commissions — the given ones (manual, single or bulk, even before the hold
 * ends) or every one whose payable-on date has come (`due`) — moving them from pending to payable.
 * @returns the commissions approved now
 */
export async function approveCommissions({ ctx, input }: { ctx: Context; input: { ids?: string[]; due?: { asOf: Date } } }): Promise<CommissionRow[]> {
  return ctx.db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('commissions').selectAll().where('workspace_id', '=', ctx.workspaceId).where('status', '=', 'pending');
    if (input.ids) {
      if (input.ids.length === 0) return [];
      q = q.where('id', 'in', input.ids);
    } else if (input.due) {
      q = q.where(sql<boolean>`payable_on <= ${input.due.asOf.toISOString().slice(0, 10)}::date`);
    }
    const rows = await q.orderBy('id').forUpdate().execute();
    if (input.ids) {
      const found = new Set(rows.map((r) => r.id));
      const missing = input.ids.filter((id) => !found.has(id));
      if (missing.length) {
        const any = await trx.selectFrom('commissions').select(['id', 'status']).where('workspace_id', '=', ctx.workspaceId).where('id', 'in', missing).execute();
        const known = new Map(any.map((r) => [r.id, r.status]));
        const first = missing[0]!;
        if (!known.has(first)) throw notFound('Commission', first);
        throw new AppError('PRECONDITION_FAILED', `Commission ${first} is ${known.get(first)}; only pending commissions can be approved`);
      }
    }
    const now = new Date();
    for (const r of rows) {
      await trx.updateTable('commissions').set({ status: 'approved', approved_at: now }).where('id', '=', r.id).execute();
      await postLedger(trx, ctx.workspaceId, `approve ${r.id}`, move('creator:pending', 'creator:payable', { influencerId: r.influencer_id, currency: r.currency, amount: r.amount, commissionId: r.id }));
    }
    if (rows.length) await notifyCreatorsOfMoney({ ...ctx, db: trx }, 'approved', rows.map((r) => ({ influencerId: r.influencer_id, amount: r.amount, currency: r.currency })));
    if (rows.length) await emitEvent({ ...ctx, db: trx }, { type: 'commission.approved', data: { commissions: rows.map((r) => toCommissionDto({ ...r, status: 'approved', approved_at: now })) } });
    if (rows.length) await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'commission.approved', data: { ids: rows.map((r) => r.id), due: Boolean(input.due) } });
    return rows.map((r) => ({ ...r, status: 'approved' as const, approved_at: now }));
  });
}

/** Rejects a pending commission with a reason (kept); its pending adjustments go with it. */
export async function rejectCommission({ ctx, input }: { ctx: Context; input: { id: string; reason: string } }): Promise<CommissionRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const r = await trx.selectFrom('commissions').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!r) throw notFound('Commission', input.id);
    if (r.status !== 'pending') throw new AppError('PRECONDITION_FAILED', `Commission ${r.id} is ${r.status}; only pending commissions can be rejected`);
    const tctx = { ...ctx, db: trx };
    const adjustments = await trx.selectFrom('commissions').selectAll().where('reversal_of', '=', r.id).where('status', '=', 'pending').execute();
    for (const a of adjustments) await cancelCommission(tctx, a, 'cancelled', `its commission ${r.id} was rejected`);
    await cancelCommission(tctx, r, 'rejected', input.reason);
    await audit(tctx, { workspaceId: ctx.workspaceId, action: 'commission.rejected', subjectId: r.id, data: { reason: input.reason } });
    return (await trx.selectFrom('commissions').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow());
  });
}

/** Approves every due commission of every workspace (the hold-period job). */
export async function approveDueEverywhere(ctx: Omit<Context, 'workspaceId'>, asOf = new Date()): Promise<number> {
  const ws = await sql<{ workspace_id: string }>`select distinct workspace_id from commissions where status = 'pending' and payable_on <= ${asOf.toISOString().slice(0, 10)}::date`.execute(ctx.db);
  let n = 0;
  for (const w of ws.rows) n += (await approveCommissions({ ctx: { ...ctx, workspaceId: w.workspace_id }, input: { due: { asOf } } })).length;
  return n;
}

import { accrueCommissions } from '../commissions/accrue-commissions.ts';
import { audit } from '../shared/audit.ts';
import { actorLabel, type Context } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { getConversionRow, type ConversionRow } from './conversion-row.ts';
import { ReviewInput } from './schemas.ts';

/**
 * Decides a conversion held in review: approve puts it back in the normal flow (commissions),
 * reject keeps it with the reason and pays nothing.
 */
export async function reviewConversion({ ctx, input }: { ctx: Context; input: { id: string; decision: unknown } }): Promise<ConversionRow> {
  const d = ReviewInput.parse(input.decision);
  const row = await getConversionRow(ctx, input.id);
  if (row.status !== 'review') throw new AppError('PRECONDITION_FAILED', `Conversion ${row.id} is ${row.status}, not in review`);
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('conversions')
      .set({ status: d.decision === 'approve' ? 'active' : 'rejected', updated_at: new Date() })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', row.id)
      .where('status', '=', 'review')
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new AppError('CONFLICT', `Conversion ${row.id} was reviewed by someone else just now`);
    await trx
      .insertInto('conversion_events')
      .values({ workspace_id: ctx.workspaceId, conversion_id: row.id, kind: d.decision === 'approve' ? 'approved' : 'rejected', external_id: null, amount: null, actor: actorLabel(ctx.actor), data: JSON.stringify({ note: d.note ?? null }) })
      .execute();
    if (d.decision === 'approve') await accrueCommissions({ ...ctx, db: trx }, updated);
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: `conversion.${d.decision}d`, subjectId: row.id, data: { note: d.note ?? null } });
    return updated;
  });
}

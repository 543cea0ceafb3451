import { reverseCommissionsForRefund } from '../commissions/reverse-commissions.ts';
import { audit } from '../shared/audit.ts';
import { actorLabel, type Context } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { toDecimalString } from '../shared/money.ts';
import type { ConversionRow } from './conversion-row.ts';
import { RefundInput } from './schemas.ts';

/**
 * Applies a partial or full refund (or chargeback) to a conversion, once per refund id: the
 * conversion keeps its history in conversion_events and its refunded total; commissions read it.
 * @returns the updated conversion and whether this refund id had been applied before
 */
export async function recordRefund({ ctx, input }: { ctx: Context; input: RefundInput & { orderId?: string; conversionId?: string } }): Promise<{ conversion: ConversionRow; duplicate: boolean }> {
  const { orderId: _orderId, conversionId: _conversionId, ...refund } = input;
  const r = RefundInput.parse(refund);
  return ctx.db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('conversions').selectAll().where('workspace_id', '=', ctx.workspaceId);
    q = input.conversionId ? q.where('id', '=', input.conversionId) : q.where('order_id', '=', input.orderId ?? '');
    const conv = await q.forUpdate().executeTakeFirst();
    if (!conv) {
      throw new AppError('NOT_FOUND', input.conversionId ? `Conversion ${input.conversionId} not found` : `No conversion with orderId ${input.orderId} (yet)`);
    }
    const kind = r.chargeback ? 'chargeback' : 'refund';
    const seen = await trx
      .selectFrom('conversion_events')
      .select('id')
      .where('conversion_id', '=', conv.id)
      .where('kind', '=', kind)
      .where('external_id', '=', r.refundId)
      .executeTakeFirst();
    if (seen) return { conversion: conv, duplicate: true };
    if (conv.type !== 'sale' || !conv.currency) throw new AppError('PRECONDITION_FAILED', `Conversion ${conv.id} is a lead; only sales can be refunded`);
    if (conv.currency !== r.currency) throw new AppError('VALIDATION', `currency: the sale is in ${conv.currency}, the refund in ${r.currency}`);
    const amount = BigInt(r.amount);
    const left = conv.amount - conv.refunded_amount;
    if (amount > left) {
      const fmt = (v: bigint) => `${toDecimalString({ amount: v, currency: conv.currency! })} ${conv.currency}`;
      throw new AppError('VALIDATION', `amount: refunding ${fmt(amount)} exceeds what is left of the sale (${fmt(left)} of ${fmt(conv.amount)})`);
    }
    await trx
      .insertInto('conversion_events')
      .values({ workspace_id: ctx.workspaceId, conversion_id: conv.id, kind, external_id: r.refundId, amount, actor: actorLabel(ctx.actor), data: JSON.stringify({ reason: r.reason ?? null }) })
      .execute();
    const updated = await trx
      .updateTable('conversions')
      .set({ refunded_amount: conv.refunded_amount + amount, chargeback: conv.chargeback || r.chargeback, updated_at: new Date() })
      .where('id', '=', conv.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await reverseCommissionsForRefund({ ...ctx, db: trx }, { conversion: updated, refund: amount, previouslyRefunded: conv.refunded_amount, refundId: r.refundId, chargeback: r.chargeback });
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: `conversion.${kind}`, subjectId: conv.id, data: { refundId: r.refundId, amount: r.amount } });
    return { conversion: updated, duplicate: false };
  });
}

import type { Selectable } from 'kysely';
import { insertCommission } from '../commissions/insert-commission.ts';
import type { DeliverablesTable, GiftShipmentsTable } from '../db/schema-partnerships.ts';
import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { hasPrefix, newId } from '../shared/ids.ts';
import { toDecimalString } from '../shared/money.ts';
import { getPartnershipRow } from './partnership-verbs.ts';
import { CreateDeliverableInput, CreateGiftInput, UpdateDeliverableInput, UpdateGiftInput } from './schemas.ts';

export type DeliverableRow = Selectable<DeliverablesTable>;
export type GiftRow = Selectable<GiftShipmentsTable>;

const ORDER = ['due', 'submitted', 'approved', 'live'] as const;

/** A deliverable's shown status: "overdue" when its due date passed before it went live. */
export function deliverableStatus(d: DeliverableRow, now = new Date()): string {
  return d.status !== 'live' && d.due_at < now ? 'overdue' : d.status;
}

export async function addDeliverable({ ctx, input }: { ctx: Context; input: { partnershipId: string; deliverable: unknown } }): Promise<DeliverableRow> {
  const d = CreateDeliverableInput.parse(input.deliverable);
  const p = await getPartnershipRow(ctx, input.partnershipId);
  return ctx.db
    .insertInto('deliverables')
    .values({ id: newId('deliverable'), workspace_id: ctx.workspaceId, partnership_id: p.id, type: d.type, due_at: new Date(d.dueAt), status: 'due', fee_amount: d.fee ? BigInt(d.fee.amount) : null, fee_currency: d.fee?.currency ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Moves a deliverable forward (due → submitted → approved → live) and records its post URL. When it
 * goes live, its flat fee is released to commissions (pending, payable at once: approve or let the
 * scheduler approve it), exactly once.
 */
export async function updateDeliverable({ ctx, input }: { ctx: Context; input: { id: string; patch: unknown } }): Promise<DeliverableRow> {
  const patch = UpdateDeliverableInput.parse(input.patch);
  if (!hasPrefix(input.id, 'deliverable')) throw notFound('Deliverable', input.id);
  return ctx.db.transaction().execute(async (trx) => {
    const d = await trx.selectFrom('deliverables').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', input.id).forUpdate().executeTakeFirst();
    if (!d) throw notFound('Deliverable', input.id);
    if (patch.status && ORDER.indexOf(patch.status) < ORDER.indexOf(d.status)) {
      throw new AppError('PRECONDITION_FAILED', `Deliverable ${d.id} is ${d.status}; it cannot go back to ${patch.status}`);
    }
    const goesLive = patch.status === 'live' && d.status !== 'live';
    if (goesLive && !(patch.postUrl ?? d.post_url)) throw new AppError('VALIDATION', 'postUrl: a live deliverable needs the URL of its post');
    let feeCommission = d.fee_commission_id;
    if (goesLive && d.fee_amount !== null && d.fee_currency && !feeCommission) {
      const p = await trx.selectFrom('partnerships').select(['influencer_id', 'campaign_id']).where('id', '=', d.partnership_id).executeTakeFirstOrThrow();
      const money = `${toDecimalString({ amount: d.fee_amount, currency: d.fee_currency })} ${d.fee_currency}`;
      const c = await insertCommission({ ...ctx, db: trx }, {
        influencerId: p.influencer_id,
        kind: 'flat_fee',
        amount: d.fee_amount,
        currency: d.fee_currency,
        rule: 'flat fee per deliverable',
        explanation: `flat fee ${money} for the ${d.type} (${d.id}) that went live`,
        inputs: { deliverableId: d.id, type: d.type, postUrl: patch.postUrl ?? d.post_url },
      }, { campaignId: p.campaign_id, conversionId: null, status: 'pending', payableOn: new Date(), plan: null, dedupeKey: `flat_fee:${d.id}` });
      feeCommission = c.id;
    }
    const row = await trx
      .updateTable('deliverables')
      .set({
        ...(patch.status ? { status: patch.status } : {}),
        ...(patch.postUrl ? { post_url: patch.postUrl } : {}),
        ...(goesLive ? { live_at: new Date(), fee_commission_id: feeCommission } : {}),
      })
      .where('id', '=', d.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'deliverable.updated', subjectId: d.id, data: patch });
    return row;
  });
}

export async function addGift({ ctx, input }: { ctx: Context; input: { partnershipId: string; gift: unknown } }): Promise<GiftRow> {
  const g = CreateGiftInput.parse(input.gift);
  const p = await getPartnershipRow(ctx, input.partnershipId);
  return ctx.db
    .insertInto('gift_shipments')
    .values({ id: newId('gift'), workspace_id: ctx.workspaceId, partnership_id: p.id, product: g.product, value: BigInt(g.value), currency: g.currency, status: 'to_ship' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateGift({ ctx, input }: { ctx: Context; input: { id: string; patch: unknown } }): Promise<GiftRow> {
  const { status } = UpdateGiftInput.parse(input.patch);
  if (!hasPrefix(input.id, 'gift')) throw notFound('Gift', input.id);
  const now = new Date();
  const row = await ctx.db
    .updateTable('gift_shipments')
    .set({ status, ...(status === 'shipped' ? { shipped_at: now } : {}), ...(status === 'delivered' ? { delivered_at: now } : {}) })
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', input.id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('Gift', input.id);
  return row;
}

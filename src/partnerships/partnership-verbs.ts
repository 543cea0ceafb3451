import type { Selectable } from 'kysely';
import { getCampaignForLinks } from '../campaigns/index.ts';
import { parseWorkspacePlan } from '../commissions/index.ts';
import type { PartnershipsTable } from '../db/schema-partnerships.ts';
import { getInfluencer } from '../influencers/index.ts';
import { audit } from '../shared/audit.ts';
import { actorLabel, type Context } from '../shared/context.ts';
import { isUniqueViolation } from '../shared/db-errors.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { hasPrefix, newId } from '../shared/ids.ts';
import { CreatePartnershipInput, ListPartnershipsInput, MoveInput, Terms } from './schemas.ts';
import { sql } from 'kysely';
import type { z } from 'zod';

export type PartnershipRow = Selectable<PartnershipsTable>;

export async function getPartnershipRow(ctx: Context, id: string): Promise<PartnershipRow> {
  if (!hasPrefix(id, 'partnership')) throw notFound('Partnership', id);
  const row = await ctx.db.selectFrom('partnerships').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Partnership', id);
  return row;
}

const monthStart = (from: Date, k: number) => new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + k, 1));

/** Monthly deliverables of a long-term deal, due at the end of each month from `from`. */
async function scheduleMonths(ctx: Context, p: PartnershipRow, terms: z.infer<typeof Terms>, fromMonth: Date, months: number): Promise<void> {
  const lt = terms.longTerm;
  if (!lt) return;
  for (let k = 0; k < months; k++) {
    const due = new Date(monthStart(fromMonth, k + 1).getTime() - 1000);
    for (const spec of lt.perMonth) {
      for (let n = 0; n < spec.count; n++) {
        await ctx.db
          .insertInto('deliverables')
          .values({ id: newId('deliverable'), workspace_id: ctx.workspaceId, partnership_id: p.id, type: spec.type, due_at: due, status: 'due', fee_amount: lt.feePerDeliverable ? BigInt(lt.feePerDeliverable.amount) : null, fee_currency: lt.feePerDeliverable?.currency ?? null })
          .execute();
      }
    }
  }
}

/** The campaign's deliverables template becomes this partnership's deliverables when it turns active. */
async function applyTemplate(ctx: Context, p: PartnershipRow): Promise<void> {
  const existing = await ctx.db.selectFrom('deliverables').select('id').where('partnership_id', '=', p.id).limit(1).executeTakeFirst();
  if (existing) return;
  const c = await ctx.db.selectFrom('campaigns').select('deliverables_template').where('id', '=', p.campaign_id).executeTakeFirstOrThrow();
  const template = (c.deliverables_template ?? []) as { type: string; count: number; dueInDays: number }[];
  const fee = (p.terms as { flatFee?: { amount: number; currency: string } }).flatFee;
  for (const t of template) {
    for (let n = 0; n < t.count; n++) {
      await ctx.db
        .insertInto('deliverables')
        .values({ id: newId('deliverable'), workspace_id: ctx.workspaceId, partnership_id: p.id, type: t.type, due_at: new Date(Date.now() + t.dueInDays * 86400_000), status: 'due', fee_amount: null, fee_currency: fee?.currency ?? null })
        .execute();
    }
  }
}

/**
 * Adds a creator to a campaign's pipeline with the deal's terms. A commission plan in the terms
 * becomes the creator's plan for this campaign; a long-term deal schedules its monthly deliverables.
 */
export async function createPartnership({ ctx, input }: { ctx: Context; input: unknown }): Promise<PartnershipRow> {
  const d = CreatePartnershipInput.parse(input);
  const campaign = await getCampaignForLinks({ ctx, id: d.campaignId });
  const influencer = await getInfluencer({ ctx, input: { id: d.influencerId } });
  const plan = d.terms.commissionPlan !== undefined ? await parseWorkspacePlan(ctx, d.terms.commissionPlan, 'terms.commissionPlan') : null;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const tctx = { ...ctx, db: trx };
      const row = await trx
        .insertInto('partnerships')
        .values({ id: newId('partnership'), workspace_id: ctx.workspaceId, campaign_id: campaign.id, influencer_id: influencer.id, stage: d.stage, terms: JSON.stringify({ ...d.terms, ...(plan ? { commissionPlan: plan } : {}) }) })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx.insertInto('partnership_events').values({ workspace_id: ctx.workspaceId, partnership_id: row.id, from_stage: null, to_stage: d.stage, actor: actorLabel(ctx.actor), note: d.note ?? null }).execute();
      if (plan) {
        await trx
          .insertInto('commission_plan_overrides')
          .values({ workspace_id: ctx.workspaceId, campaign_id: campaign.id, influencer_id: influencer.id, plan: JSON.stringify(plan) })
          .onConflict((oc) => oc.columns(['campaign_id', 'influencer_id']).doUpdateSet({ plan: JSON.stringify(plan) }))
          .execute();
      }
      await scheduleMonths(tctx, row, d.terms, new Date(d.terms.startsAt ?? Date.now()), d.terms.longTerm?.months ?? 0);
      if (row.stage === 'active') await applyTemplate(tctx, row);
      await audit(tctx, { workspaceId: ctx.workspaceId, action: 'partnership.created', subjectId: row.id, data: { stage: d.stage } });
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `${influencer.name} is already in this campaign's pipeline`);
    throw err;
  }
}

/** Moves a partnership to another stage (a board drag), recording who, when and why. */
export async function movePartnership({ ctx, input }: { ctx: Context; input: { id: string; move: unknown } }): Promise<PartnershipRow> {
  const m = MoveInput.parse(input.move);
  const p = await getPartnershipRow(ctx, input.id);
  if (p.stage === m.stage) throw new AppError('PRECONDITION_FAILED', `Partnership ${p.id} is already ${m.stage}`);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.updateTable('partnerships').set({ stage: m.stage, updated_at: new Date() }).where('id', '=', p.id).where('workspace_id', '=', ctx.workspaceId).returningAll().executeTakeFirstOrThrow();
    await trx.insertInto('partnership_events').values({ workspace_id: ctx.workspaceId, partnership_id: p.id, from_stage: p.stage, to_stage: m.stage, actor: actorLabel(ctx.actor), note: m.note ?? null }).execute();
    if (m.stage === 'active') await applyTemplate({ ...ctx, db: trx }, row);
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'partnership.moved', subjectId: p.id, data: { from: p.stage, to: m.stage } });
    return row;
  });
}

/** Renews a long-term partnership for more months, scheduling their deliverables after the last one. */
export async function renewPartnership({ ctx, input }: { ctx: Context; input: { id: string; months: number } }): Promise<PartnershipRow> {
  const p = await getPartnershipRow(ctx, input.id);
  const terms = Terms.parse(p.terms);
  if (!terms.longTerm) throw new AppError('PRECONDITION_FAILED', `Partnership ${p.id} is not a long-term partnership`);
  if (!Number.isInteger(input.months) || input.months < 1 || input.months > 6) throw new AppError('VALIDATION', 'months: renew for 1 to 6 months');
  return ctx.db.transaction().execute(async (trx) => {
    const last = await trx.selectFrom('deliverables').select((eb) => eb.fn.max('due_at').as('due')).where('partnership_id', '=', p.id).executeTakeFirst();
    const from = last?.due ? new Date(new Date(last.due as unknown as string).getTime() + 2000) : new Date();
    const newTerms = { ...terms, longTerm: { ...terms.longTerm!, months: terms.longTerm!.months + input.months } };
    const row = await trx.updateTable('partnerships').set({ terms: JSON.stringify(newTerms), stage: 'active', updated_at: new Date() }).where('id', '=', p.id).returningAll().executeTakeFirstOrThrow();
    await scheduleMonths({ ...ctx, db: trx }, row, terms, from, input.months);
    await trx.insertInto('partnership_events').values({ workspace_id: ctx.workspaceId, partnership_id: p.id, from_stage: p.stage, to_stage: 'active', actor: actorLabel(ctx.actor), note: `renewed for ${input.months} months` }).execute();
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'partnership.renewed', subjectId: p.id, data: { months: input.months } });
    return row;
  });
}

/** Pipeline listing; `flag` finds gifted-but-not-posted partnerships (after `days`) or overdue deliverables. */
export async function listPartnerships({ ctx, input }: { ctx: Context; input: unknown }): Promise<PartnershipRow[]> {
  const q = ListPartnershipsInput.parse(input);
  let query = ctx.db.selectFrom('partnerships').selectAll().where('workspace_id', '=', ctx.workspaceId);
  if (q.campaignId) query = query.where('campaign_id', '=', q.campaignId);
  if (q.stage) query = query.where('stage', '=', q.stage);
  if (q.flag === 'gifted_not_posted') {
    const before = new Date(Date.now() - q.days * 86400_000).toISOString();
    query = query.where(sql<boolean>`exists (select 1 from gift_shipments g where g.partnership_id = partnerships.id and g.status = 'delivered' and g.delivered_at <= ${before}::timestamptz)
      and not exists (select 1 from deliverables d where d.partnership_id = partnerships.id and d.status = 'live')`);
  } else if (q.flag === 'overdue') {
    query = query.where(sql<boolean>`exists (select 1 from deliverables d where d.partnership_id = partnerships.id and d.status <> 'live' and d.due_at < ${new Date().toISOString()}::timestamptz)`);
  }
  return query.orderBy('updated_at', 'desc').limit(500).execute();
}

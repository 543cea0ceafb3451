import type { Selectable } from 'kysely';
import { getCampaignForLinks } from '../campaigns/index.ts';
import type { CouponsTable } from '../db/schema-conversions.ts';
import { getInfluencer } from '../influencers/index.ts';
import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { isUniqueViolation } from '../shared/db-errors.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { hasPrefix, newId } from '../shared/ids.ts';
import { CreateCouponInput, ListCouponsInput, UpdateCouponInput, type CouponDto } from './schemas.ts';

export function toCouponDto(r: Selectable<CouponsTable>): CouponDto {
  return {
    id: r.id,
    code: r.code,
    influencerId: r.influencer_id,
    campaignId: r.campaign_id,
    singleUse: r.single_use,
    used: r.used_by_conversion_id !== null,
    active: r.active,
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * Gives a creator a coupon code (codes are unique per workspace, case-insensitively).
 * @example await createCoupon({ ctx, input: { influencerId: 'inf_…', code: 'MAYA10' } })
 */
export async function createCoupon({ ctx, input }: { ctx: Context; input: CreateCouponInput }): Promise<CouponDto> {
  const data = CreateCouponInput.parse(input);
  const influencer = await getInfluencer({ ctx, input: { id: data.influencerId } });
  const campaign = data.campaignId ? await getCampaignForLinks({ ctx, id: data.campaignId }) : null;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('coupons')
        .values({ id: newId('coupon'), workspace_id: ctx.workspaceId, influencer_id: influencer.id, campaign_id: campaign?.id ?? null, code: data.code, single_use: data.singleUse })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'coupon.created', subjectId: row.id, data: { code: row.code } });
      return toCouponDto(row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `Coupon code ${data.code} already exists in this workspace`);
    throw err;
  }
}

/** Coupons of the workspace, optionally of one creator. */
export async function listCoupons({ ctx, input }: { ctx: Context; input: { influencerId?: string | undefined; limit?: number | undefined } }): Promise<CouponDto[]> {
  const q = ListCouponsInput.parse(input);
  let query = ctx.db.selectFrom('coupons').selectAll().where('workspace_id', '=', ctx.workspaceId);
  if (q.influencerId) query = query.where('influencer_id', '=', q.influencerId);
  return (await query.orderBy('created_at', 'desc').limit(q.limit).execute()).map(toCouponDto);
}

/** Activates or deactivates a coupon (a deactivated code attributes nothing). */
export async function updateCoupon({ ctx, input }: { ctx: Context; input: { id: string; patch: { active: boolean } } }): Promise<CouponDto> {
  const patch = UpdateCouponInput.parse(input.patch);
  if (!hasPrefix(input.id, 'coupon')) throw notFound('Coupon', input.id);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('coupons')
      .set({ active: patch.active })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', input.id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('Coupon', input.id);
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'coupon.updated', subjectId: row.id, data: patch });
    return toCouponDto(row);
  });
}

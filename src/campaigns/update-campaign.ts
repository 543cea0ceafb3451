import { parseWorkspacePlan } from '../commissions/plan-for.ts';
import { notifyCache } from '../db/cache-notify.ts';
import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { isUniqueViolation } from '../shared/db-errors.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { hasPrefix } from '../shared/ids.ts';
import { assertCampaignTargets } from './check-campaign-targets.ts';
import { UpdateCampaignInput, type CampaignDto } from './schemas.ts';
import { toCampaignDto } from './to-campaign-dto.ts';

/**
 * Changes the given fields only. The destination and dates are re-checked against the merged
 * values, so narrowing allowedDomains past the destination (or moving endsAt before startsAt) fails.
 * @example await updateCampaign({ ctx, input: { id: 'cmp_...', patch: { utmEnabled: false } } })
 */
export async function updateCampaign({ ctx, input }: { ctx: Context; input: { id: string; patch: UpdateCampaignInput } }): Promise<CampaignDto> {
  const patch = UpdateCampaignInput.parse(input.patch);
  if (!hasPrefix(input.id, 'campaign')) throw notFound('Campaign', input.id);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('campaigns')
        .selectAll()
        .where('workspace_id', '=', ctx.workspaceId)
        .where('id', '=', input.id)
        .forUpdate()
        .executeTakeFirst();
      if (!current) throw notFound('Campaign', input.id);
      const startsAt = patch.startsAt === undefined ? current.starts_at : toDate(patch.startsAt);
      const endsAt = patch.endsAt === undefined ? current.ends_at : toDate(patch.endsAt);
      const destinationUrl = patch.destinationUrl ?? current.destination_url;
      const allowedDomains = patch.allowedDomains ?? current.allowed_domains;
      assertCampaignTargets({ destinationUrl, allowedDomains, startsAt, endsAt });
      const row = await trx
        .updateTable('campaigns')
        .set({
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
          ...(patch.destinationUrl !== undefined ? { destination_url: patch.destinationUrl } : {}),
          ...(patch.allowedDomains !== undefined ? { allowed_domains: patch.allowedDomains } : {}),
          ...(patch.utmEnabled !== undefined ? { utm_enabled: patch.utmEnabled } : {}),
          ...(patch.startsAt !== undefined ? { starts_at: startsAt } : {}),
          ...(patch.endsAt !== undefined ? { ends_at: endsAt } : {}),
          ...(patch.status !== undefined ? { status: patch.status } : {}),
          ...(patch.goal !== undefined ? { goal: patch.goal } : {}),
          ...(patch.brief !== undefined ? { brief: JSON.stringify(patch.brief) } : {}),
          ...(patch.budget !== undefined ? { budget_amount: patch.budget?.amount ?? null, budget_currency: patch.budget?.currency ?? null } : {}),
          ...(patch.guidelines !== undefined ? { guidelines: patch.guidelines } : {}),
          ...(patch.deliverablesTemplate !== undefined ? { deliverables_template: JSON.stringify(patch.deliverablesTemplate) } : {}),
          ...(patch.commissionPlan !== undefined ? { commission_plan: patch.commissionPlan === null ? null : JSON.stringify(await parseWorkspacePlan({ ...ctx, db: trx }, patch.commissionPlan)) } : {}),
          updated_at: new Date(),
        })
        .where('workspace_id', '=', ctx.workspaceId)
        .where('id', '=', input.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'campaign.updated', subjectId: row.id, data: { changes: patch } });
      // Cached redirects embed slug, allowed domains and the UTM switch: narrowing the domains must bite at once.
      await notifyCache(trx, { campaignId: row.id });
      return toCampaignDto(row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `A campaign with slug "${patch.slug ?? ''}" already exists in this workspace; choose another slug`);
    throw err;
  }
}

const toDate = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

import { parseWorkspacePlan } from '../commissions/plan-for.ts';
import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { isUniqueViolation } from '../shared/db-errors.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { assertCampaignTargets, defaultAllowedDomains } from './check-campaign-targets.ts';
import { CreateCampaignInput, type CampaignDto } from './schemas.ts';
import { firstFreeSlug, slugFromName } from './slug-from-name.ts';
import { toCampaignDto } from './to-campaign-dto.ts';

/**
 * Creates a campaign. A given slug must be free in the workspace (else CONFLICT); a slug derived
 * from the name gets a numeric suffix instead, since the caller never chose it.
 * @example await createCampaign({ ctx, input: { name: 'Summer', destinationUrl: 'https://shop.example.com/summer' } })
 */
export async function createCampaign({ ctx, input }: { ctx: Context; input: CreateCampaignInput }): Promise<CampaignDto> {
  const v = CreateCampaignInput.parse(input);
  const allowedDomains = v.allowedDomains ?? defaultAllowedDomains(v.destinationUrl);
  const startsAt = v.startsAt ? new Date(v.startsAt) : null;
  const endsAt = v.endsAt ? new Date(v.endsAt) : null;
  assertCampaignTargets({ destinationUrl: v.destinationUrl, allowedDomains, startsAt, endsAt });
  let slug = v.slug ?? slugFromName(v.name);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if (v.slug === undefined) {
        const rows = await trx
          .selectFrom('campaigns')
          .select('slug')
          .where('workspace_id', '=', ctx.workspaceId)
          .where((eb) => eb.or([eb('slug', '=', slug), eb('slug', 'like', `${slug}-%`)]))
          .execute();
        slug = firstFreeSlug(slug, new Set(rows.map((r) => r.slug)));
      }
      const row = await trx
        .insertInto('campaigns')
        .values({
          id: newId('campaign'),
          workspace_id: ctx.workspaceId,
          name: v.name,
          slug,
          destination_url: v.destinationUrl,
          allowed_domains: allowedDomains,
          utm_enabled: v.utmEnabled,
          starts_at: startsAt,
          ends_at: endsAt,
          status: v.status,
          commission_plan: v.commissionPlan === undefined ? null : JSON.stringify(await parseWorkspacePlan({ ...ctx, db: trx }, v.commissionPlan)),
          goal: v.goal ?? null,
          brief: JSON.stringify(v.brief ?? {}),
          budget_amount: v.budget?.amount ?? null,
          budget_currency: v.budget?.currency ?? null,
          guidelines: v.guidelines ?? null,
          deliverables_template: JSON.stringify(v.deliverablesTemplate ?? []),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'campaign.created', subjectId: row.id, data: { slug, destinationUrl: v.destinationUrl } });
      return toCampaignDto(row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `A campaign with slug "${slug}" already exists in this workspace; choose another slug`);
    throw err;
  }
}

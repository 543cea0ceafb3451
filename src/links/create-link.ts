import { getCampaignForLinks } from '../campaigns/index.ts';
import { notifyCache } from '../db/cache-notify.ts';
import { getInfluencer } from '../influencers/index.ts';
import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { isUniqueViolation } from '../shared/db-errors.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { checkLinkDestination } from './check-link-destination.ts';
import { generateLinkCode } from './generate-ids.ts';
import { linkRows, type LinkRow } from './link-query.ts';
import { CreateLinkInput } from './schemas.ts';

const CODE_ATTEMPTS = 5;

/**
 * Creates a tracking link for a creator in a campaign. The destination defaults to the campaign's
 * and must be http(s) on one of its allowed domains (any page there: deep links).
 * @example await createLink({ ctx, input: { influencerId: 'inf_…', campaignId: 'cmp_…', label: 'story 1' } })
 */
export async function createLink({ ctx, input }: { ctx: Context; input: CreateLinkInput }): Promise<LinkRow> {
  const data = CreateLinkInput.parse(input);
  const influencer = await getInfluencer({ ctx, input: { id: data.influencerId } });
  const campaign = await getCampaignForLinks({ ctx, id: data.campaignId });
  if (campaign.status === 'archived') throw new AppError('PRECONDITION_FAILED', `Campaign ${campaign.id} is archived; set its status back to active to add links`);
  if (influencer.status === 'archived') throw new AppError('PRECONDITION_FAILED', `Influencer ${influencer.id} is archived`);
  const destination = checkLinkDestination(data.destinationUrl ?? campaign.destination_url, campaign.allowed_domains);
  for (let attempt = 1; ; attempt++) {
    const code = generateLinkCode(attempt <= 3 ? 7 : 9);
    try {
      return await ctx.db.transaction().execute(async (trx) => {
        const id = newId('link');
        await trx
          .insertInto('links')
          .values({
            id,
            workspace_id: ctx.workspaceId,
            influencer_id: influencer.id,
            campaign_id: campaign.id,
            code,
            label: data.label ?? null,
            destination_url: destination,
            utm: JSON.stringify(data.utm ?? {}),
          })
          .execute();
        await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'link.created', subjectId: id, data: { code } });
        await notifyCache(trx, { code }); // a code looked up before it existed may be cached as missing
        return linkRows(trx).where('l.id', '=', id).executeTakeFirstOrThrow();
      });
    } catch (err) {
      if (isUniqueViolation(err) && attempt < CODE_ATTEMPTS) continue;
      throw err;
    }
  }
}

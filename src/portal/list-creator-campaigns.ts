import type { CreatorContext } from './creator-context.ts';

export type CreatorCampaignDto = { id: string; name: string; destinationUrl: string; allowedDomains: string[]; status: string; partnershipStage: string | null };

/**
 * The campaigns a creator works in: those with a partnership (not declined) or one of their
 * links. These are the only campaigns the portal lets them make links in.
 */
export async function listCreatorCampaigns({ ctx }: { ctx: CreatorContext }): Promise<CreatorCampaignDto[]> {
  const rows = await ctx.db
    .selectFrom('campaigns as c')
    .leftJoin('partnerships as p', (j) =>
      j.onRef('p.campaign_id', '=', 'c.id').on('p.workspace_id', '=', ctx.workspaceId).on('p.influencer_id', '=', ctx.influencerId).on('p.stage', '<>', 'declined'),
    )
    .select(['c.id', 'c.name', 'c.destination_url', 'c.allowed_domains', 'c.status', 'c.created_at', 'p.stage'])
    .where('c.workspace_id', '=', ctx.workspaceId)
    .where((eb) =>
      eb.or([
        eb('p.id', 'is not', null),
        eb.exists(
          eb
            .selectFrom('links as l')
            .select('l.id')
            .where('l.workspace_id', '=', ctx.workspaceId)
            .where('l.influencer_id', '=', ctx.influencerId)
            .whereRef('l.campaign_id', '=', 'c.id'),
        ),
      ]),
    )
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, destinationUrl: r.destination_url, allowedDomains: r.allowed_domains, status: r.status, partnershipStage: r.stage }));
}

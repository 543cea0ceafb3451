import { createLink, toLinkDto } from '../links/index.ts';
import { AppError, notFound } from '../shared/errors.ts';
import type { CreatorContext } from './creator-context.ts';
import { listCreatorCampaigns } from './list-creator-campaigns.ts';
import { CreateCreatorLinkInput } from './schemas.ts';
import { toCreatorLinks, type CreatorLinkDto } from './to-creator-links.ts';

/**
 * A creator makes their own tracking link (e.g. a deep link to one product) in a campaign they
 * work in. The destination passes the same allowed-domains check as a brand's link (createLink).
 * Without campaignId, the creator's only campaign is used.
 */
export async function createCreatorLink({ ctx, input }: { ctx: CreatorContext; input: { body: CreateCreatorLinkInput; baseUrl: string } }): Promise<CreatorLinkDto> {
  const body = CreateCreatorLinkInput.parse(input.body);
  const campaigns = (await listCreatorCampaigns({ ctx })).filter((c) => c.status !== 'archived');
  let campaignId = body.campaignId;
  if (campaignId === undefined) {
    if (campaigns.length === 0) throw new AppError('PRECONDITION_FAILED', 'You are not in any campaign yet, so there is nothing to link to; the brand adds you to one');
    if (campaigns.length > 1) {
      throw new AppError('VALIDATION', `campaignId: you work in several campaigns; choose one of ${campaigns.map((c) => `${c.id} (${c.name})`).join(', ')}`);
    }
    campaignId = campaigns[0]!.id;
  } else if (!campaigns.some((c) => c.id === campaignId)) {
    throw notFound('Campaign', campaignId);
  }
  const row = await createLink({
    ctx,
    input: { influencerId: ctx.influencerId, campaignId, ...(body.destinationUrl ? { destinationUrl: body.destinationUrl } : {}), ...(body.label ? { label: body.label } : {}) },
  });
  const [link] = await toCreatorLinks(ctx, [toLinkDto(row, input.baseUrl)]);
  return link!;
}

import type { LinkRow } from './link-query.ts';
import { redirectTemplate, trackedDestination } from './link-query.ts';
import type { LinkDto } from './schemas.ts';

/** `baseUrl` is where /r/ is served (ADVOCATE_PUBLIC_URL, or the request's own origin). */
export function toLinkDto(row: LinkRow, baseUrl: string): LinkDto {
  const t = redirectTemplate(row);
  return {
    id: row.id,
    code: row.code,
    shortUrl: `${baseUrl}/r/${row.code}`,
    destinationUrl: row.destination_url,
    trackingUrl: t.ok ? trackedDestination(t) : null,
    label: row.label,
    utm: row.utm,
    influencerId: row.influencer_id,
    campaignId: row.campaign_id,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

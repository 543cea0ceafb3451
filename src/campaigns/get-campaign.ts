import type { Selectable } from 'kysely';
import type { CampaignsTable } from '../db/schema.ts';
import type { Context } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { hasPrefix } from '../shared/ids.ts';
import type { CampaignDto } from './schemas.ts';
import { toCampaignDto } from './to-campaign-dto.ts';

/**
 * One campaign of the caller's workspace; another workspace's id is answered like a missing one.
 * @example await getCampaign({ ctx, input: { id: 'cmp_...' } })
 */
export async function getCampaign({ ctx, input }: { ctx: Context; input: { id: string } }): Promise<CampaignDto> {
  if (!hasPrefix(input.id, 'campaign')) throw notFound('Campaign', input.id);
  const row = await ctx.db.selectFrom('campaigns').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound('Campaign', input.id);
  return toCampaignDto(row);
}

/** What the links domain needs to build and guard a redirect: the raw columns, no DTO. */
export type CampaignForLinks = Pick<Selectable<CampaignsTable>, 'id' | 'slug' | 'destination_url' | 'allowed_domains' | 'utm_enabled' | 'status'>;

/**
 * The campaign's redirect settings, for the links domain (pass a transaction as `ctx.db` to read
 * inside one). Throws NOT_FOUND for a missing id or another workspace's.
 * @example const c = await getCampaignForLinks({ ctx, id: 'cmp_...' }); isAllowedDestination(url, c.allowed_domains)
 */
export async function getCampaignForLinks({ ctx, id }: { ctx: Context; id: string }): Promise<CampaignForLinks> {
  if (!hasPrefix(id, 'campaign')) throw notFound('Campaign', id);
  const row = await ctx.db
    .selectFrom('campaigns')
    .select(['id', 'slug', 'destination_url', 'allowed_domains', 'utm_enabled', 'status'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Campaign', id);
  return row;
}

import type { Context } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { hasPrefix } from '../shared/ids.ts';
import type { InfluencerDto } from './schemas.ts';
import { toInfluencerDto } from './to-influencer-dto.ts';

/**
 * One influencer of the caller's workspace; another workspace's id is answered like a missing one.
 * @example await getInfluencer({ ctx, input: { id: 'inf_...' } })
 */
export async function getInfluencer({ ctx, input }: { ctx: Context; input: { id: string } }): Promise<InfluencerDto> {
  if (!hasPrefix(input.id, 'influencer')) throw notFound('Influencer', input.id);
  const row = await ctx.db
    .selectFrom('influencers')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!row) throw notFound('Influencer', input.id);
  return toInfluencerDto(row);
}

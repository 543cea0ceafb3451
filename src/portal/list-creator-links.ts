import { listLinks, toLinkDto } from '../links/index.ts';
import type { CreatorContext } from './creator-context.ts';
import { toCreatorLinks, type CreatorLinkDto } from './to-creator-links.ts';

/** The creator's own links, newest first (keyset pages), with human and unique clicks per link. */
export async function listCreatorLinks({ ctx, input }: { ctx: CreatorContext; input: { limit: number; cursor?: string | undefined; baseUrl: string } }): Promise<{ data: CreatorLinkDto[]; nextCursor: string | null }> {
  const { rows, nextCursor } = await listLinks({ ctx, input: { influencerId: ctx.influencerId, limit: input.limit, cursor: input.cursor } });
  return { data: await toCreatorLinks(ctx, rows.map((r) => toLinkDto(r, input.baseUrl))), nextCursor };
}

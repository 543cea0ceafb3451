import { getLink } from '../links/index.ts';
import { notFound } from '../shared/errors.ts';
import type { CreatorContext } from './creator-context.ts';

/** One of the creator's own links; another creator's link answers like a missing one. */
export async function getCreatorLink({ ctx, input }: { ctx: CreatorContext; input: { id: string } }): Promise<Awaited<ReturnType<typeof getLink>>> {
  const link = await getLink({ ctx, input });
  if (link.influencer_id !== ctx.influencerId) throw notFound('Link', input.id);
  return link;
}

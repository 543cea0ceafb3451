import type { Context } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { hasPrefix } from '../shared/ids.ts';
import { linkRows, type LinkRow } from './link-query.ts';

/** One link of the caller's workspace; another workspace's id answers like a missing one. */
export async function getLink({ ctx, input }: { ctx: Context; input: { id: string } }): Promise<LinkRow> {
  if (!hasPrefix(input.id, 'link')) throw notFound('Link', input.id);
  const row = await linkRows(ctx.db).where('l.workspace_id', '=', ctx.workspaceId).where('l.id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound('Link', input.id);
  return row;
}

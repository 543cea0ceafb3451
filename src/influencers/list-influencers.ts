import { sql } from 'kysely';
import type { Context } from '../shared/context.ts';
import { cursorAtColumn, containsPattern, decodeCursor, encodeCursor } from '../shared/page-cursor.ts';
import { ListInfluencersInput, type InfluencerPage } from './schemas.ts';
import { toInfluencerDto } from './to-influencer-dto.ts';

/**
 * A page of the workspace's influencers, newest first, optionally filtered by status and by a
 * case-insensitive substring of the name.
 * @example const { data, nextCursor } = await listInfluencers({ ctx, input: { limit: 20, q: 'ada' } })
 */
export async function listInfluencers({ ctx, input }: { ctx: Context; input: ListInfluencersInput }): Promise<InfluencerPage> {
  const { limit, cursor, status, q } = ListInfluencersInput.parse(input);
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  let query = ctx.db
    .selectFrom('influencers')
    .selectAll()
    // created_at as text keeps its microseconds, which a JS Date would drop and so skip rows.
    .select(cursorAtColumn().as('cursor_at'))
    .where('workspace_id', '=', ctx.workspaceId);
  if (status) query = query.where('status', '=', status);
  if (q) query = query.where('name', 'ilike', containsPattern(q));
  if (after) query = query.where(sql<boolean>`(created_at, id) < (${after.at}::timestamptz, ${after.id})`);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(toInfluencerDto),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null,
  };
}

import { sql } from 'kysely';
import type { Context } from '../shared/context.ts';
import { cursorAtColumn, containsPattern, decodeCursor, encodeCursor } from '../shared/page-cursor.ts';
import { ListCampaignsInput, type CampaignPage } from './schemas.ts';
import { toCampaignDto } from './to-campaign-dto.ts';

/**
 * A page of the workspace's campaigns, newest first, optionally filtered by status and by a
 * case-insensitive substring of the name or slug.
 * @example const { data, nextCursor } = await listCampaigns({ ctx, input: { status: 'active', q: 'summer' } })
 */
export async function listCampaigns({ ctx, input }: { ctx: Context; input: ListCampaignsInput }): Promise<CampaignPage> {
  const { limit, cursor, status, q } = ListCampaignsInput.parse(input);
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  let query = ctx.db
    .selectFrom('campaigns')
    .selectAll()
    // created_at as text keeps its microseconds, which a JS Date would drop and so skip rows.
    .select(cursorAtColumn().as('cursor_at'))
    .where('workspace_id', '=', ctx.workspaceId);
  if (status) query = query.where('status', '=', status);
  if (q) query = query.where((eb) => eb.or([eb('name', 'ilike', containsPattern(q)), eb('slug', 'ilike', containsPattern(q))]));
  if (after) query = query.where(sql<boolean>`(created_at, id) < (${after.at}::timestamptz, ${after.id})`);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(toCampaignDto),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null,
  };
}

import type { Context } from '../shared/context.ts';
import { cursorAtColumn, decodeCursor, encodeCursor } from '../shared/page-cursor.ts';
import { sql } from 'kysely';
import { linkRows, type LinkRow } from './link-query.ts';
import { ListLinksInput } from './schemas.ts';

/** The workspace's links, newest first, filtered by creator, campaign or state; keyset pages. */
export async function listLinks({ ctx, input }: { ctx: Context; input: ListLinksInput }): Promise<{ rows: LinkRow[]; nextCursor: string | null }> {
  const q = ListLinksInput.parse(input);
  let query = linkRows(ctx.db).select(cursorAtColumn('l.created_at').as('cursor_at')).where('l.workspace_id', '=', ctx.workspaceId);
  if (q.influencerId) query = query.where('l.influencer_id', '=', q.influencerId);
  if (q.campaignId) query = query.where('l.campaign_id', '=', q.campaignId);
  if (q.disabled !== undefined) query = query.where('l.disabled_at', q.disabled ? 'is not' : 'is', null);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    query = query.where(sql<boolean>`(l.created_at, l.id) < (${c.at}::timestamptz, ${c.id})`);
  }
  const rows = await query.orderBy('l.created_at', 'desc').orderBy('l.id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null };
}

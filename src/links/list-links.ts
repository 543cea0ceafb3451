import type { Context } from '../shared/context.ts';
import { decodeCursor, encodeCursor } from '../shared/page-cursor.ts';
import { sql } from 'kysely';
import { linkRows, type LinkRow } from './link-query.ts';
import { ListLinksInput } from './schemas.ts';

/** The workspace's links, newest first, filtered by creator, campaign or state; keyset pages. */
export async function listLinks({ ctx, input }: { ctx: Context; input: ListLinksInput }): Promise<{ rows: LinkRow[]; nextCursor: string | null }> {
  const q = ListLinksInput.parse(input);
  let query = linkRows(ctx.db).where('l.workspace_id', '=', ctx.workspaceId);
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
  const at = last ? await microsOf(ctx, last.id) : null;
  return { rows: page, nextCursor: rows.length > q.limit && last && at ? encodeCursor({ at, id: last.id }) : null };
}

// Date objects carry milliseconds only; the cursor needs the stored microseconds to be exact.
async function microsOf(ctx: Context, id: string): Promise<string | null> {
  const r = await sql<{ at: string }>`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at from links where id = ${id}`.execute(ctx.db);
  return r.rows[0]?.at ?? null;
}

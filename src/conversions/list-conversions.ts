import { sql } from 'kysely';
import type { Context } from '../shared/context.ts';
import { decodeCursor, encodeCursor } from '../shared/page-cursor.ts';
import type { ConversionRow } from './conversion-row.ts';
import { ListConversionsInput } from './schemas.ts';

/** Conversions newest first, by status (e.g. the review queue), creator or type; keyset pages. */
export async function listConversions({ ctx, input }: { ctx: Context; input: unknown }): Promise<{ rows: ConversionRow[]; nextCursor: string | null }> {
  const q = ListConversionsInput.parse(input);
  let query = ctx.db.selectFrom('conversions').selectAll().where('workspace_id', '=', ctx.workspaceId);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.influencerId) query = query.where('influencer_id', '=', q.influencerId);
  if (q.type) query = query.where('type', '=', q.type);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    query = query.where(sql<boolean>`(occurred_at, id) < (${c.at}::timestamptz, ${c.id})`);
  }
  const rows = await query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  // occurred_at comes from ISO input with at most millisecond precision, so the Date is exact.
  return { rows: page, nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.occurred_at.toISOString().replace('Z', '000Z'), id: last.id }) : null };
}

import type { Selectable } from 'kysely';
import type { ConversionsTable } from '../db/schema-conversions.ts';
import type { Context } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { hasPrefix } from '../shared/ids.ts';

export type ConversionRow = Selectable<ConversionsTable>;

export async function findConversionByOrder(ctx: Context, orderId: string): Promise<ConversionRow | undefined> {
  return ctx.db.selectFrom('conversions').selectAll().where('workspace_id', '=', ctx.workspaceId).where('order_id', '=', orderId).executeTakeFirst();
}

/** One conversion of the caller's workspace; another workspace's id answers like a missing one. */
export async function getConversionRow(ctx: Context, id: string): Promise<ConversionRow> {
  if (!hasPrefix(id, 'conversion')) throw notFound('Conversion', id);
  const row = await ctx.db.selectFrom('conversions').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Conversion', id);
  return row;
}

import type { Selectable } from 'kysely';
import type { NotificationsTable } from '../db/schema-jobs.ts';
import type { Context } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { hasPrefix } from '../shared/ids.ts';

const toNotificationDto = (r: Selectable<NotificationsTable>) => ({
  id: r.id,
  recipient: r.recipient,
  subject: r.subject,
  // Placeholders stand for values sent only by email (notify's `secrets`, e.g. one-time links).
  text: r.body.replace(/\{\{\w+\}\}/g, '[sent by email]'),
  emailStatus: r.email_status,
  read: r.read_at !== null,
  readAt: r.read_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});

/** The workspace's notices, newest first; `unread` keeps only those not read yet. */
export async function listNotifications({ ctx, input }: { ctx: Context; input: { unread?: boolean | undefined; limit: number } }) {
  let q = ctx.db.selectFrom('notifications').selectAll().where('workspace_id', '=', ctx.workspaceId);
  if (input.unread !== undefined) q = q.where('read_at', input.unread ? 'is' : 'is not', null);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(input.limit).execute();
  return rows.map(toNotificationDto);
}

/** Marks one notice read (again is harmless); `id: 'all'` marks every unread notice read. */
export async function markNotificationsRead({ ctx, input }: { ctx: Context; input: { id: string | 'all' } }) {
  let q = ctx.db.updateTable('notifications').set({ read_at: new Date() }).where('workspace_id', '=', ctx.workspaceId).where('read_at', 'is', null);
  if (input.id !== 'all') {
    if (!hasPrefix(input.id, 'notification')) throw notFound('Notification', input.id);
    const exists = await ctx.db.selectFrom('notifications').select('id').where('workspace_id', '=', ctx.workspaceId).where('id', '=', input.id).executeTakeFirst();
    if (!exists) throw notFound('Notification', input.id);
    q = q.where('id', '=', input.id);
  }
  const result = await q.executeTakeFirst();
  return { updated: Number(result.numUpdatedRows) };
}

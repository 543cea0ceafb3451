import { getInstanceSecret } from '../db/instance-secret.ts';
import { enqueueJob } from '../jobs/index.ts';
import { encryptSecret } from '../shared/encryption.ts';
import type { Context } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import { EMAIL_JOB, NotifyInput } from './schemas.ts';

/**
 * Keeps an in-app notice and queues its email. Call it with the transaction of the change that
 * causes it: the notice and the email exist only if the change commits.
 * @example await notify({ ...ctx, db: trx }, { to: 'workspace', subject: 'Deliverable overdue', text: '…' })
 * @returns the notice id
 */
export async function notify(ctx: Context, input: NotifyInput): Promise<{ id: string }> {
  const v = NotifyInput.parse(input);
  const id = newId('notification');
  await ctx.db
    .insertInto('notifications')
    .values({ id, workspace_id: ctx.workspaceId, recipient: v.to === 'workspace' ? 'workspace' : v.to.email.toLowerCase(), subject: v.subject, body: v.text, email_status: 'queued' })
    .execute();
  const secrets = v.secrets ? encryptSecret(JSON.stringify(v.secrets), await getInstanceSecret(ctx.db)) : undefined;
  const payload = { notificationId: id, workspaceId: ctx.workspaceId, ...(v.html ? { html: v.html } : {}), ...(secrets ? { secrets } : {}) };
  await enqueueJob(ctx.db, { kind: EMAIL_JOB, payload, workspaceId: ctx.workspaceId, maxAttempts: 8 });
  return { id };
}

import nodemailer, { type Transporter } from 'nodemailer';
import type { z } from 'zod';
import type { JobHandlerContext } from '../jobs/index.ts';
import type { EmailStatus } from '../db/schema-jobs.ts';
import { getInstanceSecret } from '../db/instance-secret.ts';
import { decryptSecret } from '../shared/encryption.ts';
import type { EmailJob } from './schemas.ts';

export type Mailer = { from: string; transport: Transporter | null };

/** One SMTP transport per app (pooled connections); none when SMTP_URL is unset. */
export function createMailer(config: { smtpUrl: string | undefined; mailFrom: string }): Mailer {
  return { from: config.mailFrom, transport: config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null };
}

/**
 * The email job: sends a notice to its recipients — the workspace's members, or one address.
 * Without SMTP the email is only logged (the notice stays in-app). A failed send is retried.
 */
export function sendEmailJob(mailer: Mailer) {
  return async (payload: z.output<typeof EmailJob>, { db, log, job }: JobHandlerContext): Promise<void> => {
    const n = await db.selectFrom('notifications').selectAll().where('workspace_id', '=', payload.workspaceId).where('id', '=', payload.notificationId).executeTakeFirst();
    if (!n) return;
    const setStatus = (status: EmailStatus) =>
      db.updateTable('notifications').set({ email_status: status }).where('workspace_id', '=', payload.workspaceId).where('id', '=', n.id).execute();
    const to =
      n.recipient === 'workspace'
        ? (
            await db
              .selectFrom('memberships')
              .innerJoin('users', 'users.id', 'memberships.user_id')
              .select('users.email')
              .where('memberships.workspace_id', '=', payload.workspaceId)
              .where('users.disabled_at', 'is', null)
              .orderBy('users.email')
              .execute()
          ).map((u) => u.email)
        : [n.recipient];
    if (!mailer.transport || to.length === 0) {
      log.info({ notificationId: n.id, to, subject: n.subject, reason: mailer.transport ? 'no recipients' : 'SMTP_URL is not set' }, 'email not sent: logged only');
      await setStatus('logged');
      return;
    }
    const secrets = payload.secrets ? (JSON.parse(decryptSecret(payload.secrets, await getInstanceSecret(db))) as Record<string, string>) : {};
    const fill = (t: string) => t.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => secrets[name] ?? whole);
    try {
      await mailer.transport.sendMail({ from: mailer.from, to, subject: n.subject, text: fill(n.body), ...(payload.html ? { html: fill(payload.html) } : {}) });
    } catch (err) {
      if (job.attempt >= job.maxAttempts) await setStatus('failed');
      throw err;
    }
    await setStatus('sent');
  };
}

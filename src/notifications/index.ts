import type { JobRunner } from '../jobs/index.ts';
import { EMAIL_JOB, EmailJob } from './schemas.ts';
import { createMailer, sendEmailJob } from './send-email.ts';

export { notify } from './notify.ts';
export { notifyCreatorsOfMoney } from './notify-creators.ts';
export { notificationRoutes } from './routes.ts';
export type { NotifyInput } from './schemas.ts';

/** Registers the email job with the app's runner; returns a function closing the SMTP pool. */
export function registerNotificationJobs(runner: JobRunner, config: { smtpUrl: string | undefined; mailFrom: string }): () => void {
  const mailer = createMailer(config);
  runner.register(EMAIL_JOB, EmailJob, sendEmailJob(mailer));
  return () => mailer.transport?.close();
}

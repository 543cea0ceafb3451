import { z } from 'zod';

export const ListNotificationsQuery = z.strictObject({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const IdParams = z.strictObject({ id: z.string().min(1).max(100) });

export const EMAIL_JOB = 'email.send';
/** `secrets`: the values for `{{name}}` placeholders, encrypted (secret box), filled in only when sending. */
export const EmailJob = z.strictObject({ notificationId: z.string(), workspaceId: z.string(), html: z.string().optional(), secrets: z.string().optional() });

export type NotifyInput = {
  /** Everyone in the workspace (its members' emails), or one address (e.g. a creator). */
  to: 'workspace' | { email: string };
  subject: string;
  text: string;
  html?: string;
  /**
   * Values for `{{name}}` placeholders in text and html that must not be stored readable (e.g. a
   * one-time link): kept encrypted in the job and filled in only in the email; the notice keeps the placeholder.
   */
  secrets?: Record<string, string>;
};
const Notify = z.strictObject({
  to: z.union([z.literal('workspace'), z.strictObject({ email: z.email() })]),
  subject: z.string().trim().min(1).max(300),
  text: z.string().min(1).max(50_000),
  html: z.string().max(200_000).optional(),
  secrets: z.record(z.string().regex(/^\w+$/), z.string().max(4000)).optional(),
});
export const NotifyInput = Notify;

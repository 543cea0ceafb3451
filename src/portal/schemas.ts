import { z } from 'zod';

const Email = z.string().trim().toLowerCase().pipe(z.email({ message: 'email must be a valid address' })).pipe(z.string().max(254));

export const InviteCreatorInput = z.strictObject({ email: Email.optional() });
export type InviteCreatorInput = z.infer<typeof InviteCreatorInput>;

export const AcceptInvitationInput = z.strictObject({
  token: z.string().trim().min(1, 'token is required').max(200),
  password: z.string().min(10, 'password must be at least 10 characters').max(200),
});
export type AcceptInvitationInput = z.infer<typeof AcceptInvitationInput>;

export const CreatorLoginInput = z.strictObject({
  workspace: z.string().trim().min(1).max(100).optional(),
  email: Email,
  password: z.string().min(1, 'password is required').max(200),
});
export type CreatorLoginInput = z.infer<typeof CreatorLoginInput>;

export const CreateCreatorLinkInput = z.strictObject({
  destinationUrl: z.string().trim().min(1).max(2048, 'destinationUrl is at most 2048 characters').optional(),
  campaignId: z.string().min(1).max(100).optional(),
  label: z.string().trim().min(1, 'label must not be empty').max(120, 'label is at most 120 characters').optional(),
});
export type CreateCreatorLinkInput = z.infer<typeof CreateCreatorLinkInput>;

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

const Day = z.iso.date({ message: 'must be a date like 2026-01-31' });

/** Whole UTC days, both ends included; at most 366 days (default: the last 30, today included). */
export const StatsQuery = z
  .strictObject({ from: Day.optional(), to: Day.optional() })
  .transform((q, ctx) => {
    const today = new Date().toISOString().slice(0, 10);
    const to = q.to ?? today;
    const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86400_000).toISOString().slice(0, 10);
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400_000 + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must not be after to' });
    if (days > 366) ctx.addIssue({ code: 'custom', path: ['to'], message: 'stats span at most 366 days' });
    return { from, to };
  });
export type StatsQuery = z.output<typeof StatsQuery>;

export const StatementQuery = z.strictObject({
  format: z.enum(['html', 'csv'], { message: 'format must be "html" or "csv"' }).default('html'),
  from: Day.optional(),
  to: Day.optional(),
});

export const IdParams = z.strictObject({ id: z.string().min(1).max(100) });

/** Who is logged in to the portal, as the UI shows it. */
export type CreatorDto = { influencerId: string; name: string; email: string; workspaceName: string; workspaceSlug: string };

export type MoneyDto = { currency: string; amount: number };

import { z } from 'zod';

export const GROUP_BY = ['day', 'hour', 'influencer', 'campaign', 'link', 'country', 'source', 'device'] as const;

const When = z.union([z.iso.date(), z.iso.datetime({ offset: true })], { message: 'must be a date (2026-01-31) or an ISO date-time' });

export const ClickReportQuery = z.strictObject({
    groupBy: z.enum(GROUP_BY, { message: `groupBy must be one of ${GROUP_BY.join(', ')}` }).default('day'),
    from: When.optional(),
    to: When.optional(),
    influencerId: z.string().max(100).optional(),
    campaignId: z.string().max(100).optional(),
    linkId: z.string().max(100).optional(),
});

export const ClickReportInput = ClickReportQuery.transform((q, ctx) => {
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86400_000);
    if (from >= to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must be before to' });
    if (to.getTime() - from.getTime() > 5 * 366 * 86400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: 'a report spans at most 5 years' });
    return { ...q, from, to };
});
export type ClickReportInput = z.input<typeof ClickReportInput>;

export type ClickReportRow = {
  key: string;
  label: string | null;
  clicks: number;
  humanClicks: number;
  uniqueClicks: number;
  botClicks: number;
};

export const ClickExportInput = z.strictObject({ from: When, to: When });

import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { AppError } from '../shared/errors.ts';
import { contentPerformance } from './content-performance.ts';
import { creatorRetention, customerValueLeaderboard, roi } from './roi.ts';

const Format = z.enum(['json', 'csv']).default('json');

/** Tables answer JSON, or CSV with `format=csv` (every table exports). */
function send(reply: { type(t: string): { header(k: string, v: string): { send(b: string): unknown } } }, name: string, rows: Record<string, unknown>[], format: 'json' | 'csv', extra: Record<string, unknown> = {}) {
  if (format === 'csv') {
    const columns = rows.length ? Object.keys(rows[0]!) : ['empty'];
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}.csv"`).send(stringify(rows.map((r) => columns.map((c) => (typeof r[c] === 'object' && r[c] !== null ? JSON.stringify(r[c]) : r[c]))), { header: true, columns }));
  }
  return { ...extra, data: rows };
}

export function analyticsRoutes(app: App, { database }: RouteDeps): void {
  const tags = ['analytics'];
  app.get(
    '/api/v1/analytics/roi',
    { schema: { tags, summary: 'Revenue vs cost (commissions, fees, gifts): ROAS, CPA, new vs returning customers', querystring: z.strictObject({ from: z.iso.date(), to: z.iso.date(), groupBy: z.enum(['influencer', 'campaign', 'overall', 'month']).default('overall'), emvPerEngagement: z.coerce.number().int().min(0).max(100000).default(10), format: Format }) } },
    async (request, reply) => {
      const from = new Date(request.query.from);
      const to = new Date(request.query.to);
      if (!(from < to)) throw new AppError('VALIDATION', 'querystring.from: from must be before to');
      const rows = await roi({ ctx: contextOf(request, database), input: { from, to, groupBy: request.query.groupBy, emvPerEngagement: request.query.emvPerEngagement } });
      return send(reply as never, `roi-${request.query.groupBy}`, rows, request.query.format, { formula: 'ROAS = net attributed revenue / (commissions incl. fees, bonuses, clawbacks + gifted product value); CPA = cost / sales; cost per engagement = cost / (likes + comments + shares + saves of partnered posts); CPM = cost / views × 1000; EMV = engagements × emvPerEngagement (minor units, default 10)' });
    },
  );
  app.get('/api/v1/analytics/customer-value', { schema: { tags, summary: 'Creators who bring the most valuable customers (lifetime value)', querystring: z.strictObject({ format: Format }) } }, async (request, reply) =>
    send(reply as never, 'customer-value', await customerValueLeaderboard({ ctx: contextOf(request, database) }), request.query.format),
  );
  app.get('/api/v1/analytics/retention', { schema: { tags, summary: 'Share of partnerships still active after 3 and 6 months', querystring: z.strictObject({ format: Format }) } }, async (request, reply) =>
    send(reply as never, 'retention', await creatorRetention({ ctx: contextOf(request, database), input: { now: new Date() } }), request.query.format),
  );
  app.get('/api/v1/analytics/content', { schema: { tags, summary: 'Engagement of partnered posts by format, CTA, face, gifted vs paid, with 95% intervals', querystring: z.strictObject({ campaignId: z.string().max(100).optional(), format: Format }) } }, async (request, reply) => {
    const result = await contentPerformance({ ctx: contextOf(request, database), input: { campaignId: request.query.campaignId } });
    if (request.query.format === 'csv') {
      const rows = Object.entries({ format: result.byFormat, cta: result.byCta, face: result.byFace, compensation: result.byCompensation, nicheFit: result.byNicheFit }).flatMap(([dimension, groups]) =>
        Object.entries(groups).map(([group, s]) => ({ dimension, group, n: s.n, mean: s.mean, median: s.median, ciLow: s.ci95?.[0] ?? null, ciHigh: s.ci95?.[1] ?? null })),
      );
      return send(reply as never, 'content-performance', rows, 'csv');
    }
    return result;
  });
}

import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { AppError } from '../shared/errors.ts';
import { clickReport } from './click-report.ts';
import { exportClicks } from './export-clicks.ts';
import { ClickExportInput, ClickReportQuery } from './schemas.ts';
import { overview, OverviewQuery } from './overview.ts';

export function reportRoutes(app: App, { database }: RouteDeps): void {
  app.get(
    '/api/v1/reports/clicks',
    {
      schema: {
        tags: ['reports'],
        summary: 'Clicks grouped by day, hour, influencer, campaign, link, country, source or device (from rollups)',
        querystring: ClickReportQuery,
      },
    },
    async (request) => clickReport({ ctx: contextOf(request, database), input: request.query }),
  );
  app.get(
    '/api/v1/reports/overview',
    {
      schema: {
        tags: ['reports'],
        summary: 'Clicks (human, bot), leads, sales, attributed revenue and commissions per UTC day, with the previous period',
        querystring: OverviewQuery,
      },
    },
    async (request) => overview({ ctx: contextOf(request, database), input: request.query }),
  );
  app.get(
    '/api/v1/clicks/export.csv',
    { schema: { tags: ['reports'], summary: 'Raw clicks of a time range as CSV (streamed)', querystring: ClickExportInput } },
    async (request, reply) => {
      const from = new Date(request.query.from);
      const to = new Date(request.query.to);
      if (!(from < to)) throw new AppError('VALIDATION', 'querystring.from: from must be before to');
      const name = `clicks-${request.query.from.slice(0, 10)}-${request.query.to.slice(0, 10)}.csv`;
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`);
      return reply.send(exportClicks({ ctx: contextOf(request, database), input: { from, to } }));
    },
  );
}

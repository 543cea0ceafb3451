import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { BarChart, LineChart } from '../../components/charts.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { Card, EmptyState, ErrorBanner, Field, Loading, Stat } from '../../components/ui.tsx';
import { withQuery } from '../../lib/api.ts';
import { formatDate, formatMoney, formatNumber, formatPercent, localDay } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { IntervalChart, type Summary } from './interval-chart.tsx';
import type { ClickReport, ClickRow } from './types.ts';

type RoiRow = { key: string; currency: string; revenue: number; sales: number; leads: number; newCustomers: number; returningCustomers: number; commissions: number; gifts: number; cost: number; roas: number | null; cpa: number | null };
type Content = { posts: number; formula: string; byFormat: Record<string, Summary>; byCta: Record<string, Summary>; byFace: Record<string, Summary>; byCompensation: Record<string, Summary>; byNicheFit: Record<string, Summary>; reference: { byFormat: Record<string, number>; notes: string[] } };

const PERIODS = [30, 90, 365];

export function CampaignPerformance({ campaignId }: { campaignId: string }) {
  const [days, setDays] = useState(30);
  const range = useMemo(() => {
    const now = new Date();
    return { from: localDay(new Date(now.getTime() - (days - 1) * 86400_000)), to: localDay(new Date(now.getTime() + 86400_000)) };
  }, [days]);
  const byCreator = useApi<ClickReport>('/api/v1/reports/clicks', { campaignId, groupBy: 'influencer', ...range });
  const byDay = useApi<ClickReport>('/api/v1/reports/clicks', { campaignId, groupBy: 'day', ...range });
  // The ROI report has no campaign filter: grouped by campaign, this campaign's rows are picked out.
  const roi = useApi<{ data: RoiRow[]; formula: string }>('/api/v1/analytics/roi', { groupBy: 'campaign', ...range });
  const content = useApi<Content>('/api/v1/analytics/content', { campaignId });
  const mine = (roi.data?.data ?? []).filter((r) => r.key === campaignId);
  const creators = byCreator.data?.rows ?? [];
  const daysRows = byDay.data?.rows ?? [];

  return (
    <>
      <div className="filters">
        <Field label="Period">
          {(id) => (
            <select id={id} value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {PERIODS.map((p) => (
                <option key={p} value={p}>
                  Last {p} days
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorBanner error={roi.error} onRetry={roi.reload} />
      {roi.loading && !roi.data ? <Loading /> : null}
      {roi.data ? (
        mine.length ? (
          mine.map((r) => (
            <div className="stats" key={r.currency} aria-label={`Return on investment in ${r.currency}`} role="group">
              <Stat label={`Revenue (${r.currency})`} value={formatMoney(r.revenue, r.currency)} hint="net of tax, shipping and refunds" />
              <Stat label="Cost" value={formatMoney(r.cost, r.currency)} hint={`${formatMoney(r.commissions, r.currency)} commissions + ${formatMoney(r.gifts, r.currency)} gifts`} />
              <Stat label="ROAS" value={r.roas === null ? '—' : `${formatNumber(r.roas, { maximumFractionDigits: 2 })}×`} hint={r.roas === null ? 'no cost yet' : `ROI ${formatPercent(r.roas - 1, 0)}`} />
              <Stat label="Cost per sale" value={r.cpa === null ? '—' : formatMoney(r.cpa, r.currency)} />
              <Stat label="Sales" value={formatNumber(r.sales)} hint={`${formatNumber(r.leads)} leads`} />
              <Stat label="New customers" value={formatNumber(r.newCustomers)} hint={`${formatNumber(r.returningCustomers)} returning`} />
            </div>
          ))
        ) : (
          <p className="muted">No attributed sales or costs in this period.</p>
        )
      ) : null}
      <div className="grid cols-2">
        <Card title="Clicks per day">
          <ErrorBanner error={byDay.error} onRetry={byDay.reload} />
          {daysRows.length ? (
            <LineChart
              title="Clicks per day"
              labels={daysRows.map((r) => formatDate(r.key).replace(/,? \d{4}$/, ''))}
              series={[
                { name: 'Human clicks', values: daysRows.map((r) => r.humanClicks) },
                { name: 'Bots and previews', values: daysRows.map((r) => r.botClicks), color: '#9ca3af', dashed: true },
              ]}
            />
          ) : byDay.loading ? (
            <Loading />
          ) : (
            <p className="muted">No clicks in this period.</p>
          )}
        </Card>
        <Card title="Human clicks by creator">
          <ErrorBanner error={byCreator.error} onRetry={byCreator.reload} />
          {creators.length ? (
            <BarChart title="Human clicks by creator" items={creators.map((r) => ({ label: r.label ?? r.key, value: r.humanClicks, hint: `${r.uniqueClicks} unique` }))} />
          ) : byCreator.loading ? (
            <Loading />
          ) : (
            <p className="muted">No clicks in this period. Create tracking links for the creators in this campaign.</p>
          )}
        </Card>
      </div>
      {creators.length ? (
        <Card title="Clicks per creator">
          <DataTable<ClickRow>
            caption="Clicks per creator"
            rows={creators}
            rowKey={(r) => r.key}
            initialSort={{ key: 'humanClicks', dir: 'desc' }}
            columns={[
              { key: 'label', header: 'Creator', value: (r) => r.label ?? r.key, render: (r) => <Link href={`/discover/${r.key}`}>{r.label ?? r.key}</Link> },
              { key: 'humanClicks', header: 'Human clicks', align: 'right', render: (r) => formatNumber(r.humanClicks) },
              { key: 'uniqueClicks', header: 'Unique', align: 'right', render: (r) => formatNumber(r.uniqueClicks) },
              { key: 'botClicks', header: 'Bots filtered', align: 'right', render: (r) => `${formatNumber(r.botClicks)} (${formatPercent(r.botClicks / Math.max(1, r.clicks))})` },
              { key: 'clicks', header: 'All clicks', align: 'right', render: (r) => formatNumber(r.clicks) },
            ]}
          />
        </Card>
      ) : null}
      <ContentCard content={content.data} error={content.error} loading={content.loading} reload={content.reload} csv={withQuery('/api/v1/analytics/content', { campaignId, format: 'csv' })} />
    </>
  );
}

function ContentCard({ content, error, loading, reload, csv }: { content: Content | undefined; error: unknown; loading: boolean; reload: () => void; csv: string }) {
  return (
    <Card title="Content performance" actions={content?.posts ? <a href={csv} className="button secondary small">Download CSV</a> : undefined}>
      <ErrorBanner error={error} onRetry={reload} />
      {loading && !content ? <Loading /> : null}
      {content && content.posts === 0 ? (
        <EmptyState title="No partnered posts yet">
          When creators' sponsored or gifted posts are imported, or a deliverable goes live with its post URL, their engagement by format shows here with 95% intervals.
        </EmptyState>
      ) : null}
      {content && content.posts > 0 ? (
        <>
          <p className="muted small">
            {formatNumber(content.posts)} partnered posts. {content.formula}. The band is the 95% interval: a wide band means too few posts to be sure. Dashed line: published benchmark.
          </p>
          <h3>By format</h3>
          <IntervalChart title="Engagement by format with 95% intervals" groups={content.byFormat} reference={content.reference.byFormat} />
          <div className="grid cols-2">
            <div>
              <h3>Call to action</h3>
              <IntervalChart title="Engagement with and without a call to action" groups={content.byCta} />
            </div>
            <div>
              <h3>Face shown</h3>
              <IntervalChart title="Engagement with and without a face" groups={content.byFace} />
            </div>
            <div>
              <h3>Gifted vs paid</h3>
              <IntervalChart title="Engagement of gifted and paid posts" groups={content.byCompensation} />
            </div>
            <div>
              <h3>Niche fit</h3>
              <IntervalChart title="Engagement of niche-aligned creators" groups={content.byNicheFit} />
            </div>
          </div>
          <p className="muted small">Published reference: {content.reference.notes.join('; ')}.</p>
        </>
      ) : null}
    </Card>
  );
}

import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { BarChart, LineChart } from '../../components/charts.tsx';
import { Card, EmptyState, ErrorBanner, Field, Loading, PageHeader, Stat } from '../../components/ui.tsx';
import { formatDate, formatMoney, formatNumber, formatPercent, localDay, minorDigits } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { useLiveTotals } from '../../lib/use-live.ts';

type Counts = { humanClicks: number; botClicks: number; uniqueClicks: number; sales: number; leads: number };
type Overview = {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  days: ({ day: string } & Counts)[];
  totals: Counts;
  previous: Counts;
  money: { currency: string; days: { day: string; revenue: number; commissions: number }[]; revenue: number; commissions: number; previousRevenue: number; previousCommissions: number; roas: number | null }[];
  topCreators: { influencerId: string; name: string | null; humanClicks: number; sales: number }[];
};
type Campaign = { id: string; name: string };

const PERIODS = [7, 30, 90] as const;

function Delta({ now, before }: { now: number; before: number }) {
  if (before === 0) return <span className="muted">{now === 0 ? 'no change' : 'new this period'}</span>;
  const r = (now - before) / before;
  return (
    <span className={r >= 0 ? 'delta-up' : 'delta-down'}>
      {r >= 0 ? '▲' : '▼'} {formatPercent(Math.abs(r))} <span className="muted">vs previous</span>
    </span>
  );
}

export default function OverviewPage() {
  const [days, setDays] = useState<number>(30);
  const [campaignId, setCampaignId] = useState('');
  const today = new Date();
  const query = { from: localDay(new Date(today.getTime() - (days - 1) * 86400_000)), to: localDay(today), campaignId };
  const { data, error, loading, reload } = useApi<Overview>('/api/v1/reports/overview', query);
  const campaigns = useApi<{ data: Campaign[] }>('/api/v1/campaigns', { limit: 100 });
  const { totals: live, connected } = useLiveTotals();

  // When the live counters move, refresh the charts too (at most every 3 s).
  const lastReload = useRef(0);
  useEffect(() => {
    if (!live) return;
    const wait = Math.max(0, 3000 - (Date.now() - lastReload.current));
    const t = setTimeout(() => {
      lastReload.current = Date.now();
      reload();
    }, wait);
    return () => clearTimeout(t);
  }, [live, reload]);

  const main = data?.money[0];
  const labels = useMemo(() => (data ? data.days.map((d) => formatDate(d.day).replace(/,? \d{4}$/, '')) : []), [data]);
  const toMajor = (currency: string) => (v: number) => v / 10 ** minorDigits(currency);

  return (
    <>
      <PageHeader
        title="Overview"
        description="How your creators are doing: clicks, sales, revenue and what they cost."
        actions={
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
            <Field label="Campaign">
              {(id) => (
                <select id={id} value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
                  <option value="">All campaigns</option>
                  {campaigns.data?.data.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        }
      />
      <Card
        title="Today"
        className="live"
        actions={
          <span className="muted small" role="status">
            {connected ? (
              <>
                <span className="live-dot" aria-hidden="true" />
                Live
              </>
            ) : (
              'Connecting…'
            )}
          </span>
        }
      >
        <div className="stats" aria-live="polite">
          <Stat testId="live-clicks" label="Human clicks today" value={live ? formatNumber(live.humanClicks) : '…'} />
          <Stat testId="live-bots" label="Bot clicks ignored" value={live ? formatNumber(live.botClicks) : '…'} />
          <Stat
            testId="live-sales"
            label="Sales today"
            value={live ? formatNumber(live.sales) : '…'}
            hint={live && live.inReview > 0 ? <Link href="/conversions">{formatNumber(live.inReview)} more held for review</Link> : undefined}
          />
          <Stat testId="live-leads" label="Leads today" value={live ? formatNumber(live.leads) : '…'} />
          <Stat
            testId="live-revenue"
            label="Revenue today"
            value={live ? (live.revenue.length ? live.revenue.map((r) => formatMoney(r.amount, r.currency)).join(' · ') : formatMoney(0, main?.currency ?? 'USD')) : '…'}
          />
        </div>
      </Card>
      <ErrorBanner error={error} onRetry={reload} />
      {!data && loading ? <Loading /> : null}
      {data ? (
        <>
          <p className="muted small">
            {formatDate(data.from)} – {formatDate(data.to)} (UTC days), compared with {formatDate(data.previousFrom)} – {formatDate(data.previousTo)}.
          </p>
          <div className="stats">
            <Stat label="Human clicks" value={formatNumber(data.totals.humanClicks)} hint={<Delta now={data.totals.humanClicks} before={data.previous.humanClicks} />} />
            <Stat
              label="Bot clicks filtered"
              value={formatNumber(data.totals.botClicks)}
              hint={formatPercent(data.totals.botClicks / Math.max(1, data.totals.botClicks + data.totals.humanClicks)) + ' of all clicks'}
            />
            <Stat label="Sales" value={formatNumber(data.totals.sales)} hint={<Delta now={data.totals.sales} before={data.previous.sales} />} />
            <Stat label="Leads" value={formatNumber(data.totals.leads)} hint={<Delta now={data.totals.leads} before={data.previous.leads} />} />
            <Stat
              label="Conversion rate"
              value={formatPercent(data.totals.sales / Math.max(1, data.totals.humanClicks), 2)}
              hint="sales per human click"
            />
            {data.money.map((m) => (
              <Stat key={`rev-${m.currency}`} label={`Revenue (${m.currency})`} value={formatMoney(m.revenue, m.currency)} hint={<Delta now={m.revenue} before={m.previousRevenue} />} />
            ))}
            {data.money.map((m) => (
              <Stat
                key={`roi-${m.currency}`}
                label={`Commissions (${m.currency})`}
                value={formatMoney(m.commissions, m.currency)}
                hint={m.roas === null ? 'no commissions yet' : `ROAS ${formatNumber(m.roas, { maximumFractionDigits: 1 })}× · ROI ${formatPercent(m.roas - 1, 0)}`}
              />
            ))}
          </div>
          {data.totals.humanClicks + data.totals.botClicks + data.totals.sales + data.totals.leads === 0 ? (
            <EmptyState
              title="No clicks or sales in this period yet"
              action={
                <p>
                  <Link href="/links">Create a tracking link</Link> for a creator, or <Link href="/settings/integrations">connect your shop</Link> so sales are attributed.
                </p>
              }
            >
              Once creators share their links, clicks appear here within a second.
            </EmptyState>
          ) : (
            <div className="grid cols-2">
              <Card title="Clicks per day">
                <LineChart
                  title="Clicks per day"
                  labels={labels}
                  series={[
                    { name: 'Human clicks', values: data.days.map((d) => d.humanClicks) },
                    { name: 'Bots and previews', values: data.days.map((d) => d.botClicks), color: '#9ca3af', dashed: true },
                  ]}
                />
              </Card>
              <Card title="Sales and leads per day">
                <LineChart
                  title="Sales and leads per day"
                  labels={labels}
                  series={[
                    { name: 'Sales', values: data.days.map((d) => d.sales), color: '#10b981' },
                    { name: 'Leads', values: data.days.map((d) => d.leads), color: '#f59e0b' },
                  ]}
                />
              </Card>
              {main ? (
                <Card title={`Revenue vs commissions (${main.currency})`}>
                  <LineChart
                    title={`Revenue and commissions per day in ${main.currency}`}
                    labels={labels}
                    format={(v) => new Intl.NumberFormat(undefined, { style: 'currency', currency: main.currency, notation: 'compact', maximumFractionDigits: 1 }).format(v)}
                    series={[
                      { name: 'Revenue', values: main.days.map((d) => toMajor(main.currency)(d.revenue)), color: '#4f46e5' },
                      { name: 'Commissions', values: main.days.map((d) => toMajor(main.currency)(d.commissions)), color: '#ef4444' },
                    ]}
                  />
                </Card>
              ) : null}
              <Card title="Top creators by sales">
                {data.topCreators.length === 0 ? (
                  <p className="muted">No attributed sales in this period.</p>
                ) : (
                  <BarChart
                    title="Top creators by sales"
                    items={data.topCreators.map((c) => ({ label: c.name ?? c.influencerId, value: c.sales, hint: `${c.humanClicks} human clicks` }))}
                  />
                )}
              </Card>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}

import { useMemo, useState } from 'react';
import { LineChart } from '../../components/charts.tsx';
import { Card, ErrorBanner, Field, Loading, Notice, Stat } from '../../components/ui.tsx';
import { ApiError } from '../../lib/api.ts';
import { formatDate, formatMoney, formatNumber, formatPercent, localDay } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import type { ClickReport } from './types.ts';

type Fee = { currency: string; amount: number; range: { low: number; high: number }; basis: { factor: string; value: number | null; explanation: string }[]; note: string };
type Conversion = { id: string; type: 'sale' | 'lead'; status: string; netAmount: number; refundedAmount: number; currency: string | null; campaignId: string | null; occurredAt: string };

const FORMATS = ['reel', 'story', 'image', 'carousel', 'video', 'text'];

/** GET …/suggested-fee: a fee to negotiate from, with the basis of each factor. */
export function SuggestedFeeCard({ partnershipId }: { partnershipId: string }) {
  const [format, setFormat] = useState('reel');
  const { data, error, loading } = useApi<{ suggestedFee: Fee }>(`/api/v1/partnerships/${partnershipId}/suggested-fee`, { format });
  const f = data?.suggestedFee;
  const noData = error instanceof ApiError && error.code === 'PRECONDITION_FAILED';
  return (
    <Card title="Suggested fee">
      <Field label="Post format">
        {(id) => (
          <select id={id} value={format} onChange={(e) => setFormat(e.target.value)}>
            {FORMATS.map((x) => (
              <option key={x}>{x}</option>
            ))}
          </select>
        )}
      </Field>
      {noData ? <Notice tone="info">{(error as ApiError).message}</Notice> : <ErrorBanner error={error} />}
      {loading && !f ? <Loading /> : null}
      {f && !error ? (
        <>
          <p>
            <span className="stat-value">{formatMoney(f.amount, f.currency)}</span>{' '}
            <span className="muted">
              (range {formatMoney(f.range.low, f.currency)} – {formatMoney(f.range.high, f.currency)})
            </span>
          </p>
          <ul className="reasons small">
            {f.basis.map((b) => (
              <li key={b.factor}>
                <strong>{b.factor}</strong>: {b.explanation}
              </li>
            ))}
          </ul>
          <p className="muted small">{f.note}</p>
        </>
      ) : null}
    </Card>
  );
}

/** Clicks (report by day) and conversions of this creator in this campaign over 90 days. */
export function PartnershipPerformance({ influencerId, campaignId }: { influencerId: string; campaignId: string }) {
  const range = useMemo(() => {
    const now = new Date();
    return { from: localDay(new Date(now.getTime() - 89 * 86400_000)), to: localDay(new Date(now.getTime() + 86400_000)) };
  }, []);
  const clicks = useApi<ClickReport>('/api/v1/reports/clicks', { influencerId, campaignId, groupBy: 'day', ...range });
  // Conversions have no campaign filter: the creator's latest 200 are narrowed to this campaign here.
  const conversions = useApi<{ data: Conversion[] }>('/api/v1/conversions', { influencerId, limit: 200 });
  const rows = clicks.data?.rows ?? [];
  const total = (k: 'humanClicks' | 'uniqueClicks' | 'botClicks') => rows.reduce((s, r) => s + r[k], 0);
  const mine = (conversions.data?.data ?? []).filter((c) => c.campaignId === campaignId && c.status === 'active');
  const sales = mine.filter((c) => c.type === 'sale');
  const revenue = new Map<string, number>();
  for (const s of sales) if (s.currency) revenue.set(s.currency, (revenue.get(s.currency) ?? 0) + s.netAmount - s.refundedAmount);
  return (
    <Card title="Performance in this campaign">
      <ErrorBanner error={clicks.error} onRetry={clicks.reload} />
      <ErrorBanner error={conversions.error} onRetry={conversions.reload} />
      {(clicks.loading && !clicks.data) || (conversions.loading && !conversions.data) ? <Loading /> : null}
      <div className="stats">
        <Stat label="Human clicks (90 days)" value={formatNumber(total('humanClicks'))} hint={`${formatNumber(total('uniqueClicks'))} unique · ${formatNumber(total('botClicks'))} bots filtered`} />
        <Stat label="Sales" value={formatNumber(sales.length)} hint={`${formatPercent(sales.length / Math.max(1, total('humanClicks')), 2)} of human clicks`} />
        <Stat label="Leads" value={formatNumber(mine.length - sales.length)} />
        {[...revenue.entries()].map(([cur, amount]) => (
          <Stat key={cur} label={`Revenue (${cur})`} value={formatMoney(amount, cur)} hint="net, after refunds" />
        ))}
      </div>
      {rows.some((r) => r.clicks > 0) ? (
        <div className="chart-box">
        <LineChart
          title="Clicks per day, last 90 days"
          labels={rows.map((r) => formatDate(r.key).replace(/,? \d{4}$/, ''))}
          series={[
            { name: 'Human clicks', values: rows.map((r) => r.humanClicks) },
            { name: 'Bots and previews', values: rows.map((r) => r.botClicks), color: '#9ca3af', dashed: true },
          ]}
        />
        </div>
      ) : clicks.data ? (
        <p className="muted">No clicks in the last 90 days. Share a tracking link with the creator (below).</p>
      ) : null}
      {conversions.data && conversions.data.data.length === 200 ? <p className="muted small">Sales and leads count the creator's latest 200 conversions.</p> : null}
    </Card>
  );
}

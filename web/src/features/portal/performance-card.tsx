import { useId, useMemo, useState } from 'react';
import { LineChart } from '../../components/charts.tsx';
import { Card, ErrorBanner, Loading, Stat } from '../../components/ui.tsx';
import { formatDate, formatMoney, formatNumber, formatPercent, minorDigits } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import type { Stats } from './types.ts';

const PERIODS = [7, 30, 90, 365] as const;
const DAY_MS = 86400_000;
const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/** Clicks, conversions and earnings per day (UTC days) over a chosen period, with totals. */
export function PerformanceCard() {
  const [days, setDays] = useState<number>(30);
  const selectId = useId();
  const now = Date.now();
  const query = { from: utcDay(new Date(now - (days - 1) * DAY_MS)), to: utcDay(new Date(now)) };
  const { data, error, loading, reload } = useApi<Stats>('/api/v1/portal/stats', query);
  const labels = useMemo(() => (data ? data.days.map((d) => formatDate(d.date).replace(/,? \d{4}$/, '')) : []), [data]);
  const currencies = useMemo(() => (data ? [...new Set(data.days.flatMap((d) => d.earnings.map((e) => e.currency)))].sort() : []), [data]);

  return (
    <Card
      title="Your performance"
      actions={
        <div className="portal-period">
          <label htmlFor={selectId} className="small">
            Period
          </label>
          <select id={selectId} value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                Last {p} days
              </option>
            ))}
          </select>
        </div>
      }
    >
      <ErrorBanner error={error} onRetry={reload} />
      {!data && loading ? <Loading /> : null}
      {data ? (
        <>
          <p className="muted small">
            {formatDate(data.from)} – {formatDate(data.to)} (days in UTC). Clicks count people only: bots and link previews are left out.
          </p>
          <div className="stats">
            <Stat label="Clicks" value={formatNumber(data.totals.clicks)} hint={`${formatNumber(data.totals.uniqueClicks)} unique visitors`} />
            <Stat
              label="Conversions"
              value={formatNumber(data.totals.conversions)}
              hint={data.totals.clicks ? `${formatPercent(data.totals.conversions / data.totals.clicks, 2)} of clicks` : 'sales and leads'}
            />
            {data.totals.earnings.length ? (
              data.totals.earnings.map((e) => <Stat key={e.currency} label={`Earned (${e.currency})`} value={formatMoney(e.amount, e.currency)} hint="commissions in this period, after refunds" />)
            ) : (
              <Stat label="Earned" value="—" hint="no commissions in this period yet" />
            )}
          </div>
          <div className="grid portal-charts">
            {currencies.map((currency) => (
              <EarningsChart key={currency} currency={currency} stats={data} labels={labels} />
            ))}
            <div>
              <h3>Clicks per day</h3>
              <LineChart title="Clicks per day" labels={labels} series={[{ name: 'Clicks', values: data.days.map((d) => d.clicks) }]} height={200} />
            </div>
            <div>
              <h3>Conversions per day</h3>
              <LineChart title="Conversions per day" labels={labels} series={[{ name: 'Conversions', values: data.days.map((d) => d.conversions), color: '#10b981' }]} height={200} />
            </div>
          </div>
        </>
      ) : null}
    </Card>
  );
}

/** Earnings in one currency per day (refunds that day subtract). */
function EarningsChart({ currency, stats, labels }: { currency: string; stats: Stats; labels: string[] }) {
  const scale = 10 ** minorDigits(currency);
  // Only for drawing: the amounts shown in words come from formatMoney on minor units.
  const perDay = stats.days.map((d) => d.earnings.filter((e) => e.currency === currency).reduce((s, e) => s + e.amount, 0) / scale);
  const money = (v: number) => new Intl.NumberFormat(undefined, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 2 }).format(v);
  return (
    <div>
      <h3>Earnings per day ({currency})</h3>
      <LineChart title={`Earnings per day in ${currency}`} labels={labels} height={200} format={money} series={[{ name: `Earned (${currency})`, values: perDay, color: '#4f46e5' }]} />
    </div>
  );
}

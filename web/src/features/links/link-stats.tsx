import { useEffect, useMemo, useRef, useState } from 'react';
import { BarChart, LineChart } from '../../components/charts.tsx';
import { CopyButton, ErrorBanner, Field, Loading } from '../../components/ui.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import type { ClickReport, ClickRow, Link } from './types.ts';

const PERIODS = [7, 30, 90] as const;
const DIMENSIONS = [
  { groupBy: 'source', title: 'By source' },
  { groupBy: 'country', title: 'By country' },
  { groupBy: 'device', title: 'By device' },
] as const;

let regionNames: Intl.DisplayNames | null = null;
function countryName(code: string): string {
  try {
    regionNames ??= new Intl.DisplayNames(undefined, { type: 'region' });
    return (/^[A-Z]{2}$/.test(code) && regionNames.of(code)) || code;
  } catch {
    return code;
  }
}
const labelOf = (groupBy: string, r: ClickRow) => {
  if (!r.key) return 'Unknown';
  if (groupBy === 'country') return countryName(r.key);
  return r.key.replace(/^./, (c) => c.toUpperCase());
};

/** Clicks of one link: per UTC day (people vs bots) and by source, country and device. */
export function LinkStats({ link, creator, campaign, onClose }: { link: Link; creator: string; campaign: string; onClose: () => void }) {
  const [days, setDays] = useState<number>(30);
  const range = useMemo(() => {
    const start = new Date(Date.now() - (days - 1) * 86400_000);
    return { from: start.toISOString().slice(0, 10), to: new Date().toISOString(), start };
  }, [days]);
  const query = { linkId: link.id, from: range.from, to: range.to };
  const daily = useApi<ClickReport>('/api/v1/reports/clicks', { ...query, groupBy: 'day' });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [link.id]);

  const series = useMemo(() => {
    const byDay = new Map((daily.data?.rows ?? []).map((r) => [r.key, r]));
    const list = Array.from({ length: days }, (_, i) => new Date(range.start.getTime() + i * 86400_000).toISOString().slice(0, 10));
    return {
      labels: list.map((d) => formatDate(d).replace(/,? \d{4}$/, '')),
      human: list.map((d) => byDay.get(d)?.humanClicks ?? 0),
      bots: list.map((d) => byDay.get(d)?.botClicks ?? 0),
    };
  }, [daily.data, days, range.start]);
  const total = series.human.reduce((a, b) => a + b, 0);
  const bots = series.bots.reduce((a, b) => a + b, 0);

  return (
    <section className="card link-stats" aria-labelledby={`stats-${link.id}`}>
      <div className="card-head">
        <h2 id={`stats-${link.id}`} ref={heading} tabIndex={-1}>
          Clicks on {link.label ? `“${link.label}”` : link.code} · {creator}
        </h2>
        <button type="button" className="secondary small" onClick={onClose}>
          Close stats
        </button>
      </div>
      <p className="muted small">
        {campaign} · <span className="mono">{link.shortUrl}</span> <CopyButton text={link.shortUrl} />
      </p>
      <div className="filters">
        <Field label="Stats period">
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
        <p className="muted small" role="status">
          {daily.data ? `${formatNumber(total)} human clicks, ${formatNumber(bots)} bot clicks filtered (UTC days).` : ''}
        </p>
      </div>
      <ErrorBanner error={daily.error} onRetry={daily.reload} />
      {daily.loading && !daily.data ? <Loading /> : null}
      {daily.data ? (
        <LineChart
          title={`Clicks per day on ${link.code}`}
          labels={series.labels}
          series={[
            { name: 'Human clicks', values: series.human },
            { name: 'Bots and previews', values: series.bots, color: '#9ca3af', dashed: true },
          ]}
        />
      ) : null}
      <div className="grid cols-3">
        {DIMENSIONS.map((d) => (
          <Breakdown key={d.groupBy} groupBy={d.groupBy} title={d.title} query={query} />
        ))}
      </div>
    </section>
  );
}

function Breakdown({ groupBy, title, query }: { groupBy: string; title: string; query: Record<string, string> }) {
  const { data, error, loading, reload } = useApi<ClickReport>('/api/v1/reports/clicks', { ...query, groupBy });
  const items = (data?.rows ?? []).filter((r) => r.humanClicks > 0).map((r) => ({ label: labelOf(groupBy, r), value: r.humanClicks, hint: `${r.uniqueClicks} unique, ${r.botClicks} bots` }));
  return (
    <div>
      <h3>{title}</h3>
      <ErrorBanner error={error} onRetry={reload} />
      {loading && !data ? <Loading /> : null}
      {data && items.length === 0 ? <p className="muted small">No human clicks in this period.</p> : null}
      {items.length ? <BarChart title={`Human clicks ${title.toLowerCase()}`} items={items} /> : null}
    </div>
  );
}

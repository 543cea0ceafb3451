import { useId } from 'react';

// Small SVG charts: accessible (role=img with a summary, and every point titled), no library
// weight on the first route. Values are plain numbers (counts, or money in major units for display).

export type Series = { name: string; values: number[]; color?: string; dashed?: boolean };

const PALETTE = ['#4f46e5', '#0ea5e9', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6'];

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  const m = v / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

const compact = (n: number) => new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(n);

/**
 * A line chart over labelled x positions (days), with a legend.
 * @example <LineChart title="Clicks per day" labels={days} series={[{ name: 'Human', values }]} />
 */
export function LineChart({ title, labels, series, height = 220, format = compact }: { title: string; labels: string[]; series: Series[]; height?: number; format?: (n: number) => string }) {
  const id = useId();
  const width = 640;
  const pad = { l: 56, r: 12, t: 12, b: 28 };
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const n = Math.max(labels.length, 1);
  const x = (i: number) => pad.l + (n === 1 ? (width - pad.l - pad.r) / 2 : (i * (width - pad.l - pad.r)) / (n - 1));
  const y = (v: number) => pad.t + (height - pad.t - pad.b) * (1 - v / max);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const every = Math.max(1, Math.ceil(n / 8));
  const totals = series.map((s) => `${s.name} total ${format(s.values.reduce((a, b) => a + b, 0))}`).join(', ');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t`}>
        <title id={`${id}-t`}>{`${title}: ${totals}`}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={pad.l} x2={width - pad.r} y1={y(t)} y2={y(t)} className="grid" />
            <text x={pad.l - 6} y={y(t) + 4} textAnchor="end" className="axis">
              {format(t)}
            </text>
          </g>
        ))}
        {labels.map((l, i) =>
          i % every === 0 ? (
            <text key={l + i} x={x(i)} y={height - 8} textAnchor="middle" className="axis">
              {l}
            </text>
          ) : null,
        )}
        {series.map((s, si) => {
          const color = s.color ?? PALETTE[si % PALETTE.length];
          const d = s.values.map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
          return (
            <g key={s.name}>
              <path d={d} fill="none" stroke={color} strokeWidth={2} strokeDasharray={s.dashed ? '5 4' : undefined} />
              {s.values.map((v, i) => (
                <circle key={i} cx={x(i)} cy={y(v)} r={n > 40 ? 1.5 : 3} fill={color}>
                  <title>{`${s.name}, ${labels[i] ?? ''}: ${format(v)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {series.map((s, si) => (
          <span key={s.name}>
            <i style={{ background: s.color ?? PALETTE[si % PALETTE.length] }} aria-hidden="true" /> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/**
 * Horizontal bars for categories (sources, countries, formats).
 * @example <BarChart title="Clicks by source" items={[{ label: 'instagram', value: 120 }]} />
 */
export function BarChart({ title, items, format = compact, max: maxItems = 10 }: { title: string; items: { label: string; value: number; hint?: string }[]; format?: (n: number) => string; max?: number }) {
  const shown = items.slice(0, maxItems);
  const max = Math.max(1, ...shown.map((i) => i.value));
  return (
    <figure className="bars" aria-label={title}>
      <figcaption className="sr-only">{title}</figcaption>
      <ul>
        {shown.map((i) => (
          <li key={i.label}>
            <span className="bar-label" title={i.hint}>
              {i.label}
            </span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${(100 * i.value) / max}%` }} />
            </span>
            <span className="bar-value">{format(i.value)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

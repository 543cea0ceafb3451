import { formatPercent } from '../../lib/format.ts';

export type Summary = { n: number; mean: number | null; median: number | null; ci95: [number, number] | null };

const er = (v: number | null | undefined) => formatPercent(v, 2);

/**
 * Means with their 95% intervals as horizontal ranges (a dot for the mean, a band for the
 * interval, a dashed line for a published reference), each also written out in words.
 */
export function IntervalChart({ title, groups, reference }: { title: string; groups: Record<string, Summary>; reference?: Record<string, number> }) {
  const entries = Object.entries(groups).filter(([, s]) => s.mean !== null);
  if (!entries.length) return <p className="muted">No posts in this group yet.</p>;
  const max = Math.max(...entries.map(([, s]) => Math.max(s.ci95?.[1] ?? s.mean ?? 0, s.mean ?? 0)), ...Object.values(reference ?? {}), 0.0001) * 1.1;
  const x = (v: number) => `${Math.max(0, Math.min(100, (100 * v) / max))}%`;
  return (
    <figure className="bars" aria-label={title}>
      <figcaption className="sr-only">{title}</figcaption>
      <ul className="intervals">
        {entries.map(([label, s]) => {
          const ref = reference?.[label];
          const words = `${label.replace(/_/g, ' ')}: mean ${er(s.mean)}${s.ci95 ? `, 95% interval ${er(Math.max(0, s.ci95[0]))}–${er(s.ci95[1])}` : ', too few posts for an interval'}, ${s.n} posts${ref !== undefined ? `; reference ${er(ref)}` : ''}`;
          return (
            <li key={label}>
              <span className="bar-label">{label.replace(/_/g, ' ')}</span>
              <span className="interval-track" aria-hidden="true" title={words}>
                {s.ci95 ? <span className="interval-range" style={{ left: x(Math.max(0, s.ci95[0])), width: `calc(${x(s.ci95[1])} - ${x(Math.max(0, s.ci95[0]))})` }} /> : null}
                <span className="interval-mean" style={{ left: x(s.mean ?? 0) }} />
                {ref !== undefined ? <span className="interval-ref" style={{ left: x(ref) }} /> : null}
              </span>
              <span className="bar-value small">
                {er(s.mean)} {s.ci95 ? `(${er(Math.max(0, s.ci95[0]))}–${er(s.ci95[1])})` : ''} · n={s.n}
                <span className="sr-only">. {words}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

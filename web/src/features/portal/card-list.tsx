// On phones a wide table is unreadable: lists show as one card per row there, with a status
// filter instead of sortable columns (rows already come newest or soonest first).
import { useEffect, useId, useState, type ReactNode } from 'react';

const PHONE = '(max-width: 640px)';

/** True on a phone-sized screen (follows rotation and resizing). */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => typeof window !== 'undefined' && window.matchMedia(PHONE).matches);
  useEffect(() => {
    const mq = window.matchMedia(PHONE);
    const on = () => setNarrow(mq.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return narrow;
}

type Filter<T> = { label: string; options: { value: string; label: string; match: (row: T) => boolean }[] };

export function CardList<T>({ label, rows, rowKey, render, empty, filter }: { label: string; rows: T[]; rowKey: (row: T) => string; render: (row: T) => ReactNode; empty?: ReactNode; filter?: Filter<T> }) {
  const [choice, setChoice] = useState('');
  const id = useId();
  if (rows.length === 0 && empty) return <>{empty}</>;
  const option = filter?.options.find((o) => o.value === choice);
  const shown = option ? rows.filter(option.match) : rows;
  return (
    <div>
      {filter ? (
        <div className="portal-card-filter">
          <label htmlFor={id} className="small">
            {filter.label}
          </label>
          <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">All</option>
            {filter.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          <span className="muted small" role="status">
            {shown.length === rows.length ? `${rows.length} shown` : `${shown.length} of ${rows.length} shown`}
          </span>
        </div>
      ) : null}
      <ul className="portal-cards" aria-label={label}>
        {shown.map((r) => (
          <li key={rowKey(r)}>{render(r)}</li>
        ))}
      </ul>
      {shown.length === 0 ? <p className="muted">Nothing matches this filter.</p> : null}
    </div>
  );
}

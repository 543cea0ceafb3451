import { useState } from 'react';
import { Field } from '../../components/ui.tsx';
import { localDay } from '../../lib/format.ts';

export type StatementPeriod = { from: string; to: string };

/** The statement period (defaults to this calendar year up to today), as two labelled date inputs. */
export function useStatementPeriod(): [StatementPeriod, (p: StatementPeriod) => void] {
  const today = new Date();
  return useState<StatementPeriod>({ from: `${today.getFullYear()}-01-01`, to: localDay(today) });
}

export function PeriodFields({ period, onChange }: { period: StatementPeriod; onChange: (p: StatementPeriod) => void }) {
  return (
    <>
      <Field label="Statement from">{(id) => <input id={id} type="date" required value={period.from} max={period.to} onChange={(e) => onChange({ ...period, from: e.target.value })} />}</Field>
      <Field label="Statement to" hint="Included (UTC days).">{(id, d) => <input id={id} aria-describedby={d} type="date" required value={period.to} min={period.from} onChange={(e) => onChange({ ...period, to: e.target.value })} />}</Field>
    </>
  );
}

// The API takes [from, to) in UTC days; the "to" a person picks is the last day included.
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
const url = (influencerId: string, p: StatementPeriod, format: 'html' | 'csv') =>
  `/api/v1/influencers/${encodeURIComponent(influencerId)}/statement?${new URLSearchParams({ from: p.from, to: dayAfter(p.to), format })}`;

/** A creator's statement of commissions, adjustments and payouts: HTML to read or print, CSV for accounting. */
export function StatementLinks({ influencerId, name, period }: { influencerId: string; name: string; period: StatementPeriod }) {
  const valid = period.from && period.to && period.from <= period.to;
  if (!valid) return <span className="muted small">Pick a valid period</span>;
  return (
    <span className="statement-links">
      <a href={url(influencerId, period, 'html')} target="_blank" rel="noreferrer" aria-label={`Statement of ${name} (HTML, opens in a new tab)`}>
        Statement
      </a>
      <a href={url(influencerId, period, 'csv')} download={`statement-${name.replace(/[^\w-]+/g, '-')}-${period.from}-${period.to}.csv`} aria-label={`Statement of ${name} as CSV`}>
        CSV
      </a>
    </span>
  );
}

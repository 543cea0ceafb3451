import { Badge } from '../../components/ui.tsx';
import { formatDateTime, formatMoney } from '../../lib/format.ts';
import { StatusBadge } from '../commissions/shared.tsx';
import { flagWords, methodWords, modelWords, type ConversionDetail, type HistoryEvent } from './types.ts';

type Names = { nameOf: (id: string | null | undefined) => string; campaignName: (id: string | null | undefined) => string };

/** Creator and campaign ids inside the server's sentences, replaced by their names. */
export function withNames(text: string, { nameOf, campaignName }: Names): string {
  return text.replace(/\binf_[a-z0-9]+/g, (id) => nameOf(id)).replace(/\bcmp_[a-z0-9]+/g, (id) => campaignName(id));
}

const SIGNAL_KIND: Record<string, string> = { click: 'Click', coupon: 'Coupon', customer: 'Customer binding' };
const SIGNAL_TONE: Record<string, 'good' | 'warn' | 'bad' | 'neutral'> = { used: 'good', overridden: 'neutral', ignored: 'neutral', outside_window: 'warn', inactive: 'warn', already_used: 'warn', unknown: 'bad', bot: 'bad' };

/** Why the conversion went to a creator (or to nobody): the model, the decisive method, each reason and signal. */
export function AttributionSection({ c, names }: { c: ConversionDetail; names: Names }) {
  const a = c.attribution;
  const signals = a.signals ?? [];
  return (
    <section aria-labelledby={`attr-${c.id}`}>
      <h3 id={`attr-${c.id}`}>Why it was attributed</h3>
      <p>
        {c.influencerId ? (
          <>
            Attributed to <strong>{names.nameOf(c.influencerId)}</strong> by <strong>{methodWords(a.method).toLowerCase()}</strong>
            {c.campaignId ? <> in {names.campaignName(c.campaignId)}</> : null}
          </>
        ) : (
          <strong>Not attributed to any creator</strong>
        )}{' '}
        <span className="muted">({modelWords(a.model)} model)</span>.
      </p>
      {a.reasons?.length ? (
        <ol className="reasons">
          {a.reasons.map((r, i) => (
            <li key={i}>{withNames(r, names)}</li>
          ))}
        </ol>
      ) : null}
      {signals.length ? (
        <div className="table-wrap">
          <table className="compact">
            <caption className="sr-only">Attribution signals</caption>
            <thead>
              <tr>
                <th scope="col">Signal</th>
                <th scope="col">Reference</th>
                <th scope="col">Creator</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {signals.map((s, i) => (
                <tr key={i}>
                  <td>{SIGNAL_KIND[s.kind] ?? s.kind}</td>
                  <td className="mono">{s.ref}</td>
                  <td>{s.influencerId ? names.nameOf(s.influencerId) : '—'}</td>
                  <td>
                    <Badge tone={SIGNAL_TONE[s.status] ?? 'neutral'}>{s.status.replace(/_/g, ' ')}</Badge> <span className="small">{s.detail}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export function FraudSection({ c, names }: { c: ConversionDetail; names: Names }) {
  return (
    <section aria-labelledby={`fraud-${c.id}`}>
      <h3 id={`fraud-${c.id}`}>Fraud checks</h3>
      {c.fraudFlags.length === 0 ? (
        <p className="muted">No fraud flags: nothing unusual was seen.</p>
      ) : (
        <ul className="flags">
          {c.fraudFlags.map((f, i) => (
            <li key={i}>
              <Badge tone="bad">⚑ {flagWords(f.code)}</Badge> {withNames(f.message, names)}
              {Object.keys(f.evidence ?? {}).length ? (
                <dl className="kv small evidence">
                  {Object.entries(f.evidence).map(([k, v]) => (
                    <div key={k} className="kv-row">
                      <dt>{k.replace(/([A-Z])/g, ' $1').toLowerCase()}</dt>
                      <dd className="mono">{v === null ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v)}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const EVENT_WORDS: Record<string, string> = { created: 'Recorded', refund: 'Refund', chargeback: 'Chargeback', approved: 'Approved in review', rejected: 'Rejected in review', duplicate: 'Sent again (ignored)' };

export function HistorySection({ c }: { c: ConversionDetail }) {
  const note = (e: HistoryEvent) => {
    const d = e.data ?? {};
    const parts = [d.reason, d.note].filter((x) => typeof x === 'string' && x) as string[];
    return parts.join(' · ');
  };
  return (
    <section aria-labelledby={`hist-${c.id}`}>
      <h3 id={`hist-${c.id}`}>History and refunds</h3>
      <ol className="history">
        {c.history.map((e, i) => (
          <li key={i}>
            <span className="muted small">{formatDateTime(e.at)}</span> <strong>{EVENT_WORDS[e.kind] ?? e.kind}</strong>
            {e.amount !== null && (e.kind === 'refund' || e.kind === 'chargeback') ? <> of {formatMoney(e.amount, c.currency)}</> : null}
            {e.externalId ? <span className="mono small"> ({e.externalId})</span> : null}
            {note(e) ? <> — {note(e)}</> : null}
            <span className="muted small"> by {e.actor}</span>
          </li>
        ))}
      </ol>
      {c.refundState !== 'none' ? (
        <p>
          <StatusBadge status={c.refundState === 'full' ? 'cancelled' : 'pending'} label={c.refundState === 'full' ? 'Fully refunded' : 'Partly refunded'} /> {formatMoney(c.refundedAmount, c.currency)} of{' '}
          {formatMoney(c.amount, c.currency)} refunded{c.chargeback ? ', with a chargeback' : ''}.
        </p>
      ) : null}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { DataTable } from '../../components/data-table.tsx';
import { Badge, Card, ErrorBanner, Field } from '../../components/ui.tsx';
import { Modal } from '../../components/modal.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, formatMoney, formatNumber, formatPercent, parseMoney } from '../../lib/format.ts';
import { dayToIso } from './terms-fields.tsx';
import type { Deliverable } from './types.ts';

const TONE: Record<string, 'good' | 'warn' | 'bad' | 'info' | 'neutral'> = { due: 'neutral', submitted: 'info', approved: 'info', live: 'good', overdue: 'bad' };
const NEXT: Record<string, string> = { due: 'submitted', submitted: 'approved', approved: 'live', overdue: 'submitted' };
const TYPES = ['reel', 'story', 'image', 'carousel', 'video', 'text'];

const describe = (d: Deliverable) => `${d.type} due ${formatDateTime(d.dueAt)}`;

/** Deliverables: add (POST …/deliverables) and advance (PATCH /api/v1/deliverables/:id). */
export function DeliverablesCard({ partnershipId, deliverables, currency, onChange }: { partnershipId: string; deliverables: Deliverable[]; currency: string; onChange: () => void }) {
  const [editing, setEditing] = useState<Deliverable | null>(null);
  const [type, setType] = useState('reel');
  const [due, setDue] = useState('');
  const [fee, setFee] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const amount = fee.trim() ? parseMoney(fee, currency) : null;
    if (fee.trim() && (amount === null || amount < 0n)) return setError(new Error(`The fee must be an amount in ${currency}, e.g. 250.00.`));
    setBusy(true);
    try {
      await api(`/api/v1/partnerships/${partnershipId}/deliverables`, { body: { type, dueAt: dayToIso(due), ...(amount !== null ? { fee: { amount: Number(amount), currency } } : {}) } });
      setDue('');
      setFee('');
      onChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Deliverables">
      {deliverables.length === 0 ? <p className="muted">No deliverables yet. Add what the creator will post below, or they are created from the campaign's template when the partnership turns active.</p> : null}
      {deliverables.length ? (
        <DataTable<Deliverable>
          caption="Deliverables"
          filterable={deliverables.length > 6}
          rows={deliverables}
          rowKey={(d) => d.id}
          columns={[
            { key: 'type', header: 'Type' },
            { key: 'dueAt', header: 'Due', render: (d) => formatDateTime(d.dueAt) },
            { key: 'status', header: 'Status', render: (d) => <Badge tone={TONE[d.status] ?? 'neutral'}>{d.status === 'overdue' ? '⚠ overdue' : d.status}</Badge> },
            { key: 'fee', header: 'Fee', align: 'right', value: (d) => d.fee?.amount ?? null, render: (d) => (d.fee ? formatMoney(d.fee.amount, d.fee.currency) : '—') },
            {
              key: 'postUrl',
              header: 'Post',
              render: (d) =>
                d.postUrl ? (
                  <>
                    <a href={d.postUrl} target="_blank" rel="noreferrer">
                      View post
                    </a>
                    {d.post ? <div className="muted small">{formatNumber(d.post.likes)} likes · ER {formatPercent(d.post.engagementRate, 2)}</div> : null}
                  </>
                ) : (
                  '—'
                ),
            },
            {
              key: 'actions',
              header: 'Actions',
              sortable: false,
              value: () => null,
              render: (d) =>
                d.status === 'live' ? (
                  <span className="muted small">Live {formatDateTime(d.liveAt)}</span>
                ) : (
                  <button type="button" className="secondary small" aria-label={`Update the ${describe(d)}`} onClick={() => setEditing(d)}>
                    Update
                  </button>
                ),
            },
          ]}
        />
      ) : null}
      <form className="inline-form" onSubmit={add}>
        <Field label="Deliverable type">
          {(id) => (
            <select id={id} value={type} onChange={(e) => setType(e.target.value)}>
              {TYPES.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Due on">{(id) => <input id={id} type="date" required value={due} onChange={(e) => setDue(e.target.value)} />}</Field>
        <Field label={`Fee in ${currency} (optional)`}>{(id) => <input id={id} inputMode="decimal" placeholder="250.00" value={fee} onChange={(e) => setFee(e.target.value)} />}</Field>
        <button type="submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add deliverable'}
        </button>
      </form>
      <ErrorBanner error={error} />
      {editing ? <UpdateDialog d={editing} onClose={() => setEditing(null)} onSaved={() => {
            setEditing(null);
            onChange();
          }} /> : null}
    </Card>
  );
}

function UpdateDialog({ d, onClose, onSaved }: { d: Deliverable; onClose: () => void; onSaved: () => void }) {
  const [status, setStatus] = useState(NEXT[d.status] ?? 'submitted');
  const [postUrl, setPostUrl] = useState(d.postUrl ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/deliverables/${d.id}`, { method: 'PATCH', body: { status, ...(postUrl.trim() && postUrl.trim() !== d.postUrl ? { postUrl: postUrl.trim() } : {}) } });
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`Update the ${describe(d)}`} onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBanner error={error} />
        <p className="muted small">Deliverables move forward: due → submitted → approved → live. Going live needs the post's URL and releases its flat fee to commissions.</p>
        <Field label="New status">
          {(id) => (
            <select id={id} value={status} onChange={(e) => setStatus(e.target.value)}>
              <option value="submitted">Submitted (draft received)</option>
              <option value="approved">Approved</option>
              <option value="live">Live (posted)</option>
            </select>
          )}
        </Field>
        <Field label="Post URL" hint={status === 'live' ? 'Required to go live.' : 'Optional until it goes live.'}>
          {(id, h) => <input id={id} aria-describedby={h} type="url" required={status === 'live'} placeholder="https://www.instagram.com/reel/…" value={postUrl} onChange={(e) => setPostUrl(e.target.value)} />}
        </Field>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save deliverable'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

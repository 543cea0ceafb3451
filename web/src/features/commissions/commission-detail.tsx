import { useState, type FormEvent } from 'react';
import { ErrorBanner, Field, Loading } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { Modal } from '../../components/modal.tsx';
import { StatusBadge } from './shared.tsx';
import { kindWords, type Commission, type CommissionDetail as Detail } from './types.ts';

const words = (k: string) => k.replace(/([A-Z])/g, ' $1').replace(/_/g, ' ').toLowerCase();
const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** A commission explained: the rule, the sentence with its numbers, the inputs it used, and its adjustments. */
export function CommissionDetail({ id, nameOf, onClose }: { id: string; nameOf: (id: string) => string; onClose: () => void }) {
  const { data, error, loading, reload } = useApi<{ commission: Detail }>(`/api/v1/commissions/${id}`);
  const c = data?.commission;
  return (
    <Modal open title={c ? `${kindWords(c.kind)} commission · ${nameOf(c.influencerId)}` : 'Commission'} onClose={onClose} wide>
      <ErrorBanner error={error} onRetry={reload} />
      {!c && loading ? <Loading /> : null}
      {c ? (
        <>
          <p className="explanation">
            <strong className="amount">{formatMoney(c.amount, c.currency)}</strong> <StatusBadge status={c.status} />
            <br />
            {c.explanation}
          </p>
          {c.reason ? (
            <p>
              <strong>Reason:</strong> {c.reason}
            </p>
          ) : null}
          <dl className="kv">
            <dt>Rule</dt>
            <dd>{c.rule ?? '—'}</dd>
            <dt>Creator</dt>
            <dd>{nameOf(c.influencerId)}</dd>
            {c.conversionId ? (
              <>
                <dt>Conversion</dt>
                <dd className="mono">{c.conversionId}</dd>
              </>
            ) : null}
            <dt>Payable on</dt>
            <dd>{formatDate(c.payableOn)} <span className="muted small">(end of the hold period)</span></dd>
            <dt>Created</dt>
            <dd>{formatDateTime(c.createdAt)}</dd>
            {c.approvedAt ? (
              <>
                <dt>Approved</dt>
                <dd>{formatDateTime(c.approvedAt)}</dd>
              </>
            ) : null}
            {c.paidAt ? (
              <>
                <dt>Paid</dt>
                <dd>{formatDateTime(c.paidAt)}</dd>
              </>
            ) : null}
            {c.reversalOf ? (
              <>
                <dt>Adjusts</dt>
                <dd className="mono">{c.reversalOf}</dd>
              </>
            ) : null}
          </dl>
          {Object.keys(c.inputs ?? {}).length ? (
            <>
              <h3>Numbers used</h3>
              <dl className="kv small">
                {Object.entries(c.inputs).map(([k, v]) => (
                  <div className="kv-row" key={k}>
                    <dt>{words(k)}</dt>
                    <dd className="mono">{show(v)}</dd>
                  </div>
                ))}
              </dl>
            </>
          ) : null}
          <h3>Adjustments</h3>
          {c.adjustments.length === 0 ? (
            <p className="muted">None: no refund or correction has changed this commission.</p>
          ) : (
            <ul className="reasons">
              {c.adjustments.map((a) => (
                <li key={a.id}>
                  <strong>{formatMoney(a.amount, a.currency)}</strong> <StatusBadge status={a.status} /> {a.explanation}
                  {a.reason ? <span className="muted"> ({a.reason})</span> : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </Modal>
  );
}

/** Reject one pending commission; the reason is required and shown to the creator. */
export function RejectDialog({ commission, nameOf, onClose, onDone }: { commission: Commission | null; nameOf: (id: string) => string; onClose: () => void; onDone: (c: Commission) => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const tooShort = reason.trim().length > 0 && reason.trim().length < 3;
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!commission || reason.trim().length < 3) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ commission: Commission }>(`/api/v1/commissions/${commission.id}/reject`, { body: { reason: reason.trim() } });
      onDone(r.commission);
      close();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={commission !== null} title="Reject commission" onClose={close}>
      {commission ? (
        <form onSubmit={submit}>
          <p>
            Reject {formatMoney(commission.amount, commission.currency)} for {nameOf(commission.influencerId)}? It will not be paid; its pending adjustments are cancelled with it.
          </p>
          <ErrorBanner error={error} />
          <Field label="Reason for the creator" hint="Required. The creator sees it in their portal and statement." error={tooShort ? 'Give at least 3 characters.' : null}>
            {(id, d) => <textarea id={id} aria-describedby={d} required minLength={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="actions">
            <button type="submit" className="danger" disabled={busy || reason.trim().length < 3}>
              {busy ? 'Rejecting…' : 'Reject commission'}
            </button>
            <button type="button" className="secondary" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </Modal>
  );
}

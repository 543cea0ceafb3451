import { useState, type FormEvent } from 'react';
import { ErrorBanner, Field } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { formatMoney, parseMoney, toDecimalString } from '../../lib/format.ts';
import type { Conversion } from './types.ts';

/** Approve or reject a conversion held in review, with an optional note kept in its history. */
export function ReviewActions({ c, onDone }: { c: Conversion; onDone: (next: Conversion, message: string) => void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'approve' | 'reject' | null>(null);
  const [confirmReject, setConfirmReject] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const decide = async (decision: 'approve' | 'reject') => {
    setBusy(decision);
    setError(null);
    try {
      const { conversion } = await api<{ conversion: Conversion }>(`/api/v1/conversions/${c.id}/review`, { body: { decision, ...(note.trim() ? { note: note.trim() } : {}) } });
      onDone(conversion, decision === 'approve' ? 'Approved: commissions are now calculated for it.' : 'Rejected: it stays on record and pays no commission.');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
      setConfirmReject(false);
    }
  };
  return (
    <section className="review-box" aria-labelledby={`review-${c.id}`}>
      <h3 id={`review-${c.id}`}>Review decision</h3>
      <p className="small">This conversion is held for review. Approve it to pay the creator's commission, or reject it so nothing is paid.</p>
      <ErrorBanner error={error} />
      <Field label="Review note" hint="Optional; kept in the conversion's history.">
        {(id, d) => <textarea id={id} aria-describedby={d} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      {confirmReject ? (
        <div className="banner warning" role="alert">
          <span>Reject this conversion? The creator earns nothing for it.</span>
          <button type="button" className="danger small" disabled={busy !== null} onClick={() => decide('reject')}>
            {busy === 'reject' ? 'Rejecting…' : 'Yes, reject'}
          </button>
          <button type="button" className="secondary small" onClick={() => setConfirmReject(false)}>
            Keep in review
          </button>
        </div>
      ) : (
        <div className="actions">
          <button type="button" disabled={busy !== null} onClick={() => decide('approve')}>
            {busy === 'approve' ? 'Approving…' : 'Approve'}
          </button>
          <button type="button" className="danger" disabled={busy !== null} onClick={() => setConfirmReject(true)}>
            Reject
          </button>
        </div>
      )}
    </section>
  );
}

/** A partial or full refund (or a chargeback) typed as a decimal amount; commissions are reversed by the server. */
export function RefundForm({ c, onDone }: { c: Conversion; onDone: (next: Conversion, message: string) => void }) {
  const currency = c.currency ?? 'USD';
  const left = c.amount - c.refundedAmount;
  const [amount, setAmount] = useState(() => toDecimalString(left, currency));
  const [reason, setReason] = useState('');
  const [chargeback, setChargeback] = useState(false);
  // One reference per form, so a double submit is applied once (refunds are idempotent by refundId).
  const [refundId, setRefundId] = useState(() => `dashboard-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const minor = parseMoney(amount, currency);
  const amountError = amount.trim() === '' ? null : minor === null ? `Type an amount such as ${toDecimalString(left, currency)}.` : minor <= 0n ? 'The amount must be more than zero.' : minor > BigInt(left) ? `At most ${formatMoney(left, currency)} is left to refund.` : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (minor === null || amountError) return;
    setBusy(true);
    setError(null);
    try {
      const { conversion, duplicate } = await api<{ conversion: Conversion; duplicate: boolean }>(`/api/v1/conversions/${c.id}/refunds`, {
        body: { refundId: refundId.trim(), amount: Number(minor), currency, chargeback, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      });
      setRefundId(`dashboard-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
      onDone(conversion, duplicate ? `Refund ${refundId} had already been recorded; nothing changed.` : `${chargeback ? 'Chargeback' : 'Refund'} of ${formatMoney(Number(minor), currency)} recorded; the creator's commission is reduced to match.`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="refund-box" onSubmit={submit} aria-labelledby={`refund-${c.id}`}>
      <h3 id={`refund-${c.id}`}>Refund</h3>
      <p className="small muted">
        {formatMoney(left, currency)} of {formatMoney(c.amount, currency)} can still be refunded. Commissions are reduced in proportion (clawed back if already paid).
      </p>
      <ErrorBanner error={error} />
      <div className="form-row">
        <Field label={`Refund amount (${currency})`} error={amountError}>
          {(id, d) => <input id={id} aria-describedby={d} aria-invalid={amountError ? true : undefined} inputMode="decimal" required value={amount} onChange={(e) => setAmount(e.target.value)} />}
        </Field>
        <Field label="Refund reference" hint="Your shop's refund id; the same reference is never applied twice.">
          {(id, d) => <input id={id} aria-describedby={d} required maxLength={200} value={refundId} onChange={(e) => setRefundId(e.target.value)} />}
        </Field>
      </div>
      <Field label="Refund reason">
        {(id) => <input id={id} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. returned by the customer" />}
      </Field>
      <label className="check-label">
        <input type="checkbox" checked={chargeback} onChange={(e) => setChargeback(e.target.checked)} /> This is a chargeback (disputed with the bank)
      </label>
      <button type="submit" className="danger" disabled={busy || minor === null || amountError !== null}>
        {busy ? 'Recording…' : 'Record refund'}
      </button>
    </form>
  );
}

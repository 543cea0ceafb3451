import { useState, type FormEvent } from 'react';
import { ErrorBanner, Field, Notice } from '../../components/ui.tsx';
import { Modal } from '../../components/modal.tsx';
import { api } from '../../lib/api.ts';
import { formatMoney, parseMoney } from '../../lib/format.ts';

type Saved = { method: 'paypal' | 'bank'; paypalEmail: string | null; iban: string | null; bic: string | null; accountHolder: string | null; minimumPayout: Record<string, number> };

/**
 * PUT /api/v1/influencers/:id/payout-details. The brand API has no GET for them (creators see and
 * edit their own in the portal), so this sets them and shows what was stored, IBAN masked.
 */
export function PayoutDetailsDialog({ open, influencerId, onClose }: { open: boolean; influencerId: string; onClose: () => void }) {
  const [method, setMethod] = useState<'paypal' | 'bank'>('paypal');
  const [paypalEmail, setPaypalEmail] = useState('');
  const [iban, setIban] = useState('');
  const [bic, setBic] = useState('');
  const [holder, setHolder] = useState('');
  const [minimum, setMinimum] = useState('');
  const [currency, setCurrency] = useState('USD');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const close = () => {
    setSaved(null);
    setError(null);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    let minimumPayout: Record<string, number> | undefined;
    if (minimum.trim()) {
      const cur = currency.trim().toUpperCase();
      const m = parseMoney(minimum, cur);
      if (m === null || m < 0n) return setError(new Error(`The minimum payout must be an amount in ${cur}, e.g. 50.00.`));
      minimumPayout = { [cur]: Number(m) };
    }
    setBusy(true);
    try {
      const body = method === 'paypal' ? { method, paypalEmail, ...(minimumPayout ? { minimumPayout } : {}) } : { method, iban, ...(bic.trim() ? { bic } : {}), accountHolder: holder, ...(minimumPayout ? { minimumPayout } : {}) };
      const r = await api<{ payoutDetails: Saved }>(`/api/v1/influencers/${influencerId}/payout-details`, { method: 'PUT', body });
      setSaved(r.payoutDetails);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title="Payout details" onClose={close}>
      {saved ? (
        <>
          <Notice tone="success">
            Saved: paid by {saved.method === 'paypal' ? `PayPal to ${saved.paypalEmail}` : `bank transfer to ${saved.accountHolder}, IBAN ${saved.iban}${saved.bic ? `, BIC ${saved.bic}` : ''}`}
            {Object.entries(saved.minimumPayout).map(([c, a]) => `; minimum ${formatMoney(a, c)}`)}.
          </Notice>
          <div className="actions">
            <button type="button" onClick={close}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit}>
          <p className="muted small">Where this creator is paid. Saving replaces what is stored; creators can also set this themselves in the portal.</p>
          <ErrorBanner error={error} />
          <fieldset className="checks">
            <legend>Payout method</legend>
            <div className="check-list">
              <label>
                <input type="radio" name="payout-method" checked={method === 'paypal'} onChange={() => setMethod('paypal')} /> PayPal
              </label>
              <label>
                <input type="radio" name="payout-method" checked={method === 'bank'} onChange={() => setMethod('bank')} /> Bank transfer
              </label>
            </div>
          </fieldset>
          {method === 'paypal' ? (
            <Field label="PayPal email">{(id) => <input id={id} type="email" required value={paypalEmail} onChange={(e) => setPaypalEmail(e.target.value)} />}</Field>
          ) : (
            <>
              <Field label="Account holder">{(id) => <input id={id} required value={holder} onChange={(e) => setHolder(e.target.value)} />}</Field>
              <div className="form-row">
                <Field label="IBAN">{(id) => <input id={id} required className="mono" value={iban} onChange={(e) => setIban(e.target.value)} />}</Field>
                <Field label="BIC (optional)">{(id) => <input id={id} className="mono" value={bic} onChange={(e) => setBic(e.target.value)} />}</Field>
              </div>
            </>
          )}
          <div className="form-row">
            <Field label="Minimum payout (optional)" hint="Below this balance the creator is not paid yet.">
              {(id, d) => <input id={id} aria-describedby={d} inputMode="decimal" placeholder="50.00" value={minimum} onChange={(e) => setMinimum(e.target.value)} />}
            </Field>
            <Field label="Minimum payout currency">{(id) => <input id={id} maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value)} />}</Field>
          </div>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save payout details'}
            </button>
            <button type="button" className="secondary" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

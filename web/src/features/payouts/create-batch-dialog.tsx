import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ErrorBanner, Field, Notice } from '../../components/ui.tsx';
import { api, describeError } from '../../lib/api.ts';
import { formatMoney } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { Modal } from '../../components/modal.tsx';
import type { Balance } from '../commissions/types.ts';
import type { Batch } from './types.ts';

const newKey = () => `dashboard-${new Date().toISOString().slice(0, 10)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * Gathers every payable balance of one currency at or above the threshold into a batch. The
 * idempotency key is made once per dialog, so a double submit or a retry never makes two batches.
 */
export function CreateBatchDialog({ open, balances, onClose, onCreated }: { open: boolean; balances: Balance[]; onClose: () => void; onCreated: (batch: Batch, created: boolean) => void }) {
  const currencies = useMemo(() => [...new Set(balances.filter((b) => b.payable > 0).map((b) => b.currency))].sort(), [balances]);
  const [currency, setCurrency] = useState('');
  const [key, setKey] = useState(newKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ws = useApi<{ workspace: { settings: { payoutThresholds?: Record<string, number> } } }>(open ? '/api/v1/workspace' : null);
  useEffect(() => {
    if (open) {
      setKey(newKey());
      setError(null);
      setCurrency((c) => c || currencies[0] || '');
    }
  }, [open, currencies]);
  const threshold = ws.data?.workspace.settings.payoutThresholds?.[currency] ?? 0;
  const preview = balances.filter((b) => b.currency === currency && b.payable > 0 && b.payable >= threshold);
  const total = preview.reduce((s, b) => s + b.payable, 0);
  const below = balances.filter((b) => b.currency === currency && b.payable > 0 && b.payable < threshold).length;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ created: boolean; batch: Batch }>('/api/v1/payouts/batches', { body: { currency, idempotencyKey: key } });
      onCreated(r.batch, r.created);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title="Create payout batch" onClose={onClose}>
      <form onSubmit={submit}>
        <p className="small">A batch collects the approved, unpaid commissions of every creator whose balance reaches the payout threshold. Export it for PayPal, Wise or your bank, then mark it paid.</p>
        <ErrorBanner error={error} />
        {currencies.length === 0 ? <Notice tone="warning">No creator has a payable balance yet: approve commissions first.</Notice> : null}
        <Field label="Currency" hint="One batch pays one currency.">
          {(id, d) => (
            <select id={id} aria-describedby={d} required value={currency} onChange={(e) => setCurrency(e.target.value)}>
              {currencies.length === 0 ? <option value="">No payable currency</option> : null}
              {currencies.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          )}
        </Field>
        {currency ? (
          <div className="banner info" role="status">
            <span>
              Threshold: {ws.data ? (threshold ? formatMoney(threshold, currency) : 'none') : 'as set in Settings'} (<Link href="/settings">change it in Settings</Link>). About <strong>{preview.length}</strong> creator{preview.length === 1 ? '' : 's'},{' '}
              <strong>{formatMoney(total, currency)}</strong> in all{below ? `; ${below} below the threshold wait for the next batch` : ''}. Creators with a higher personal minimum are left out.
            </span>
          </div>
        ) : null}
        {ws.error ? <p className="muted small">Could not read the payout threshold ({describeError(ws.error)}); the server still applies it.</p> : null}
        <div className="actions">
          <button type="submit" disabled={busy || !currency}>
            {busy ? 'Creating…' : 'Create payout batch'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

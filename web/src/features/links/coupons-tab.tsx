import { useState, type FormEvent } from 'react';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { CopyButton, EmptyState, ErrorBanner, Field, Loading, Notice } from '../../components/ui.tsx';
import { Modal } from '../../components/modal.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { ConfirmDialog, StatusBadge, type Creator } from '../commissions/shared.tsx';
import type { Campaign, Coupon } from './types.ts';

const stateOf = (c: Coupon) => (!c.active ? 'inactive' : c.singleUse && c.used ? 'used' : 'active');

/** Coupon codes given to creators: sales that use one are attributed to its creator. */
export function CouponsTab({ creators, nameOf, campaigns }: { creators: Creator[]; nameOf: (id: string) => string; campaigns: Campaign[] }) {
  const [influencerId, setInfluencerId] = useState('');
  const { data, error, loading, reload } = useApi<{ data: Coupon[] }>('/api/v1/coupons', { influencerId, limit: 200 });
  const [giving, setGiving] = useState(false);
  const [toDeactivate, setToDeactivate] = useState<Coupon | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [patched, setPatched] = useState<Record<string, Coupon>>({});
  const rows = (data?.data ?? []).map((c) => patched[c.id] ?? c);
  const campaignName = (id: string | null) => (id ? (campaigns.find((c) => c.id === id)?.name ?? id) : 'Any campaign');

  const setActive = async (c: Coupon, active: boolean) => {
    setBusyId(c.id);
    setActionError(null);
    try {
      const { coupon } = await api<{ coupon: Coupon }>(`/api/v1/coupons/${c.id}`, { method: 'PATCH', body: { active } });
      setPatched((p) => ({ ...p, [coupon.id]: coupon }));
      setDone(`Coupon ${c.code} is ${active ? 'active again' : 'deactivated: it no longer attributes sales'}.`);
    } catch (err) {
      setActionError(err);
      throw err;
    } finally {
      setBusyId(null);
    }
  };

  const columns: Column<Coupon>[] = [
    { key: 'code', header: 'Code', render: (c) => (<><span className="mono">{c.code}</span> <CopyButton text={c.code} /></>) },
    { key: 'creator', header: 'Creator', value: (c) => nameOf(c.influencerId) },
    { key: 'campaign', header: 'Campaign', value: (c) => campaignName(c.campaignId) },
    { key: 'use', header: 'Use', value: (c) => (c.singleUse ? (c.used ? 'single use, used' : 'single use') : 'reusable') },
    { key: 'status', header: 'Status', value: stateOf, render: (c) => <StatusBadge status={stateOf(c)} /> },
    { key: 'createdAt', header: 'Given', value: (c) => c.createdAt, render: (c) => formatDateTime(c.createdAt) },
    {
      key: 'actions',
      header: 'Actions',
      sortable: false,
      render: (c) =>
        c.active ? (
          <button type="button" className="secondary small" aria-label={`Deactivate ${c.code}`} onClick={() => setToDeactivate(c)}>
            Deactivate
          </button>
        ) : (
          <button type="button" className="secondary small" disabled={busyId === c.id} aria-label={`Activate ${c.code}`} onClick={() => setActive(c, true).catch(() => {})}>
            {busyId === c.id ? 'Activating…' : 'Activate'}
          </button>
        ),
    },
  ];

  return (
    <>
      <div className="filters">
        <Field label="Coupon creator">
          {(id) => (
            <select id={id} value={influencerId} onChange={(e) => setInfluencerId(e.target.value)}>
              <option value="">All creators</option>
              {creators.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="button" onClick={() => setGiving(true)}>
          Give coupon
        </button>
      </div>
      {done ? <Notice tone="success">{done}</Notice> : null}
      <ErrorBanner error={error} onRetry={reload} />
      <ErrorBanner error={actionError} />
      {loading && !data ? <Loading /> : null}
      {data ? (
        <DataTable
          caption="Coupon codes"
          columns={columns}
          rows={rows}
          rowKey={(c) => c.id}
          empty={
            <EmptyState title="No coupon codes yet" action={<button type="button" onClick={() => setGiving(true)}>Give coupon</button>}>
              Give a creator a code their audience types at checkout: those sales are attributed to the creator even without a click.
            </EmptyState>
          }
        />
      ) : null}
      {data && data.data.length >= 200 ? <p className="muted small">Showing the newest 200 codes; pick a creator to see theirs.</p> : null}
      <GiveCouponDialog open={giving} creators={creators} campaigns={campaigns} onClose={() => setGiving(false)} onDone={(c) => { setDone(`Coupon ${c.code} given to ${nameOf(c.influencerId)}.`); reload(); }} />
      <ConfirmDialog open={toDeactivate !== null} title="Deactivate this coupon?" confirmLabel="Deactivate coupon" danger onConfirm={() => setActive(toDeactivate!, false)} onClose={() => setToDeactivate(null)}>
        <p>
          Sales with <strong className="mono">{toDeactivate?.code}</strong> will no longer be attributed to {toDeactivate ? nameOf(toDeactivate.influencerId) : ''}. Remember to disable the code in
          your shop too. You can activate it again later.
        </p>
      </ConfirmDialog>
    </>
  );
}

function GiveCouponDialog({ open, creators, campaigns, onClose, onDone }: { open: boolean; creators: Creator[]; campaigns: Campaign[]; onClose: () => void; onDone: (c: Coupon) => void }) {
  const [influencerId, setInfluencerId] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [code, setCode] = useState('');
  const [singleUse, setSingleUse] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const codeError = code && !/^[A-Za-z0-9_-]{3,64}$/.test(code.trim()) ? 'Use 3 to 64 letters, digits, _ or -.' : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (codeError) return;
    setBusy(true);
    setError(null);
    try {
      const { coupon } = await api<{ coupon: Coupon }>('/api/v1/coupons', { body: { influencerId, code: code.trim(), singleUse, ...(campaignId ? { campaignId } : {}) } });
      onDone(coupon);
      setCode('');
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title="Give coupon" onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBanner error={error} />
        <Field label="Creator">
          {(id) => (
            <select id={id} required value={influencerId} onChange={(e) => setInfluencerId(e.target.value)}>
              <option value="">Choose a creator…</option>
              {creators.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Coupon code" hint="Exactly as customers type it in your shop, e.g. GLOWMAYA15." error={codeError}>
          {(id, d) => <input id={id} aria-describedby={d} aria-invalid={codeError ? true : undefined} required value={code} onChange={(e) => setCode(e.target.value)} />}
        </Field>
        <Field label="Coupon campaign" hint="Optional: which campaign its sales count for.">
          {(id, d) => (
            <select id={id} aria-describedby={d} value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
              <option value="">Any campaign</option>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="check-label">
          <input type="checkbox" checked={singleUse} onChange={(e) => setSingleUse(e.target.checked)} /> Single use (attributes only the first sale)
        </label>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Giving…' : 'Give coupon'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

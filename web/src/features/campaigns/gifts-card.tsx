import { useState, type FormEvent } from 'react';
import { DataTable } from '../../components/data-table.tsx';
import { Badge, Card, ErrorBanner, Field } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, formatMoney, parseMoney } from '../../lib/format.ts';
import type { Gift } from './types.ts';

const LABEL: Record<string, string> = { to_ship: 'To ship', shipped: 'Shipped', delivered: 'Delivered' };
const NEXT: Record<string, { status: string; label: string }> = { to_ship: { status: 'shipped', label: 'Mark shipped' }, shipped: { status: 'delivered', label: 'Mark delivered' } };

/** Gifted products: record a shipment (POST …/gifts) and follow it (PATCH /api/v1/gifts/:id). */
export function GiftsCard({ partnershipId, gifts, currency, onChange }: { partnershipId: string; gifts: Gift[]; currency: string; onChange: () => void }) {
  const [product, setProduct] = useState('');
  const [value, setValue] = useState('');
  const [cur, setCur] = useState(currency);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const code = cur.trim().toUpperCase();
    const amount = parseMoney(value, code);
    if (amount === null || amount < 0n) return setError(new Error(`The value must be an amount in ${code}, e.g. 49.00.`));
    setBusy('new');
    try {
      await api(`/api/v1/partnerships/${partnershipId}/gifts`, { body: { product, value: Number(amount), currency: code } });
      setProduct('');
      setValue('');
      onChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const advance = async (g: Gift, status: string) => {
    setBusy(g.id);
    setError(null);
    try {
      await api(`/api/v1/gifts/${g.id}`, { method: 'PATCH', body: { status } });
      onChange();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card title="Gifts">
      {gifts.length === 0 ? <p className="muted">No gifted products yet. Record a shipment so you can see who received a gift and has not posted.</p> : null}
      {gifts.length ? (
        <DataTable<Gift>
          caption="Gifts"
          filterable={false}
          rows={gifts}
          rowKey={(g) => g.id}
          columns={[
            { key: 'product', header: 'Product' },
            { key: 'value', header: 'Value', align: 'right', render: (g) => formatMoney(g.value, g.currency) },
            { key: 'status', header: 'Status', render: (g) => <Badge tone={g.status === 'delivered' ? 'good' : g.status === 'shipped' ? 'info' : 'warn'}>{LABEL[g.status] ?? g.status}</Badge> },
            { key: 'deliveredAt', header: 'Shipped / delivered', render: (g) => `${formatDateTime(g.shippedAt)} / ${formatDateTime(g.deliveredAt)}` },
            {
              key: 'actions',
              header: 'Actions',
              sortable: false,
              value: () => null,
              render: (g) => {
                const next = NEXT[g.status];
                return next ? (
                  <button type="button" className="secondary small" disabled={busy === g.id} aria-label={`${next.label}: ${g.product}`} onClick={() => void advance(g, next.status)}>
                    {busy === g.id ? 'Saving…' : next.label}
                  </button>
                ) : null;
              },
            },
          ]}
        />
      ) : null}
      <form className="inline-form" onSubmit={add}>
        <Field label="Product">{(id) => <input id={id} required maxLength={200} placeholder="Glow Serum 50 ml" value={product} onChange={(e) => setProduct(e.target.value)} />}</Field>
        <Field label="Value">{(id) => <input id={id} required inputMode="decimal" placeholder="49.00" value={value} onChange={(e) => setValue(e.target.value)} />}</Field>
        <Field label="Gift currency">{(id) => <input id={id} required maxLength={3} value={cur} onChange={(e) => setCur(e.target.value)} />}</Field>
        <button type="submit" disabled={busy === 'new'}>
          {busy === 'new' ? 'Recording…' : 'Record gift'}
        </button>
      </form>
      <ErrorBanner error={error} />
    </Card>
  );
}

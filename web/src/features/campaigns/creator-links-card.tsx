import { useState, type FormEvent } from 'react';
import { DataTable } from '../../components/data-table.tsx';
import { Badge, Card, CopyButton, ErrorBanner, Field, Loading } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';

type LinkRow = { id: string; code: string; shortUrl: string; destinationUrl: string; label: string | null; campaignId: string; disabled: boolean };
type Coupon = { id: string; code: string; campaignId: string | null; singleUse: boolean; used: boolean; active: boolean };

/** The creator's tracking links and coupon codes, with "Create link" and "Give coupon". */
export function CreatorLinksCard({ influencerId, campaignId, campaignName }: { influencerId: string; campaignId: string; campaignName: (id: string | null) => string }) {
  const links = useApi<{ data: LinkRow[] }>('/api/v1/links', { influencerId, limit: 200 });
  const coupons = useApi<{ data: Coupon[] }>('/api/v1/coupons', { influencerId, limit: 200 });
  const [label, setLabel] = useState('');
  const [destination, setDestination] = useState('');
  const [code, setCode] = useState('');
  const [singleUse, setSingleUse] = useState(false);
  const [busy, setBusy] = useState<'link' | 'coupon' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (kind: 'link' | 'coupon', e: FormEvent) => {
    e.preventDefault();
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'link') {
        await api('/api/v1/links', { body: { influencerId, campaignId, ...(label.trim() ? { label: label.trim() } : {}), ...(destination.trim() ? { destinationUrl: destination.trim() } : {}) } });
        setLabel('');
        setDestination('');
        links.reload();
      } else {
        await api('/api/v1/coupons', { body: { influencerId, campaignId, code: code.trim(), singleUse } });
        setCode('');
        coupons.reload();
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const ordered = <T extends { campaignId: string | null }>(rows: T[]) => [...rows].sort((a, b) => Number(b.campaignId === campaignId) - Number(a.campaignId === campaignId));
  const where = (id: string | null) => (id === campaignId ? <Badge tone="info">this campaign</Badge> : <span className="muted small">{campaignName(id)}</span>);
  return (
    <Card title="Links and coupons">
      <ErrorBanner error={error} />
      <h3>Tracking links</h3>
      <ErrorBanner error={links.error} onRetry={links.reload} />
      {links.loading && !links.data ? <Loading /> : null}
      {links.data && links.data.data.length === 0 ? <p className="muted">No tracking links yet: create one so clicks and sales are credited to this creator.</p> : null}
      {links.data?.data.length ? (
        <DataTable<LinkRow>
          caption="Tracking links"
          filterable={false}
          rows={ordered(links.data.data)}
          rowKey={(l) => l.id}
          columns={[
            { key: 'shortUrl', header: 'Short link', render: (l) => <span className="copy-row"><code>{l.shortUrl}</code> <CopyButton text={l.shortUrl} /></span> },
            { key: 'label', header: 'Label', render: (l) => l.label ?? '—' },
            { key: 'campaignId', header: 'Campaign', render: (l) => where(l.campaignId) },
            { key: 'disabled', header: 'State', value: (l) => (l.disabled ? 'disabled' : 'on'), render: (l) => (l.disabled ? <Badge tone="warn">disabled</Badge> : <Badge tone="good">on</Badge>) },
          ]}
        />
      ) : null}
      <form className="inline-form" onSubmit={(e) => run('link', e)}>
        <Field label="Link label (optional)">{(id) => <input id={id} maxLength={120} placeholder="bio link" value={label} onChange={(e) => setLabel(e.target.value)} />}</Field>
        <Field label="Destination (optional)">{(id) => <input id={id} type="url" placeholder="campaign destination" value={destination} onChange={(e) => setDestination(e.target.value)} />}</Field>
        <button type="submit" disabled={busy === 'link'}>
          {busy === 'link' ? 'Creating…' : 'Create link'}
        </button>
      </form>
      <h3>Coupon codes</h3>
      <ErrorBanner error={coupons.error} onRetry={coupons.reload} />
      {coupons.data && coupons.data.data.length === 0 ? <p className="muted">No coupon codes yet: a code credits sales even without a click.</p> : null}
      {coupons.data?.data.length ? (
        <DataTable<Coupon>
          caption="Coupon codes"
          filterable={false}
          rows={ordered(coupons.data.data)}
          rowKey={(c) => c.id}
          columns={[
            { key: 'code', header: 'Code', render: (c) => <span className="copy-row"><code>{c.code}</code> <CopyButton text={c.code} /></span> },
            { key: 'campaignId', header: 'Campaign', render: (c) => (c.campaignId ? where(c.campaignId) : <span className="muted small">any campaign</span>) },
            { key: 'singleUse', header: 'Use', value: (c) => (c.singleUse ? (c.used ? 'used' : 'single use') : 'reusable'), render: (c) => (c.singleUse ? (c.used ? 'Single use, used' : 'Single use') : 'Reusable') },
            { key: 'active', header: 'State', value: (c) => (c.active ? 'active' : 'inactive'), render: (c) => (c.active ? <Badge tone="good">active</Badge> : <Badge tone="warn">inactive</Badge>) },
          ]}
        />
      ) : null}
      <form className="inline-form" onSubmit={(e) => run('coupon', e)}>
        <Field label="Coupon code">{(id) => <input id={id} required minLength={3} maxLength={64} pattern="[A-Za-z0-9_\-]+" placeholder="GLOWSOFIA15" value={code} onChange={(e) => setCode(e.target.value)} />}</Field>
        <label className="inline-check">
          <input type="checkbox" checked={singleUse} onChange={(e) => setSingleUse(e.target.checked)} /> Single use
        </label>
        <button type="submit" disabled={busy === 'coupon'}>
          {busy === 'coupon' ? 'Giving…' : 'Give coupon'}
        </button>
      </form>
    </Card>
  );
}

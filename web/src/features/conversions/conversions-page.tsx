import { useState } from 'react';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { Badge, EmptyState, ErrorBanner, Field, Loading, Notice, PageHeader } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, formatMoney } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { LoadMore, StatusBadge, Tabs, usePagedList, useCreators } from '../commissions/shared.tsx';
import { ConversionDetail, conversionTitle } from './conversion-detail.tsx';
import { flagWords, methodWords, type Conversion } from './types.ts';
import './conversions.css';

type Campaign = { id: string; name: string };

/** Every lead and sale with who it was attributed to and why; the review queue for suspicious ones. */
export default function ConversionsPage(_props: Record<string, unknown>) {
  const [tab, setTab] = useState('all');
  const [status, setStatus] = useState('');
  const [type, setType] = useState('');
  const [influencerId, setInfluencerId] = useState('');
  const review = tab === 'review';
  const list = usePagedList<Conversion>('/api/v1/conversions', { status: review ? 'review' : status, type, influencerId, limit: 100 });
  const queue = useApi<{ data: Conversion[]; nextCursor: string | null }>('/api/v1/conversions', { status: 'review', limit: 200 });
  const { creators, nameOf, error: creatorsError } = useCreators();
  const campaigns = useApi<{ data: Campaign[] }>('/api/v1/campaigns', { limit: 200 });
  const campaignName = (id: string | null | undefined) => (id ? (campaigns.data?.data.find((c) => c.id === id)?.name ?? id) : '—');
  const [open, setOpen] = useState<Conversion | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const queueCount = queue.data ? `${queue.data.data.length}${queue.data.nextCursor ? '+' : ''}` : null;

  const changed = (next: Conversion) => {
    list.replace((r) => r.id === next.id, next);
    queue.reload();
  };
  const approve = async (c: Conversion) => {
    setBusyId(c.id);
    setActionError(null);
    try {
      const { conversion } = await api<{ conversion: Conversion }>(`/api/v1/conversions/${c.id}/review`, { body: { decision: 'approve' } });
      changed(conversion);
      setDone(`${conversionTitle(c)} approved: commissions are now calculated for it.`);
    } catch (err) {
      setActionError(err);
    } finally {
      setBusyId(null);
    }
  };

  const columns: Column<Conversion>[] = [
    { key: 'occurredAt', header: 'Date', render: (c) => formatDateTime(c.occurredAt) },
    { key: 'type', header: 'Type', value: (c) => (c.type === 'sale' ? 'Sale' : 'Lead') },
    {
      key: 'orderId',
      header: 'Order',
      value: (c) => c.orderId ?? '',
      render: (c) => (
        <button type="button" className="link-button mono" aria-label={`Details of ${conversionTitle(c)}`} onClick={(e) => { e.stopPropagation(); setOpen(c); }}>
          {c.orderId ?? 'Lead details'}
        </button>
      ),
    },
    {
      key: 'amount',
      header: 'Amount',
      align: 'right',
      value: (c) => c.amount,
      render: (c) =>
        c.type === 'lead' && !c.amount ? (
          <span className="muted">—</span>
        ) : (
          <>
            {formatMoney(c.amount, c.currency)}
            {c.refundState !== 'none' ? <div className="small muted">{c.refundState === 'full' ? 'refunded' : `${formatMoney(c.refundedAmount, c.currency)} refunded`}</div> : null}
          </>
        ),
    },
    { key: 'creator', header: 'Creator', value: (c) => (c.influencerId ? nameOf(c.influencerId) : 'Unattributed') },
    { key: 'method', header: 'Method', value: (c) => methodWords(c.attribution?.method) },
    { key: 'status', header: 'Status', value: (c) => c.status, render: (c) => <StatusBadge status={c.status} /> },
    {
      key: 'flags',
      header: 'Fraud flags',
      value: (c) => c.fraudFlags.map((f) => flagWords(f.code)).join(', '),
      render: (c) =>
        c.fraudFlags.length ? (
          <div className="flag-list">
            {c.fraudFlags.map((f, i) => (
              <Badge key={i} tone="bad">
                ⚑ {flagWords(f.code)}
              </Badge>
            ))}
          </div>
        ) : (
          <span className="muted small">None</span>
        ),
    },
  ];
  if (review)
    columns.push({
      key: 'actions',
      header: 'Actions',
      sortable: false,
      render: (c) =>
        c.status === 'review' ? (
          <div className="row-actions">
            <button type="button" className="small" disabled={busyId === c.id} aria-label={`Approve ${conversionTitle(c)}`} onClick={(e) => { e.stopPropagation(); void approve(c); }}>
              {busyId === c.id ? 'Approving…' : 'Approve'}
            </button>
            <button type="button" className="secondary small" aria-label={`Review ${conversionTitle(c)}`} onClick={(e) => { e.stopPropagation(); setOpen(c); }}>
              Review…
            </button>
          </div>
        ) : (
          <StatusBadge status={c.status} />
        ),
    });

  const filtered = status || type || influencerId;
  return (
    <>
      <PageHeader title="Conversions" description="Every lead and sale, who it was attributed to and why. Suspicious ones wait in the review queue before any commission is paid." />
      <ErrorBanner error={creatorsError} />
      <Tabs
        label="Conversion lists"
        value={tab}
        onChange={(t) => { setTab(t); setDone(null); }}
        tabs={[
          { id: 'all', label: 'All' },
          { id: 'review', label: <>Review queue{queueCount ? <span className="count"> ({queueCount})</span> : null}</> },
        ]}
      >
        <div className="filters">
          {!review ? (
            <Field label="Status">
              {(id) => (
                <select id={id} value={status} onChange={(e) => setStatus(e.target.value)}>
                  <option value="">Any status</option>
                  <option value="active">Active</option>
                  <option value="review">In review</option>
                  <option value="rejected">Rejected</option>
                </select>
              )}
            </Field>
          ) : null}
          <Field label="Type">
            {(id) => (
              <select id={id} value={type} onChange={(e) => setType(e.target.value)}>
                <option value="">Sales and leads</option>
                <option value="sale">Sales</option>
                <option value="lead">Leads</option>
              </select>
            )}
          </Field>
          <Field label="Creator">
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
        </div>
        {done ? <Notice tone="success">{done}</Notice> : null}
        <ErrorBanner error={list.error} onRetry={list.reload} />
        <ErrorBanner error={actionError} />
        {list.loading && list.rows.length === 0 ? <Loading /> : null}
        {!list.loading || list.rows.length ? (
          <DataTable
            caption={review ? 'Conversions waiting for review' : 'Conversions'}
            columns={columns}
            rows={list.rows}
            rowKey={(c) => c.id}
            onRowClick={setOpen}
            empty={
              review ? (
                <EmptyState title="The review queue is empty">Nothing suspicious is waiting: conversions with fraud flags are held here until you approve or reject them.</EmptyState>
              ) : (
                <EmptyState title={filtered ? 'No conversions match these filters' : 'No conversions yet'}>
                  {filtered ? 'Clear a filter to see more.' : 'Connect your shop in Settings → Integrations, or send sales to POST /api/v1/conversions: they appear here with their attribution.'}
                </EmptyState>
              )
            }
          />
        ) : null}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={list.loadMore} what="conversions" />
      </Tabs>
      {open ? <ConversionDetail conversion={open} nameOf={nameOf} campaignName={campaignName} onClose={() => setOpen(null)} onChanged={changed} /> : null}
    </>
  );
}

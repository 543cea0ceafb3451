import { useState } from 'react';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { Badge, EmptyState, ErrorBanner, Field, Loading, Notice, PageHeader } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { BalancesCard } from './balances-card.tsx';
import { CommissionDetail, RejectDialog } from './commission-detail.tsx';
import { ConfirmDialog, LoadMore, StatusBadge, Tabs, usePagedList, useCreators } from './shared.tsx';
import { isDue, kindWords, type Balance, type Commission } from './types.ts';
import './commissions.css';

const TABS = [
  { id: 'pending', label: 'Pending' },
  { id: 'approved', label: 'Approved' },
  { id: 'paid', label: 'Paid' },
  { id: 'rejected', label: 'Rejected' },
  { id: 'cancelled', label: 'Cancelled' },
];
const EMPTY: Record<string, string> = {
  pending: 'Nothing waits for approval. New sales create pending commissions that become payable after the hold period.',
  approved: 'No approved commissions waiting for a payout. Approve pending ones, or they are approved automatically when their hold ends.',
  paid: 'Nothing has been paid yet. Create a payout batch on the Payouts page.',
  rejected: 'No commission has been rejected.',
  cancelled: 'No commission has been cancelled (refunds and rejected sales cancel them).',
};
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Commissions by status with their explanation; approve (selected, due, one) or reject with a reason; balances per creator. */
export default function CommissionsPage(_props: Record<string, unknown>) {
  const [tab, setTab] = useState('pending');
  const [influencerId, setInfluencerId] = useState('');
  const list = usePagedList<Commission>('/api/v1/commissions', { status: tab, influencerId, limit: 200 });
  const balances = useApi<{ data: Balance[] }>('/api/v1/ledger/balances');
  const { creators, nameOf, error: creatorsError } = useCreators();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<Commission | null>(null);
  const [confirmDue, setConfirmDue] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const pending = tab === 'pending';
  const dueCount = pending ? list.rows.filter(isDue).length : null;

  const after = (message: string) => {
    setDone(message);
    setSelected(new Set());
    list.reload();
    balances.reload();
  };
  const approve = async (ids: string[], key: string) => {
    setBusy(key);
    setError(null);
    setDone(null);
    try {
      const r = await api<{ data: Commission[] }>('/api/v1/commissions/approve', { body: { ids } });
      after(`${plural(r.data.length, 'commission')} approved: the amounts are now payable in the next payout.`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const approveDue = async () => {
    setDone(null);
    const r = await api<{ data: Commission[] }>('/api/v1/commissions/approve-due', { method: 'POST' });
    after(r.data.length ? `${plural(r.data.length, 'commission')} whose hold has ended approved.` : 'No commission had finished its hold period: nothing to approve.');
  };
  const select = (next: Set<string>) => setSelected(next);

  const columns: Column<Commission>[] = [
    { key: 'creator', header: 'Creator', value: (c) => nameOf(c.influencerId) },
    { key: 'amount', header: 'Amount', align: 'right', value: (c) => c.amount, render: (c) => <strong>{formatMoney(c.amount, c.currency)}</strong> },
    {
      key: 'kind',
      header: 'Kind / rule',
      value: (c) => `${kindWords(c.kind)} ${c.rule ?? ''}`,
      render: (c) => (
        <>
          {kindWords(c.kind)}
          {c.rule ? <div className="muted small">{c.rule}</div> : null}
        </>
      ),
    },
    { key: 'status', header: 'Status', value: (c) => c.status, render: (c) => <StatusBadge status={c.status} /> },
    {
      key: 'payableOn',
      header: 'Payable on',
      render: (c) => (
        <span className="nowrap">
          {formatDate(c.payableOn)} {isDue(c) ? <Badge tone="info">Due</Badge> : null}
        </span>
      ),
    },
    { key: 'createdAt', header: 'Created', render: (c) => <span title={formatDateTime(c.createdAt)}>{formatDate(c.createdAt)}</span> },
    {
      key: 'actions',
      header: 'Actions',
      sortable: false,
      render: (c) => (
        <div className="row-actions">
          <button type="button" className="secondary small" aria-label={`Explain commission ${c.id}`} onClick={(e) => { e.stopPropagation(); setOpenId(c.id); }}>
            Explain
          </button>
          {c.status === 'pending' ? (
            <>
              <button type="button" className="small" disabled={busy !== null} aria-label={`Approve commission ${c.id}`} onClick={(e) => { e.stopPropagation(); void approve([c.id], c.id); }}>
                {busy === c.id ? 'Approving…' : 'Approve'}
              </button>
              <button type="button" className="secondary small" aria-label={`Reject commission ${c.id}`} onClick={(e) => { e.stopPropagation(); setRejecting(c); }}>
                Reject
              </button>
            </>
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Commissions"
        description="What each creator earned and why. Pending commissions wait out the hold period (for refunds), then become payable."
        actions={
          <button type="button" className="secondary" onClick={() => setConfirmDue(true)}>
            Approve all due
          </button>
        }
      />
      <ErrorBanner error={creatorsError} />
      <BalancesCard balances={balances.data?.data} error={balances.error} loading={balances.loading} reload={balances.reload} nameOf={nameOf} />
      <Tabs label="Commissions by status" tabs={TABS} value={tab} onChange={(t) => { setTab(t); setSelected(new Set()); setDone(null); }}>
        <div className="filters">
          <Field label="Creator">
            {(id) => (
              <select id={id} value={influencerId} onChange={(e) => { setInfluencerId(e.target.value); setSelected(new Set()); }}>
                <option value="">All creators</option>
                {creators.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {pending ? (
            <button type="button" disabled={selected.size === 0 || busy !== null} onClick={() => approve([...selected], 'selected')}>
              {busy === 'selected' ? 'Approving…' : `Approve selected${selected.size ? ` (${selected.size})` : ''}`}
            </button>
          ) : null}
          {pending && dueCount ? <span className="muted small">{plural(dueCount, 'commission')} shown here finished the hold period.</span> : null}
        </div>
        {done ? <Notice tone="success">{done}</Notice> : null}
        <ErrorBanner error={error} />
        <ErrorBanner error={list.error} onRetry={list.reload} />
        {list.loading && list.rows.length === 0 ? <Loading /> : null}
        {!list.loading || list.rows.length ? (
          <DataTable
            caption={`${TABS.find((t) => t.id === tab)?.label} commissions`}
            columns={columns}
            rows={list.rows}
            rowKey={(c) => c.id}
            onRowClick={(c) => setOpenId(c.id)}
            selectable={pending ? { selected, onChange: select, canSelect: (c) => c.status === 'pending' } : undefined}
            empty={<EmptyState title={`No ${tab} commissions${influencerId ? ' for this creator' : ''}`}>{EMPTY[tab]}</EmptyState>}
          />
        ) : null}
        <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={list.loadMore} what="commissions" />
      </Tabs>
      {openId ? <CommissionDetail id={openId} nameOf={nameOf} onClose={() => setOpenId(null)} /> : null}
      <RejectDialog commission={rejecting} nameOf={nameOf} onClose={() => setRejecting(null)} onDone={(c) => after(`Commission of ${formatMoney(c.amount, c.currency)} for ${nameOf(c.influencerId)} rejected.`)} />
      <ConfirmDialog open={confirmDue} title="Approve all due commissions?" confirmLabel="Approve due commissions" onConfirm={approveDue} onClose={() => setConfirmDue(false)}>
        <p>Every pending commission whose hold period has ended becomes payable and is included in the next payout batch. The scheduler also does this every minute.</p>
      </ConfirmDialog>
    </>
  );
}

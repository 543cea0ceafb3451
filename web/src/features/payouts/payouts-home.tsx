import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { Card, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/ui.tsx';
import { formatDateTime, formatMoney } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { BalancesCard } from '../commissions/balances-card.tsx';
import { LoadMore, StatusBadge, usePagedList, useCreators } from '../commissions/shared.tsx';
import type { Balance } from '../commissions/types.ts';
import { CreateBatchDialog } from './create-batch-dialog.tsx';
import { PeriodFields, StatementLinks, useStatementPeriod } from './statements.tsx';
import { methodWords, type BatchSummary } from './types.ts';

/** Payable balances, the "Create payout batch" action, every batch so far, and creator statements. */
export function PayoutsHome() {
  const [, navigate] = useLocation();
  const balances = useApi<{ data: Balance[] }>('/api/v1/ledger/balances');
  const batches = usePagedList<BatchSummary>('/api/v1/payouts/batches', { limit: 50 });
  const { nameOf } = useCreators();
  const [creating, setCreating] = useState(false);
  const [period, setPeriod] = useStatementPeriod();
  const withBalance = (balances.data?.data ?? []).filter((b, i, all) => all.findIndex((x) => x.influencerId === b.influencerId) === i);

  const columns: Column<BatchSummary>[] = [
    {
      key: 'createdAt',
      header: 'Created',
      render: (b) => (
        <Link href={`/payouts/${b.id}`} aria-label={`Payout batch of ${formatDateTime(b.createdAt)}, ${formatMoney(b.total, b.currency)}`}>
          {formatDateTime(b.createdAt)}
        </Link>
      ),
    },
    { key: 'status', header: 'Status', value: (b) => b.status, render: (b) => <StatusBadge status={b.status} /> },
    { key: 'currency', header: 'Currency' },
    { key: 'method', header: 'Method', value: (b) => methodWords(b.method) },
    {
      key: 'itemCount',
      header: 'Payments',
      align: 'right',
      render: (b) => (
        <>
          {b.itemCount}
          <div className="muted small">
            {b.paidCount} paid{b.failedCount ? `, ${b.failedCount} failed` : ''}
          </div>
        </>
      ),
    },
    { key: 'total', header: 'Total', align: 'right', render: (b) => <strong>{formatMoney(b.total, b.currency)}</strong> },
    { key: 'id', header: 'Batch id', render: (b) => <span className="mono small">{b.id}</span> },
  ];

  return (
    <>
      <PageHeader
        title="Payouts"
        description="Pay creators what they are owed: batch the payable balances, export the file for PayPal, Wise or your bank, then mark the payments paid."
        actions={
          <button type="button" onClick={() => setCreating(true)}>
            Create payout batch
          </button>
        }
      />
      <BalancesCard title="Payable balances" defaultOpen balances={balances.data?.data} error={balances.error} loading={balances.loading} reload={balances.reload} nameOf={nameOf} />
      <Card title="Payout batches">
        <ErrorBanner error={batches.error} onRetry={batches.reload} />
        {batches.loading && batches.rows.length === 0 ? <Loading /> : null}
        {!batches.loading || batches.rows.length ? (
          <DataTable
            caption="Payout batches, newest first"
            columns={columns}
            rows={batches.rows}
            rowKey={(b) => b.id}
            onRowClick={(b) => navigate(`/payouts/${b.id}`)}
            empty={
              <EmptyState title="No payout batches yet" action={<button type="button" onClick={() => setCreating(true)}>Create payout batch</button>}>
                When creators have payable balances, create a batch to pay them all at once.
              </EmptyState>
            }
          />
        ) : null}
        <LoadMore hasMore={batches.hasMore} loading={batches.loadingMore} onClick={batches.loadMore} what="payout batches" />
      </Card>
      <Card title="Creator statements">
        <p className="muted small">Each creator's commissions, adjustments and payouts over a period, to read or print (HTML) or for accounting (CSV).</p>
        <div className="filters">
          <PeriodFields period={period} onChange={setPeriod} />
        </div>
        {withBalance.length === 0 ? (
          <p className="muted">No creator has earned anything yet.</p>
        ) : (
          <ul className="statement-list">
            {withBalance
              .map((b) => ({ id: b.influencerId, name: nameOf(b.influencerId) }))
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((c) => (
                <li key={c.id}>
                  <span>{c.name}</span> <StatementLinks influencerId={c.id} name={c.name} period={period} />
                </li>
              ))}
          </ul>
        )}
      </Card>
      <CreateBatchDialog
        open={creating}
        balances={balances.data?.data ?? []}
        onClose={() => setCreating(false)}
        onCreated={(batch) => {
          setCreating(false);
          navigate(`/payouts/${batch.id}`);
        }}
      />
    </>
  );
}

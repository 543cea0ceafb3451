import { useState } from 'react';
import { Link } from 'wouter';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { Badge, Card, ErrorBanner, Field, Loading, Notice, PageHeader, Stat } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, formatMoney } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { ConfirmDialog, StatusBadge } from '../commissions/shared.tsx';
import { ExportsCard } from './exports-card.tsx';
import { PeriodFields, StatementLinks, useStatementPeriod } from './statements.tsx';
import { methodWords, type Batch, type BatchItem } from './types.ts';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** One payout batch: its payments, export files, marking payments paid or failed, and statements. */
export function BatchPage({ batchId }: { batchId: string }) {
  const { data, error, loading, reload } = useApi<{ batch: Batch }>(`/api/v1/payouts/batches/${batchId}`);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [marking, setMarking] = useState<'paid' | 'failed' | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [period, setPeriod] = useStatementPeriod();
  const batch = data?.batch;
  const pendingItems = batch?.items.filter((i) => i.status === 'pending') ?? [];
  const targets = selected.size ? pendingItems.filter((i) => selected.has(i.id)) : pendingItems;
  const scope = selected.size ? `the ${plural(targets.length, 'selected payment')}` : `all ${plural(targets.length, 'pending payment')}`;

  const mark = async () => {
    if (!batch || !marking) return;
    const r = await api<{ settled: number; status: string }>(`/api/v1/payouts/batches/${batch.id}/mark-${marking}`, {
      body: { ...(selected.size ? { itemIds: [...selected] } : {}), ...(marking === 'failed' && reason.trim() ? { reason: reason.trim() } : {}) },
    });
    setDone(
      marking === 'paid'
        ? `${plural(r.settled, 'payment')} marked paid; the creators are notified and their balances move to paid.`
        : `${plural(r.settled, 'payment')} marked failed; the amounts return to the creators' payable balance for the next batch.`,
    );
    setSelected(new Set());
    setReason('');
    reload();
  };

  const columns: Column<BatchItem>[] = [
    { key: 'name', header: 'Creator' },
    { key: 'amount', header: 'Amount', align: 'right', render: (i) => <strong>{formatMoney(i.amount, i.currency)}</strong> },
    { key: 'method', header: 'Method', value: (i) => methodWords(i.method ?? 'unknown'), render: (i) => (i.method ? methodWords(i.method) : <Badge tone="warn">No payout details</Badge>) },
    {
      key: 'status',
      header: 'Status',
      value: (i) => i.status,
      render: (i) => (
        <>
          <StatusBadge status={i.status} />
          {i.failureReason ? <div className="small muted">{i.failureReason}</div> : null}
          {i.paidAt ? <div className="small muted">{formatDateTime(i.paidAt)}</div> : null}
        </>
      ),
    },
    { key: 'statement', header: 'Statement', sortable: false, render: (i) => <StatementLinks influencerId={i.influencerId} name={i.name} period={period} /> },
  ];

  return (
    <>
      <p className="back">
        <Link href="/payouts">← All payouts</Link>
      </p>
      <PageHeader title="Payout batch" description={batch ? <>Created {formatDateTime(batch.createdAt)} · <span className="mono">{batch.id}</span></> : <span className="mono">{batchId}</span>} />
      <ErrorBanner error={error} onRetry={reload} />
      {!batch && loading ? <Loading /> : null}
      {batch ? (
        <>
          <div className="stats">
            <Stat label={`Total (${batch.currency})`} value={formatMoney(batch.total, batch.currency)} />
            <Stat label="Payments" value={batch.itemCount} hint={`${batch.items.filter((i) => i.status === 'paid').length} paid · ${batch.items.filter((i) => i.status === 'failed').length} failed`} />
            <Stat label="Status" value={<StatusBadge status={batch.status} />} />
          </div>
          {batch.items.length === 0 ? <Notice tone="info">This batch is empty: no creator had a payable balance at or above the threshold when it was made.</Notice> : <ExportsCard batch={batch} />}
          <Card title="Payments">
            {done ? <Notice tone="success">{done}</Notice> : null}
            <div className="filters">
              <button type="button" disabled={targets.length === 0} aria-describedby="mark-scope" onClick={() => setMarking('paid')}>
                Mark paid
              </button>
              <button type="button" className="secondary" disabled={targets.length === 0} aria-describedby="mark-scope" onClick={() => setMarking('failed')}>
                Mark failed
              </button>
              <span id="mark-scope" className="muted small">
                {pendingItems.length === 0 ? 'Every payment is settled.' : `Applies to ${scope}. Select payments to settle only some.`}
              </span>
            </div>
            <div className="filters">
              <PeriodFields period={period} onChange={setPeriod} />
            </div>
            <DataTable
              caption="Payments in this batch"
              columns={columns}
              rows={batch.items}
              rowKey={(i) => i.id}
              selectable={{ selected, onChange: setSelected, canSelect: (i) => i.status === 'pending' }}
              empty={<p className="muted">No payments in this batch.</p>}
            />
          </Card>
        </>
      ) : null}
      <ConfirmDialog
        open={marking !== null}
        title={marking === 'paid' ? 'Mark payments paid?' : 'Mark payments failed?'}
        confirmLabel={marking === 'paid' ? `Mark ${plural(targets.length, 'payment')} paid` : `Mark ${plural(targets.length, 'payment')} failed`}
        danger={marking === 'failed'}
        onConfirm={mark}
        onClose={() => setMarking(null)}
      >
        {marking === 'paid' ? (
          <p>
            Confirm that you sent {scope} ({formatMoney(targets.reduce((s, i) => s + i.amount, 0), batch?.currency)}). The creators are told they were paid; this cannot be undone.
          </p>
        ) : (
          <>
            <p>The amounts of {scope} go back to the creators' payable balances and are picked up by the next batch.</p>
            <Field label="Failure reason" hint="Optional, e.g. “PayPal account closed”. Shown on the payment.">
              {(id, d) => <input id={id} aria-describedby={d} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
          </>
        )}
      </ConfirmDialog>
    </>
  );
}

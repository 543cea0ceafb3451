import { useMemo, type ReactNode } from 'react';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { Card, ErrorBanner, Loading, Stat } from '../../components/ui.tsx';
import { formatMoney } from '../../lib/format.ts';
import type { Balance } from './types.ts';

/** What creators have earned per currency: pending (in hold), payable (approved, not yet paid) and paid. */
export function BalancesCard({ balances, error, loading, reload, nameOf, title = 'Balances by creator', actions, defaultOpen = false }: {
  balances: Balance[] | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  nameOf: (id: string) => string;
  title?: string;
  actions?: ReactNode;
  defaultOpen?: boolean;
}) {
  const totals = useMemo(() => {
    const m = new Map<string, { pending: number; payable: number; paid: number }>();
    for (const b of balances ?? []) {
      const t = m.get(b.currency) ?? { pending: 0, payable: 0, paid: 0 };
      t.pending += b.pending;
      t.payable += b.payable;
      t.paid += b.paid;
      m.set(b.currency, t);
    }
    return [...m.entries()];
  }, [balances]);
  const columns: Column<Balance>[] = [
    { key: 'creator', header: 'Creator', value: (b) => nameOf(b.influencerId) },
    { key: 'currency', header: 'Currency' },
    { key: 'pending', header: 'Pending (in hold)', align: 'right', render: (b) => formatMoney(b.pending, b.currency) },
    { key: 'payable', header: 'Payable', align: 'right', render: (b) => <strong>{formatMoney(b.payable, b.currency)}</strong> },
    { key: 'paid', header: 'Paid', align: 'right', render: (b) => formatMoney(b.paid, b.currency) },
  ];
  return (
    <Card title={title} actions={actions}>
      <ErrorBanner error={error} onRetry={reload} />
      {loading && !balances ? <Loading /> : null}
      {totals.length ? (
        <div className="stats">
          {totals.map(([currency, t]) => (
            <Stat key={currency} label={`Payable now (${currency})`} value={formatMoney(t.payable, currency)} hint={`${formatMoney(t.pending, currency)} in hold · ${formatMoney(t.paid, currency)} paid`} />
          ))}
        </div>
      ) : null}
      {balances ? (
        <details className="balances" open={defaultOpen}>
          <summary>Per creator ({balances.length})</summary>
          <DataTable
            caption="Balances per creator and currency"
            columns={columns}
            rows={balances}
            rowKey={(b) => `${b.influencerId}-${b.currency}`}
            initialSort={{ key: 'payable', dir: 'desc' }}
            empty={<p className="muted">No balances yet: they appear once creators earn their first commission.</p>}
          />
        </details>
      ) : null}
    </Card>
  );
}

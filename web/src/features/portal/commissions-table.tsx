import { useMemo } from 'react';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { EmptyState } from '../../components/ui.tsx';
import { formatDate, formatMoney } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { CardList, useNarrow } from './card-list.tsx';
import { CommissionBadge, commissionStatusLabel, LoadMore } from './shared.tsx';
import type { Campaign, Commission } from './types.ts';

/** When the money arrives, in words: paid on, payable on, or never. */
function whenLabel(c: Commission): string {
  if (c.status === 'paid') return c.paidAt ? `Paid ${formatDate(c.paidAt)}` : 'Paid';
  if (c.status === 'rejected' || c.status === 'cancelled') return 'Not payable';
  return formatDate(c.payableOn);
}

/** Why the amount was reduced, rejected, cancelled or clawed back, prefixed so it reads as a sentence. */
function reasonLabel(c: Commission): string | null {
  if (!c.reason) return null;
  if (c.clawback) return `Taken back: ${c.reason}`;
  if (c.status === 'rejected') return `Rejected: ${c.reason}`;
  if (c.status === 'cancelled') return `Cancelled: ${c.reason}`;
  if (c.amount < 0) return `Deducted: ${c.reason}`;
  return `Note: ${c.reason}`;
}

const FILTERS: { value: string; label: string; match: (c: Commission) => boolean }[] = [
  { value: 'pending', label: 'Pending', match: (c) => c.status === 'pending' },
  { value: 'approved', label: 'Approved (payable)', match: (c) => c.status === 'approved' },
  { value: 'paid', label: 'Paid', match: (c) => c.status === 'paid' },
  { value: 'reduced', label: 'Deductions and clawbacks', match: (c) => c.amount < 0 },
  { value: 'void', label: 'Rejected or cancelled', match: (c) => c.status === 'rejected' || c.status === 'cancelled' },
];

export function CommissionsTable({ rows, hasMore, loadingMore, onLoadMore }: { rows: Commission[]; hasMore: boolean; loadingMore: boolean; onLoadMore: () => void }) {
  const campaigns = useApi<{ data: Campaign[] }>('/api/v1/portal/campaigns');
  const names = useMemo(() => new Map((campaigns.data?.data ?? []).map((c) => [c.id, c.name])), [campaigns.data]);
  const columns = useMemo<Column<Commission>[]>(
    () => [
      { key: 'createdAt', header: 'Earned on', render: (c) => formatDate(c.createdAt) },
      {
        key: 'amount',
        header: 'Amount',
        align: 'right',
        render: (c) => <span className={c.amount < 0 ? 'portal-negative' : c.status === 'rejected' || c.status === 'cancelled' ? 'portal-void' : undefined}>{formatMoney(c.amount, c.currency)}</span>,
      },
      { key: 'status', header: 'Status', value: (c) => commissionStatusLabel(c), render: (c) => <CommissionBadge c={c} /> },
      { key: 'payableOn', header: 'Payable on', value: (c) => (c.status === 'paid' ? (c.paidAt ?? c.payableOn) : c.payableOn), render: whenLabel },
      {
        key: 'details',
        header: 'Details',
        sortable: false,
        value: (c) => [c.description, c.reason, c.campaignId ? names.get(c.campaignId) : ''].join(' '),
        render: (c) => {
          const reason = reasonLabel(c);
          return (
            <div className="portal-details">
              {c.campaignId && names.get(c.campaignId) ? <div>{names.get(c.campaignId)}</div> : null}
              <div className="muted small">{c.description}</div>
              {reason ? <div className={`small ${c.amount < 0 || c.status === 'rejected' || c.status === 'cancelled' ? 'portal-reason' : ''}`}>{reason}</div> : null}
            </div>
          );
        },
      },
    ],
    [names],
  );
  const narrow = useNarrow();
  const empty = (
    <EmptyState title="No commissions yet">
      When someone buys through your link or with your coupon code, the commission appears here within minutes.
    </EmptyState>
  );
  return (
    <>
      {narrow ? (
        <CardList
          label="Your commissions"
          rows={rows}
          rowKey={(c) => c.id}
          empty={empty}
          filter={{ label: 'Show', options: FILTERS }}
          render={(c) => {
            const reason = reasonLabel(c);
            const campaign = c.campaignId ? names.get(c.campaignId) : undefined;
            return (
              <>
                <div className="portal-card-top">
                  <span className={`portal-amount ${c.amount < 0 ? 'portal-negative' : c.status === 'rejected' || c.status === 'cancelled' ? 'portal-void' : ''}`}>{formatMoney(c.amount, c.currency)}</span>
                  <span>
                    <CommissionBadge c={c} />
                  </span>
                </div>
                <div className="small">
                  Earned {formatDate(c.createdAt)} · {c.status === 'pending' || c.status === 'approved' ? `payable ${formatDate(c.payableOn)}` : whenLabel(c).toLowerCase()}
                </div>
                {campaign ? <div className="small">{campaign}</div> : null}
                <div className="muted small">{c.description}</div>
                {reason ? <div className="small portal-reason">{reason}</div> : null}
              </>
            );
          }}
        />
      ) : (
        <DataTable
          caption="Your commissions"
          columns={columns}
          rows={rows}
          rowKey={(c) => c.id}
          initialSort={{ key: 'createdAt', dir: 'desc' }}
          empty={empty}
        />
      )}
      <LoadMore hasMore={hasMore} busy={loadingMore} onClick={onLoadMore} what="commissions" />
    </>
  );
}

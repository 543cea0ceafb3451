import { useMemo } from 'react';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { Card, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/ui.tsx';
import { formatDateTime, formatMoney } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { CardList, useNarrow } from './card-list.tsx';
import { attributionLabel, ConversionBadge, conversionStatusLabel, LoadMore, usePaged } from './shared.tsx';
import type { Campaign, Conversion } from './types.ts';

type Page = { data: Conversion[]; nextCursor: string | null };

const FILTERS: { value: string; label: string; match: (c: Conversion) => boolean }[] = [
  { value: 'confirmed', label: 'Confirmed', match: (c) => c.status === 'confirmed' },
  { value: 'in_review', label: 'In review', match: (c) => c.status === 'in_review' },
  { value: 'rejected', label: 'Rejected', match: (c) => c.status === 'rejected' },
  { value: 'refunded', label: 'Refunded', match: (c) => c.refundState !== 'none' },
];

/** Sales and leads credited to the creator, with masked order ids. */
export function ConversionsPage() {
  const list = usePaged<Conversion, Page>('/api/v1/portal/conversions', (r) => r.data, 50);
  const campaigns = useApi<{ data: Campaign[] }>('/api/v1/portal/campaigns');
  const names = useMemo(() => new Map((campaigns.data?.data ?? []).map((c) => [c.id, c.name])), [campaigns.data]);
  const columns = useMemo<Column<Conversion>[]>(
    () => [
      { key: 'occurredAt', header: 'Date', render: (c) => formatDateTime(c.occurredAt) },
      { key: 'type', header: 'Type', value: (c) => (c.type === 'sale' ? 'Sale' : 'Lead') },
      {
        key: 'amount',
        header: 'Amount',
        align: 'right',
        render: (c) => (
          <>
            {c.currency ? formatMoney(c.amount, c.currency) : '—'}
            {c.refundState !== 'none' && c.currency ? (
              <div className="small portal-reason">{c.refundState === 'full' ? 'Fully refunded' : `${formatMoney(c.refundedAmount, c.currency)} refunded`}</div>
            ) : null}
          </>
        ),
      },
      { key: 'status', header: 'Status', value: (c) => conversionStatusLabel(c.status), render: (c) => <ConversionBadge status={c.status} /> },
      { key: 'orderId', header: 'Order', render: (c) => (c.orderId ? <code aria-label={`Order ending ${c.orderId.replace(/\*/g, '') || 'hidden'}`}>{c.orderId}</code> : '—') },
      { key: 'attributionMethod', header: 'Credited via', value: (c) => attributionLabel(c.attributionMethod) },
      { key: 'campaign', header: 'Campaign', value: (c) => (c.campaignId ? (names.get(c.campaignId) ?? '') : '') },
    ],
    [names],
  );

  const narrow = useNarrow();
  const empty = <EmptyState title="No conversions yet">Share your links and coupon codes: sales and sign-ups they bring appear here.</EmptyState>;
  return (
    <>
      <PageHeader title="Conversions" description="The sales and leads credited to you. Order numbers are shortened to their last four characters." />
      <Card>
        <p className="muted small">
          <strong>Confirmed</strong>: it counts. <strong>In review</strong>: the brand checks it before it counts. <strong>Rejected</strong>: it does not count (no
          commission). Refunds reduce your commission; see Earnings for the amounts.
        </p>
        <ErrorBanner error={list.error} onRetry={list.reload} />
        {!list.first && list.loading ? <Loading label="Loading your conversions…" /> : null}
        {list.first && narrow ? (
          <CardList
            label="Your conversions"
            rows={list.rows}
            rowKey={(c) => c.id}
            empty={empty}
            filter={{ label: 'Show', options: FILTERS }}
            render={(c) => (
              <>
                <div className="portal-card-top">
                  <span className="portal-amount">{c.currency ? formatMoney(c.amount, c.currency) : c.type === 'lead' ? 'Lead' : '—'}</span>
                  <ConversionBadge status={c.status} />
                </div>
                {c.refundState !== 'none' && c.currency ? (
                  <div className="small portal-reason">{c.refundState === 'full' ? 'Fully refunded' : `${formatMoney(c.refundedAmount, c.currency)} refunded`}</div>
                ) : null}
                <div className="small">
                  {c.type === 'sale' ? 'Sale' : 'Lead'} · {formatDateTime(c.occurredAt)}
                  {c.orderId ? (
                    <>
                      {' '}
                      · order <code>{c.orderId}</code>
                    </>
                  ) : null}
                </div>
                <div className="small muted">
                  Via {attributionLabel(c.attributionMethod).toLowerCase()}
                  {c.campaignId && names.get(c.campaignId) ? ` · ${names.get(c.campaignId)}` : ''}
                </div>
              </>
            )}
          />
        ) : null}
        {list.first && !narrow ? (
          <DataTable
            caption="Your conversions"
            columns={columns}
            rows={list.rows}
            rowKey={(c) => c.id}
            initialSort={{ key: 'occurredAt', dir: 'desc' }}
            empty={empty}
          />
        ) : null}
        <LoadMore hasMore={list.hasMore} busy={list.loadingMore} onClick={list.loadMore} what="conversions" />
      </Card>
    </>
  );
}

import { useMemo } from 'react';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { Card, EmptyState, ErrorBanner, Loading, Notice, PageHeader } from '../../components/ui.tsx';
import { formatDateTime, formatMoney } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { CardList, useNarrow } from './card-list.tsx';
import { DeliverableBadge, deliverableStatusLabel } from './shared.tsx';
import type { Deliverable } from './types.ts';

const DAY_MS = 86400_000;

/** "in 3 days", "2 days late" — relative to now, for a due date. */
function dueIn(iso: string, status: string): string | null {
  if (status === 'live') return null;
  const days = Math.round((Date.parse(iso) - Date.now()) / DAY_MS);
  if (status === 'overdue') return days >= 0 ? 'late' : `${-days} ${days === -1 ? 'day' : 'days'} late`;
  if (days <= 0) return 'today';
  return `in ${days} ${days === 1 ? 'day' : 'days'}`;
}

/** What the creator owes brands (posts, reels…) across partnerships, soonest first, overdue marked. */
export function DeliverablesPage() {
  const { data, error, loading, reload } = useApi<{ data: Deliverable[] }>('/api/v1/portal/deliverables');
  const rows = data?.data ?? [];
  const overdue = rows.filter((d) => d.status === 'overdue');
  const columns = useMemo<Column<Deliverable>[]>(
    () => [
      {
        key: 'dueAt',
        header: 'Due',
        render: (d) => {
          const rel = dueIn(d.dueAt, d.status);
          return (
            <span className={d.status === 'overdue' ? 'portal-overdue' : undefined}>
              {formatDateTime(d.dueAt)}
              {rel ? <span className="small muted"> ({rel})</span> : null}
            </span>
          );
        },
      },
      { key: 'type', header: 'What', render: (d) => <strong>{d.type}</strong> },
      { key: 'campaignName', header: 'Campaign' },
      { key: 'status', header: 'Status', value: (d) => deliverableStatusLabel(d.status), render: (d) => <DeliverableBadge status={d.status} /> },
      { key: 'fee', header: 'Fee', align: 'right', value: (d) => d.fee?.amount, render: (d) => (d.fee ? formatMoney(d.fee.amount, d.fee.currency) : '—') },
      {
        key: 'postUrl',
        header: 'Post',
        sortable: false,
        render: (d) =>
          d.postUrl ? (
            <a href={d.postUrl} target="_blank" rel="noopener noreferrer">
              View post<span className="sr-only"> for {d.type}</span>
            </a>
          ) : (
            '—'
          ),
      },
    ],
    [],
  );

  const narrow = useNarrow();
  const empty = <EmptyState title="No deliverables">When a brand agrees posts with you (a reel, a story…), they show up here with their due dates.</EmptyState>;
  return (
    <>
      <PageHeader title="Deliverables" description="The posts you agreed to make for each partnership, with their due dates." />
      <ErrorBanner error={error} onRetry={reload} />
      {!data && loading ? <Loading /> : null}
      {overdue.length ? (
        <div className="banner error" role="status">
          <span>
            ⚠ <strong>{overdue.length === 1 ? '1 deliverable is overdue' : `${overdue.length} deliverables are overdue`}</strong>: post it as soon as you can, or tell the brand
            if you need more time.
          </span>
        </div>
      ) : rows.length ? (
        <Notice tone="success">Nothing is overdue.</Notice>
      ) : null}
      {data ? (
        <Card>
          {narrow ? (
            <CardList
              label="Your deliverables"
              rows={rows}
              rowKey={(d) => d.id}
              empty={empty}
              render={(d) => {
                const rel = dueIn(d.dueAt, d.status);
                return (
                  <div className={d.status === 'overdue' ? 'portal-card-overdue' : undefined}>
                    <div className="portal-card-top">
                      <strong>{d.type}</strong>
                      <DeliverableBadge status={d.status} />
                    </div>
                    <div className={`small ${d.status === 'overdue' ? 'portal-overdue' : ''}`}>
                      Due {formatDateTime(d.dueAt)}
                      {rel ? ` (${rel})` : ''}
                    </div>
                    <div className="small muted">
                      {d.campaignName}
                      {d.fee ? ` · fee ${formatMoney(d.fee.amount, d.fee.currency)}` : ''}
                    </div>
                    {d.postUrl ? (
                      <a className="small" href={d.postUrl} target="_blank" rel="noopener noreferrer">
                        View post<span className="sr-only"> for {d.type}</span>
                      </a>
                    ) : null}
                  </div>
                );
              }}
            />
          ) : (
            <DataTable
              caption="Your deliverables"
              columns={columns}
              rows={rows}
              rowKey={(d) => d.id}
              initialSort={{ key: 'dueAt', dir: 'asc' }}
              empty={empty}
            />
          )}
        </Card>
      ) : null}
    </>
  );
}

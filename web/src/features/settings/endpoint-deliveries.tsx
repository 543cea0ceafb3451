import { useState } from 'react';
import { Badge, ErrorBanner, Loading, Notice } from '../../components/ui.tsx';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import type { OutgoingDelivery } from './types.ts';

const STATUS: Record<string, { tone: 'good' | 'warn' | 'bad' | 'neutral'; words: string }> = {
  delivered: { tone: 'good', words: '✓ Delivered' },
  pending: { tone: 'warn', words: '… Pending / retrying' },
  failed: { tone: 'bad', words: '✗ Failed' },
};

/** Sent events of one endpoint, each with its last answer, and Replay to send one again. */
export function EndpointDeliveries({ endpointId }: { endpointId: string }) {
  const { data, error, loading, reload } = useApi<{ data: OutgoingDelivery[] }>(`/api/v1/webhook-endpoints/${endpointId}/deliveries`, { limit: 100 });
  const [busy, setBusy] = useState<string | null>(null);
  const [replayError, setReplayError] = useState<unknown>(null);
  const [replayed, setReplayed] = useState<string | null>(null);
  const replay = async (d: OutgoingDelivery) => {
    setBusy(d.id);
    setReplayError(null);
    setReplayed(null);
    try {
      await api(`/api/v1/webhook-deliveries/${d.id}/replay`, { method: 'POST' });
      setReplayed(`${d.eventType} (${d.eventId}) is queued to be sent again.`);
      reload();
    } catch (err) {
      setReplayError(err);
    } finally {
      setBusy(null);
    }
  };
  const columns: Column<OutgoingDelivery>[] = [
    { key: 'createdAt', header: 'Sent', render: (d) => formatDateTime(d.createdAt) },
    { key: 'eventType', header: 'Event', render: (d) => <code>{d.eventType}</code> },
    { key: 'status', header: 'Status', render: (d) => <Badge tone={STATUS[d.status]?.tone ?? 'neutral'}>{STATUS[d.status]?.words ?? d.status}</Badge> },
    { key: 'lastStatusCode', header: 'Last answer', align: 'right', render: (d) => (d.lastStatusCode === null ? '—' : `HTTP ${d.lastStatusCode}`) },
    { key: 'attemptCount', header: 'Attempts', align: 'right' },
    {
      key: 'error',
      header: 'Last error',
      value: (d) => d.attempts.at(-1)?.error ?? '',
      render: (d) => (d.attempts.at(-1)?.error ? <span className="small">{d.attempts.at(-1)!.error}</span> : <span className="muted">—</span>),
    },
    {
      key: 'actions',
      header: 'Actions',
      sortable: false,
      render: (d) => (
        <button type="button" className="secondary small" disabled={busy !== null} aria-label={`Replay ${d.eventType} sent ${formatDateTime(d.createdAt)}`} onClick={() => replay(d)}>
          {busy === d.id ? 'Replaying…' : 'Replay'}
        </button>
      ),
    },
  ];
  return (
    <div className="deliveries">
      <ErrorBanner error={error} onRetry={reload} />
      <ErrorBanner error={replayError} />
      {replayed ? <Notice tone="success">{replayed}</Notice> : null}
      {!data && loading ? <Loading /> : null}
      {data ? (
        <DataTable
          caption="Deliveries"
          columns={columns}
          rows={data.data}
          rowKey={(d) => d.id}
          initialSort={{ key: 'createdAt', dir: 'desc' }}
          empty={<p className="muted small">No events sent to this endpoint yet. They appear here as soon as a subscribed event happens.</p>}
        />
      ) : null}
      <button type="button" className="link-button small" onClick={reload}>
        Refresh deliveries
      </button>
    </div>
  );
}

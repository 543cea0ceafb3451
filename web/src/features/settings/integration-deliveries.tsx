import { Badge, ErrorBanner } from '../../components/ui.tsx';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import type { IntegrationDelivery, Provider } from './types.ts';

const RESULT_TONE: Record<string, 'good' | 'warn' | 'bad' | 'info' | 'neutral'> = {
  created: 'good',
  duplicate: 'info',
  refund: 'info',
  ignored: 'neutral',
  deferred: 'warn',
  ping: 'neutral',
  rejected: 'bad',
  error: 'bad',
};
const RESULT_WORDS: Record<string, string> = {
  created: 'conversion recorded',
  duplicate: 'already recorded',
  refund: 'refund recorded',
  ignored: 'ignored',
  deferred: 'waiting for the order',
  ping: 'test ping',
  rejected: 'rejected',
  error: 'error',
};

const columns: Column<IntegrationDelivery>[] = [
  { key: 'receivedAt', header: 'Received', render: (d) => formatDateTime(d.receivedAt) },
  { key: 'topic', header: 'Event', render: (d) => (d.topic ? <code>{d.topic}</code> : '—') },
  {
    key: 'verified',
    header: 'Verified',
    value: (d) => (d.verified ? 'yes' : 'no'),
    render: (d) => (d.verified ? <Badge tone="good">✓ Signature valid</Badge> : <Badge tone="bad">✗ Not verified</Badge>),
  },
  { key: 'result', header: 'Result', render: (d) => <Badge tone={RESULT_TONE[d.result] ?? 'neutral'}>{RESULT_WORDS[d.result] ?? d.result}</Badge> },
  { key: 'error', header: 'Error or reason', render: (d) => (d.error ? <span className="small">{d.error}</span> : <span className="muted">—</span>) },
];

/** The last deliveries received for one integration: what came, whether it verified, what it did. */
export function IntegrationDeliveries({ provider, name }: { provider: Provider; name: string }) {
  const { data, error, reload } = useApi<{ data: IntegrationDelivery[] }>(`/api/v1/integrations/${provider}/deliveries`, { limit: 100 });
  return (
    <div className="deliveries">
      <h3>Delivery log</h3>
      <ErrorBanner error={error} onRetry={reload} />
      {data ? (
        <DataTable
          caption={`${name} deliveries`}
          columns={columns}
          rows={data.data}
          rowKey={(d) => String(d.id)}
          initialSort={{ key: 'receivedAt', dir: 'desc' }}
          empty={<p className="muted small">Nothing received yet. Once {name} sends its first event it appears here, with whether its signature verified.</p>}
        />
      ) : null}
      <button type="button" className="link-button small" onClick={reload} aria-label={`Refresh ${name} delivery log`}>
        Refresh
      </button>
    </div>
  );
}

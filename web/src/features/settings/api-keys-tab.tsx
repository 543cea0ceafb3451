import { useRef, useState } from 'react';
import { Badge, Card, ErrorBanner, Loading } from '../../components/ui.tsx';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { AdminOnly } from './admin-only.tsx';
import { ApiKeyForm } from './api-key-form.tsx';
import { ConfirmButton } from './confirm-dialog.tsx';
import { SecretOnce } from './secret-once.tsx';
import type { ApiKey } from './types.ts';

export function ApiKeysTab() {
  return (
    <AdminOnly what="API keys">
      <ApiKeys />
    </AdminOnly>
  );
}

function ApiKeys() {
  const { data, error, loading, reload } = useApi<{ data: ApiKey[] }>('/api/v1/api-keys');
  const [creating, setCreating] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const refocus = () => requestAnimationFrame(() => opener.current?.focus());
  const [created, setCreated] = useState<{ apiKey: ApiKey; secret: string } | null>(null);
  const [showRevoked, setShowRevoked] = useState(false);
  const keys = (data?.data ?? []).filter((k) => showRevoked || !k.revokedAt);
  const revokedCount = (data?.data ?? []).filter((k) => k.revokedAt).length;
  const columns: Column<ApiKey>[] = [
    { key: 'name', header: 'Name', render: (k) => <strong>{k.name}</strong> },
    { key: 'prefix', header: 'Key starts with', render: (k) => <code>{k.prefix}…</code> },
    { key: 'scopes', header: 'Scopes', value: (k) => k.scopes.join(', '), render: (k) => k.scopes.map((s) => <Badge key={s} tone={s === 'write' ? 'warn' : 'info'}>{s}</Badge>) },
    { key: 'lastUsedAt', header: 'Last used', render: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt) : <span className="muted">never</span>) },
    { key: 'createdAt', header: 'Created', render: (k) => formatDateTime(k.createdAt) },
    {
      key: 'actions',
      header: 'Actions',
      sortable: false,
      value: (k) => (k.revokedAt ? 'revoked' : 'active'),
      render: (k) =>
        k.revokedAt ? (
          <Badge tone="bad">Revoked {formatDateTime(k.revokedAt)}</Badge>
        ) : (
          <ConfirmButton
            label="Revoke"
            ariaLabel={`Revoke ${k.name} (${k.prefix}…)`}
            title={`Revoke “${k.name}”?`}
            confirmLabel="Revoke key"
            onConfirm={async () => {
              await api(`/api/v1/api-keys/${k.id}`, { method: 'DELETE' });
              reload();
            }}
          >
            <p>
              Anything that uses the key starting with <code>{k.prefix}</code> stops working at once (its requests get 401). This cannot be undone; create a new key to
              replace it.
            </p>
          </ConfirmButton>
        ),
    },
  ];
  return (
    <div>
      <div className="endpoint-row">
        <p className="muted" style={{ margin: 0, flex: '1 1 400px' }}>
          API keys let your own systems call the Advocate REST API (<code>Authorization: Bearer adv_…</code>). A read key can only look; a write key can also create
          and change data. Keys cannot manage keys or users.{' '}
          <a href="/api/v1/openapi.json" target="_blank" rel="noreferrer">
            OpenAPI reference
          </a>
        </p>
        <button ref={opener} type="button" onClick={() => setCreating(true)}>
          Create API key
        </button>
      </div>
      {created && !data?.data.find((k) => k.id === created.apiKey.id)?.revokedAt ? (
        <Card title={`API key “${created.apiKey.name}” created`}>
          <SecretOnce label="API key" value={created.secret} onDismiss={() => setCreated(null)} />
        </Card>
      ) : null}
      {creating ? (
        <Card title="New API key">
          <ApiKeyForm
            onCancel={() => {
              setCreating(false);
              refocus();
            }}
            onCreated={(answer) => {
              setCreated(answer);
              setCreating(false);
              reload();
            }}
          />
        </Card>
      ) : null}
      <ErrorBanner error={error} onRetry={reload} />
      {!data && loading ? <Loading /> : null}
      {data ? (
        <Card title="API keys">
          {revokedCount > 0 ? (
            <label className="check-label small">
              <input type="checkbox" checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)} />
              Show {revokedCount} revoked key{revokedCount === 1 ? '' : 's'}
            </label>
          ) : null}
          <DataTable
            caption="API keys"
            columns={columns}
            rows={keys}
            rowKey={(k) => k.id}
            initialSort={{ key: 'createdAt', dir: 'desc' }}
            empty={<p className="muted">No active API keys. Create one to connect your own systems.</p>}
          />
        </Card>
      ) : null}
    </div>
  );
}

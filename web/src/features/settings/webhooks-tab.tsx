import { useRef, useState } from 'react';
import { Card, EmptyState, ErrorBanner, Loading } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { AdminOnly } from './admin-only.tsx';
import { EndpointCard } from './endpoint-card.tsx';
import { EndpointForm, type EndpointInput } from './endpoint-form.tsx';
import { SecretOnce } from './secret-once.tsx';
import type { WebhookEndpoint } from './types.ts';

export function WebhooksTab() {
  return (
    <AdminOnly what="webhook endpoints">
      <Webhooks />
    </AdminOnly>
  );
}

/** Outgoing webhooks: endpoints on the brand's side that receive Advocate's events. */
function Webhooks() {
  const { data, error, loading, reload } = useApi<{ data: WebhookEndpoint[] }>('/api/v1/webhook-endpoints');
  const [adding, setAdding] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const [created, setCreated] = useState<{ endpoint: WebhookEndpoint; secret: string } | null>(null);
  const create = async (input: EndpointInput) => {
    const answer = await api<{ endpoint: WebhookEndpoint; secret: string }>('/api/v1/webhook-endpoints', { body: input });
    setCreated(answer);
    setAdding(false);
    reload();
  };
  const addButton = (
    <button ref={opener} type="button" onClick={() => setAdding(true)}>
      Add endpoint
    </button>
  );
  return (
    <div className="settings-form">
      <div className="endpoint-row">
        <p className="muted" style={{ margin: 0, flex: '1 1 400px' }}>
          Send Advocate’s events (new conversions, approved commissions, payouts, deliverables) to your own systems — a CRM, a data warehouse, Zapier or Slack.
        </p>
        {data && data.data.length > 0 ? addButton : null}
      </div>
      <ErrorBanner error={error} onRetry={reload} />
      {created ? (
        <Card title="Endpoint added">
          <p>
            Events to <code>{created.endpoint.url}</code> are signed with this secret. Verify the <code>Advocate-Signature</code> header with it on your side.
          </p>
          <SecretOnce label="signing secret" value={created.secret} onDismiss={() => setCreated(null)} />
        </Card>
      ) : null}
      {adding ? (
        <Card title="New endpoint">
          <EndpointForm
            submitLabel="Create endpoint"
            onSubmit={create}
            onCancel={() => {
              setAdding(false);
              requestAnimationFrame(() => opener.current?.focus());
            }}
          />
        </Card>
      ) : null}
      {!data && loading ? <Loading /> : null}
      {data && data.data.length === 0 && !adding ? (
        <EmptyState title="No webhook endpoints yet" action={addButton}>
          Add an endpoint to get a signed POST whenever a conversion is recorded, a commission is approved or a payout is paid.
        </EmptyState>
      ) : null}
      {data?.data.map((ep) => <EndpointCard key={ep.id} endpoint={ep} onChanged={reload} />)}
    </div>
  );
}

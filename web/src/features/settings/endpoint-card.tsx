import { useRef, useState } from 'react';
import { Badge, Card, ErrorBanner } from '../../components/ui.tsx';
import { friendly } from './field-errors.ts';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { ConfirmButton } from './confirm-dialog.tsx';
import { EndpointDeliveries } from './endpoint-deliveries.tsx';
import { EndpointForm, type EndpointInput } from './endpoint-form.tsx';
import { SecretOnce } from './secret-once.tsx';
import type { WebhookEndpoint } from './types.ts';
import { EVENTS } from './webhook-events.ts';

/** One endpoint: its events and status, Edit, Rotate secret, Delete and its delivery log. */
export function EndpointCard({ endpoint: ep, onChanged }: { endpoint: WebhookEndpoint; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const stopEditing = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const [showLog, setShowLog] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const label = (t: string) => EVENTS.find((e) => e.type === t)?.label ?? t;
  const update = async (input: EndpointInput) => {
    await api(`/api/v1/webhook-endpoints/${ep.id}`, { method: 'PATCH', body: input });
    stopEditing();
    onChanged();
  };
  return (
    <Card
      title={ep.description || ep.url}
      actions={ep.enabled ? <Badge tone="good">Enabled</Badge> : <Badge tone="warn">Disabled</Badge>}
    >
      {editing ? (
        <EndpointForm initial={ep} submitLabel="Save endpoint" onSubmit={update} onCancel={stopEditing} />
      ) : (
        <>
          <dl className="kv wide">
            <dt>URL</dt>
            <dd>
              <code className="url">{ep.url}</code>
            </dd>
            <dt>Events</dt>
            <dd>
              {ep.events.map((t) => (
                <span key={t}>
                  <Badge tone="info">{label(t)}</Badge>{' '}
                </span>
              ))}
            </dd>
            <dt>Signing secret</dt>
            <dd>{ep.secretHint}</dd>
            <dt>Created</dt>
            <dd>{formatDateTime(ep.createdAt)}</dd>
          </dl>
          {secret ? <SecretOnce label="new signing secret" value={secret} onDismiss={() => setSecret(null)} /> : null}
          <ErrorBanner error={friendly(error)} />
          <div className="form-actions">
            <button ref={editButton} type="button" className="secondary" aria-label={`Edit endpoint ${ep.url}`} onClick={() => setEditing(true)}>
              Edit endpoint
            </button>
            <button type="button" className="secondary" aria-expanded={showLog} aria-label={`${showLog ? 'Hide' : 'Show'} deliveries of ${ep.url}`} onClick={() => setShowLog((s) => !s)}>
              {showLog ? 'Hide deliveries' : 'Show deliveries'}
            </button>
            <ConfirmButton
              label="Rotate secret"
              ariaLabel={`Rotate secret of ${ep.url}`}
              title="Rotate the signing secret?"
              confirmLabel="Rotate secret"
              small={false}
              tone="secondary"
              onConfirm={async () => {
                setError(null);
                const answer = await api<{ secret?: string }>(`/api/v1/webhook-endpoints/${ep.id}`, { method: 'PATCH', body: { rotateSecret: true } });
                setSecret(answer.secret ?? null);
                onChanged();
              }}
            >
              <p>The current secret stops signing at once: events will fail verification on your side until you paste the new secret, which is shown once.</p>
            </ConfirmButton>
            <ConfirmButton
              label="Delete endpoint"
              ariaLabel={`Delete endpoint ${ep.url}`}
              title="Delete this endpoint?"
              confirmLabel="Delete endpoint"
              small={false}
              onConfirm={async () => {
                await api(`/api/v1/webhook-endpoints/${ep.id}`, { method: 'DELETE' });
                onChanged();
              }}
            >
              <p>
                <code>{ep.url}</code> will receive no more events, and its delivery log is deleted with it. This cannot be undone.
              </p>
            </ConfirmButton>
          </div>
          {showLog ? <EndpointDeliveries endpointId={ep.id} /> : null}
        </>
      )}
    </Card>
  );
}

import { useState, type FormEvent } from 'react';
import { Card, CopyButton, ErrorBanner, Field, Notice } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { fieldError, friendly } from './field-errors.ts';
import { IntegrationDeliveries } from './integration-deliveries.tsx';
import { PROVIDERS } from './integration-info.tsx';
import { IntegrationStatus } from './integration-status.tsx';
import type { Integration, Provider } from './types.ts';

/** Stripe, Shopify or WooCommerce: the webhook URL to paste there and the signing secret to paste here. */
export function ProviderCard({ provider, integration, onChanged }: { provider: Provider; integration: Integration | undefined; onChanged: () => void }) {
  const info = PROVIDERS[provider];
  const { workspaceId } = useSession();
  const webhookUrl = `${window.location.origin}/api/v1/webhooks/${provider}/${workspaceId}`;
  const [secret, setSecret] = useState('');
  const [enabled, setEnabled] = useState(integration?.enabled ?? true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await api(`/api/v1/integrations/${provider}`, { method: 'PUT', body: { enabled, ...(secret.trim() ? { secret: secret.trim() } : {}) } });
      setSecret('');
      setSaved(true);
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={info.name} actions={<IntegrationStatus integration={integration} />}>
      <p>{info.what}</p>
      <p className="small muted">{info.steps}</p>
      <dl className="kv wide">
        <dt>Webhook URL</dt>
        <dd>
          <code data-testid={`${provider}-webhook-url`}>{webhookUrl}</code> <CopyButton text={webhookUrl} label="Copy URL" />
        </dd>
        {integration ? (
          <>
            <dt>Signing secret</dt>
            <dd>{integration.secretHint ? <>saved ({integration.secretHint})</> : 'none'}</dd>
            <dt>Last changed</dt>
            <dd>{formatDateTime(integration.updatedAt)}</dd>
          </>
        ) : null}
      </dl>
      <form onSubmit={submit} aria-label={`${info.name} settings`} noValidate>
        <div className="form-row">
          <Field
            label={info.secretLabel ?? 'Signing secret'}
            hint={
              integration
                ? `${info.secretHint} Leave empty to keep the saved secret; it is stored encrypted and never shown again.`
                : `${info.secretHint} Stored encrypted and never shown again.`
            }
            error={fieldError(error, 'secret')}
          >
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                type="password"
                autoComplete="new-password"
                spellCheck={false}
                placeholder={integration?.secretHint ? `saved: ${integration.secretHint}` : ''}
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
              />
            )}
          </Field>
        </div>
        <label className="check-label">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          Accept {info.name} webhooks
        </label>
        <ErrorBanner error={friendly(error)} />
        {saved && !error ? <Notice tone="success">{info.name} settings saved. Send a test event from {info.name} and watch the delivery log below.</Notice> : null}
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : integration ? `Save ${info.name}` : `Connect ${info.name}`}
          </button>
        </div>
      </form>
      <IntegrationDeliveries provider={provider} name={info.name} />
    </Card>
  );
}

import { useState } from 'react';
import { Card, CopyButton, ErrorBanner, Notice } from '../../components/ui.tsx';
import { friendly } from './field-errors.ts';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { ConfirmButton } from './confirm-dialog.tsx';
import { IntegrationDeliveries } from './integration-deliveries.tsx';
import { PROVIDERS } from './integration-info.tsx';
import { IntegrationStatus } from './integration-status.tsx';
import { SecretOnce } from './secret-once.tsx';
import type { Integration, WorkspaceSettings } from './types.ts';

type Answer = { integration: Integration; token?: string; signingSecret?: string };

/** The <script> tag for the shop, with the workspace's click id parameter and a cookie at least as long as the window. */
export function snippetTag(key: string, settings: WorkspaceSettings | undefined): string {
  const attrs = [`src="${window.location.origin}/t.js"`, `data-key="${key}"`];
  if (settings && settings.clickIdParam !== 'adv_click') attrs.push(`data-param="${settings.clickIdParam}"`);
  if (settings && settings.attribution.windowDays > 90) attrs.push(`data-days="${settings.attribution.windowDays}"`);
  return `<script ${attrs.join(' ')} async></script>`;
}

const postbackUrl = (token: string) => `${window.location.origin}/api/v1/postback/${token}`;
const POSTBACK_EXAMPLE = '?type=sale&order_id={order_id}&amount={total}&currency={currency}&click_id={click_id}';

/** Postback URL and JS snippet: Advocate generates the token (shown once), rotation replaces it. */
export function TokenCard(props: { provider: 'postback' | 'snippet'; integration: Integration | undefined; settings: WorkspaceSettings | undefined; onChanged: () => void }) {
  const { provider, integration, settings } = props;
  const info = PROVIDERS[provider];
  const isPostback = provider === 'postback';
  const [fresh, setFresh] = useState<Answer | null>(null);
  const [enabled, setEnabled] = useState(integration?.enabled ?? true);
  const [requireSignature, setRequireSignature] = useState(integration?.requireSignature ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const put = async (body: Record<string, unknown>) => {
    const answer = await api<Answer>(`/api/v1/integrations/${provider}`, { method: 'PUT', body: { enabled, ...(isPostback ? { requireSignature } : {}), ...body } });
    if (answer.token) setFresh(answer);
    props.onChanged();
  };
  const run = async (body: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await put(body);
      setSaved(!('rotate' in body) && Boolean(integration));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const what = isPostback ? 'postback URL' : 'snippet key';

  return (
    <Card title={info.name} actions={<IntegrationStatus integration={integration} />}>
      <p>{info.what}</p>
      <p className="small muted">{info.steps}</p>
      {fresh?.token ? (
        <>
          <SecretOnce label={isPostback ? 'postback URL' : 'snippet tag'} value={isPostback ? postbackUrl(fresh.token) : snippetTag(fresh.token, settings)} onDismiss={() => setFresh(null)} />
          {fresh.signingSecret ? <SecretOnce label="postback signing secret" value={fresh.signingSecret} /> : null}
          {isPostback ? (
            <p className="small">
              Example: <code>{postbackUrl(fresh.token) + POSTBACK_EXAMPLE}</code>
            </p>
          ) : null}
        </>
      ) : integration ? (
        <dl className="kv wide">
          <dt>{isPostback ? 'Postback URL' : 'Snippet tag'}</dt>
          <dd>
            <code>{isPostback ? postbackUrl('pb_…') : snippetTag('pk_…', settings)}</code>
            <div className="hint">
              The {what} was shown once when it was created; Advocate keeps only a hash of it. Lost it? Rotate to get a new one (the old one stops working at once).
            </div>
          </dd>
          {isPostback ? (
            <>
              <dt>Signing secret</dt>
              <dd>{integration.secretHint ? `saved (${integration.secretHint})` : 'none'}</dd>
            </>
          ) : null}
          <dt>Created</dt>
          <dd>{formatDateTime(integration.createdAt)}</dd>
        </dl>
      ) : null}
      {integration ? (
        <form
          aria-label={`${info.name} settings`}
          onSubmit={(e) => {
            e.preventDefault();
            void run({});
          }}
        >
          <label className="check-label">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
            {isPostback ? 'Accept postbacks' : 'Accept conversions from the snippet'}
          </label>
          {isPostback ? (
            <>
              <br />
              <label className="check-label">
                <input type="checkbox" checked={requireSignature} onChange={(e) => setRequireSignature(e.target.checked)} />
                Refuse postbacks without a valid <code>sig</code> parameter
              </label>
            </>
          ) : null}
          <ErrorBanner error={friendly(error)} />
          {saved && !error ? <Notice tone="success">{info.name} settings saved.</Notice> : null}
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Saving…' : `Save ${info.name}`}
            </button>
            <ConfirmButton
              label={isPostback ? 'Rotate postback URL' : 'Rotate snippet key'}
              title={`Rotate the ${what}?`}
              confirmLabel={isPostback ? 'Rotate postback URL' : 'Rotate snippet key'}
              small={false}
              tone="secondary"
              onConfirm={() => put({ rotate: true })}
            >
              <p>
                The current {what} stops working immediately{isPostback ? ' and a new signing secret is made' : ''}. Update your {isPostback ? 'platform' : 'shop pages'} with
                the new one shown next.
              </p>
            </ConfirmButton>
          </div>
        </form>
      ) : (
        <>
          <ErrorBanner error={friendly(error)} />
          <button type="button" disabled={busy} onClick={() => void run({})}>
            {busy ? 'Creating…' : isPostback ? 'Create postback URL' : 'Create snippet key'}
          </button>
        </>
      )}
      <IntegrationDeliveries provider={provider} name={info.name} />
    </Card>
  );
}

import { ErrorBanner, Loading } from '../../components/ui.tsx';
import { useApi } from '../../lib/use-api.ts';
import { AdminOnly } from './admin-only.tsx';
import { PROVIDER_ORDER } from './integration-info.tsx';
import { ProviderCard } from './provider-card.tsx';
import { TokenCard } from './token-card.tsx';
import type { Integration, Workspace } from './types.ts';

/** Stripe, Shopify, WooCommerce (signed webhooks), the postback URL and the JS snippet. */
export function IntegrationsTab() {
  return (
    <AdminOnly what="integrations">
      <Integrations />
    </AdminOnly>
  );
}

function Integrations() {
  const { data, error, loading, reload } = useApi<{ data: Integration[] }>('/api/v1/integrations');
  const workspace = useApi<{ workspace: Workspace }>('/api/v1/workspace');
  const byProvider = new Map((data?.data ?? []).map((i) => [i.provider, i]));
  return (
    <div className="settings-form">
      <p className="muted">
        Connect the place where your sales happen so Advocate can attribute them to creators. One way is enough; a webhook from your shop or payment provider is the most
        reliable.
      </p>
      <ErrorBanner error={error} onRetry={reload} />
      {!data && loading ? <Loading /> : null}
      {data
        ? PROVIDER_ORDER.map((p) =>
            p === 'postback' || p === 'snippet' ? (
              <TokenCard key={p} provider={p} integration={byProvider.get(p)} settings={workspace.data?.workspace.settings} onChanged={reload} />
            ) : (
              <ProviderCard key={p} provider={p} integration={byProvider.get(p)} onChanged={reload} />
            ),
          )
        : null}
    </div>
  );
}

import { Link } from 'wouter';
import { Card, EmptyState, ErrorBanner, Loading } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { DomainListEditor } from './domain-list-editor.tsx';
import type { Campaign } from './types.ts';

/** Allowed destination domains are kept per campaign: one list editor per campaign. */
export function CampaignDomains() {
  const { data, error, loading, reload } = useApi<{ data: Campaign[] }>('/api/v1/campaigns', { limit: 200 });
  const campaigns = (data?.data ?? []).filter((c) => c.status !== 'archived');
  return (
    <Card title="Allowed destination domains">
      <p className="muted small">
        Tracking links only ever redirect to these domains (and their subdomains), so a link can never be turned into an open redirect. Each campaign has its own list;
        a new campaign starts with the domain of its destination URL.
      </p>
      <ErrorBanner error={error} onRetry={reload} />
      {!data && loading ? <Loading /> : null}
      {data && campaigns.length === 0 ? (
        <EmptyState title="No campaigns yet" action={<Link href="/campaigns">Create a campaign</Link>}>
          Domains are set per campaign. Create one first.
        </EmptyState>
      ) : null}
      {campaigns.map((c) => (
        <section key={c.id} className="domain-campaign" aria-labelledby={`dom-${c.id}`}>
          <h3 id={`dom-${c.id}`}>
            {c.name} <span className="muted small">→ {c.destinationUrl}</span>
          </h3>
          <DomainListEditor
            owner={c.name}
            domains={c.allowedDomains}
            onSave={async (next) => {
              await api(`/api/v1/campaigns/${c.id}`, { method: 'PATCH', body: { allowedDomains: next } });
              reload();
            }}
          />
        </section>
      ))}
    </Card>
  );
}

import { Link } from 'wouter';
import { EmptyState, ErrorBanner, Loading } from '../../components/ui.tsx';
import { useApi } from '../../lib/use-api.ts';
import { PlanCard } from './plan-card.tsx';
import type { Campaign } from './types.ts';

/** Each campaign's default commission plan (a creator's own override, if any, is set on the partnership). */
export function PlansTab() {
  const { data, error, loading, reload } = useApi<{ data: Campaign[] }>('/api/v1/campaigns', { limit: 200 });
  const campaigns = (data?.data ?? []).filter((c) => c.status !== 'archived');
  return (
    <div className="settings-form">
      <p className="muted">
        The default plan of each campaign decides what creators earn for the sales, leads or clicks attributed to them. A creator can get their own plan on their
        partnership page; that one then wins.
      </p>
      <ErrorBanner error={error} onRetry={reload} />
      {!data && loading ? <Loading /> : null}
      {data && campaigns.length === 0 ? (
        <EmptyState title="No campaigns yet" action={<Link href="/campaigns">Create a campaign</Link>}>
          Commission plans belong to campaigns. Create a campaign first, then set what creators earn here.
        </EmptyState>
      ) : null}
      {campaigns.map((c) => (
        <PlanCard key={c.id} campaign={c} onSaved={reload} />
      ))}
    </div>
  );
}

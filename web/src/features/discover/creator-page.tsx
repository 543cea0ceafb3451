import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { Badge, Card, ErrorBanner, Loading, PageHeader } from '../../components/ui.tsx';
import { useApi } from '../../lib/use-api.ts';
import { AddToCampaignDialog } from './add-to-campaign-dialog.tsx';
import { AuthenticityBadge } from './creator-bits.tsx';
import { PayoutDetailsDialog } from './payout-details-dialog.tsx';
import { PortalAccessCard } from './portal-access.tsx';
import { AudienceCard, PostsByFormatCard, RecentPostsCard } from './profile-charts.tsx';
import { AccountsCard, AuthenticityCard, EngagementCard } from './profile-cards.tsx';
import { CreatorTable } from './results-table.tsx';
import type { CreatorSummary, DiscoverySettings, Profile } from './types.ts';
import './discover.css';

type Partnership = { id: string; campaignId: string; influencerId: string; stage: string };

export default function CreatorPage({ id }: { id: string }) {
  const { data, error, loading, reload } = useApi<{ profile: Profile }>(`/api/v1/influencers/${id}/profile`);
  const similar = useApi<{ data: CreatorSummary[] }>(`/api/v1/influencers/${id}/similar`, { limit: 8 });
  const settings = useApi<{ settings: DiscoverySettings }>('/api/v1/discovery/settings');
  const [dialog, setDialog] = useState<'campaign' | 'invite' | 'payout' | null>(null);
  const p = data?.profile;
  useEffect(() => {
    if (p) document.title = `${p.influencer.name} · Advocate`;
  }, [p]);

  if (!p) {
    return (
      <>
        <PageHeader title="Creator" description={<Link href="/discover">← Back to Discover</Link>} />
        <ErrorBanner error={error} onRetry={reload} />
        {loading ? <Loading label="Loading the creator's profile…" /> : null}
      </>
    );
  }
  const primary = p.accounts.find((a) => a.primary) ?? p.accounts[0];
  const email = p.influencer.email ?? p.accounts.find((a) => a.contactEmail)?.contactEmail ?? '';
  const archived = p.influencer.status === 'archived';
  return (
    <>
      <PageHeader
        title={p.influencer.name}
        description={
          <>
            <Link href="/discover">← Discover</Link>
            {primary ? ` · @${primary.handle}` : ''}
            {p.metrics ? ` · ${p.metrics.tier.label}${p.metrics.tier.midTier ? ' (mid-tier)' : ''}` : ''}
            {p.niches.assigned.length ? ` · ${p.niches.assigned.map((n) => n.label).join(', ')}` : ''}
            {archived ? (
              <>
                {' '}
                <Badge tone="warn">Archived</Badge>
              </>
            ) : null}
            {p.authenticity ? (
              <>
                {' '}
                <AuthenticityBadge score={p.authenticity.score} />
              </>
            ) : null}
          </>
        }
        actions={
          <>
            <button type="button" onClick={() => setDialog('campaign')} disabled={archived}>
              Add to campaign
            </button>
            <button type="button" className="secondary" onClick={() => setDialog('invite')} disabled={archived}>
              Invite to portal
            </button>
            <button type="button" className="secondary" onClick={() => setDialog('payout')}>
              Payout details
            </button>
          </>
        }
      />
      <ErrorBanner error={error} onRetry={reload} />
      <div className="grid cols-2">
        {p.metrics ? <EngagementCard metrics={p.metrics} /> : (
          <Card title="Engagement">
            <p className="muted">No posts imported yet, so there is no engagement rate to compare with the tier benchmark.</p>
          </Card>
        )}
        <AuthenticityCard authenticity={p.authenticity} />
      </div>
      <div className="grid cols-2">
        <AccountsCard accounts={p.accounts} />
        <div>
          <PortalAccessCard influencerId={p.influencer.id} defaultEmail={email} inviteOpen={dialog === 'invite'} onInviteClose={() => setDialog(null)} />
          <CampaignsCard influencerId={p.influencer.id} />
        </div>
      </div>
      <div className="grid cols-2">
        <PostsByFormatCard posts={p.posts} />
        <AudienceCard audience={p.audience} />
      </div>
      <RecentPostsCard posts={p.posts.recent} />
      <Card title="Similar creators">
        <ErrorBanner error={similar.error} onRetry={similar.reload} />
        {similar.loading && !similar.data ? <Loading /> : null}
        {similar.data ? (
          similar.data.data.length ? (
            <CreatorTable rows={similar.data.data} settings={settings.data?.settings} caption="Similar creators" fitHeader="Similarity" />
          ) : (
            <p className="muted">No lookalikes yet: similar creators share words, niches and audience and have between a fifth and five times the followers.</p>
          )
        ) : null}
      </Card>
      <AddToCampaignDialog open={dialog === 'campaign'} influencerId={p.influencer.id} name={p.influencer.name} onClose={() => setDialog(null)} />
      <PayoutDetailsDialog open={dialog === 'payout'} influencerId={p.influencer.id} onClose={() => setDialog(null)} />
    </>
  );
}

/** The creator's partnerships (all campaigns), linking to each. */
function CampaignsCard({ influencerId }: { influencerId: string }) {
  const partnerships = useApi<{ data: Partnership[] }>('/api/v1/partnerships');
  const campaigns = useApi<{ data: { id: string; name: string }[] }>('/api/v1/campaigns', { limit: 200 });
  const mine = (partnerships.data?.data ?? []).filter((x) => x.influencerId === influencerId);
  const name = (cid: string) => campaigns.data?.data.find((c) => c.id === cid)?.name ?? cid;
  return (
    <Card title="Campaigns">
      <ErrorBanner error={partnerships.error} onRetry={partnerships.reload} />
      {partnerships.data ? (
        mine.length ? (
          <ul className="reasons">
            {mine.map((x) => (
              <li key={x.id}>
                <Link href={`/partnerships/${x.id}`}>{name(x.campaignId)}</Link> <Badge>{x.stage}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Not in any campaign yet. Use “Add to campaign” to start a partnership.</p>
        )
      ) : (
        <Loading />
      )}
    </Card>
  );
}

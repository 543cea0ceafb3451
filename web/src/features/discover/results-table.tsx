import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { Badge } from '../../components/ui.tsx';
import { formatNumber } from '../../lib/format.ts';
import { AuthenticityBadge, ErVsTier, FitCell, verdictFor } from './creator-bits.tsx';
import { PLATFORM_LABELS, TIER_NAMES, type CreatorSummary, type DiscoverySettings } from './types.ts';

/** Search results or similar creators: each name links to the profile. */
export function CreatorTable({ rows, settings, caption, fitHeader = 'Fit', empty }: { rows: CreatorSummary[]; settings: DiscoverySettings | undefined; caption: string; fitHeader?: string; empty?: ReactNode }) {
  const [, navigate] = useLocation();
  const columns: Column<CreatorSummary>[] = [
    {
      key: 'name',
      header: 'Creator',
      render: (r) => (
        <>
          <Link href={`/discover/${r.influencerId}`}>{r.name}</Link>
          {r.location || r.country ? <div className="muted small">{[r.location, r.country].filter(Boolean).join(', ')}</div> : null}
        </>
      ),
    },
    {
      key: 'handle',
      header: 'Handle',
      value: (r) => `${r.handle ?? ''} ${r.platform ?? ''}`,
      render: (r) => (
        <>
          {r.handle ? `@${r.handle}` : '—'}
          <div className="muted small">{r.platforms.map((p) => PLATFORM_LABELS[p] ?? p).join(' · ') || '—'}</div>
        </>
      ),
    },
    { key: 'followers', header: 'Followers', align: 'right', render: (r) => formatNumber(r.followers, { notation: 'compact', maximumFractionDigits: 1 }) },
    {
      key: 'tier',
      header: 'Tier',
      value: (r) => r.followers,
      render: (r) => <Badge tone="info">{TIER_NAMES[r.tier === 'micro' && r.midTier ? 'mid-tier' : r.tier] ?? r.tier}</Badge>,
    },
    {
      key: 'engagementRate',
      header: 'Engagement vs tier',
      render: (r) => <ErVsTier er={r.engagementRate} ratio={r.engagementVsTier} verdict={verdictFor(r.engagementRate, r.tier, r.midTier, settings)} />,
    },
    { key: 'authenticityScore', header: 'Authenticity', render: (r) => <AuthenticityBadge score={r.authenticityScore} /> },
    {
      key: 'niches',
      header: 'Niches',
      sortable: false,
      value: (r) => r.niches.map((n) => n.label).join(', '),
      render: (r) => (r.niches.length ? r.niches.map((n) => n.label).join(', ') : <span className="muted">—</span>),
    },
    {
      key: 'fit',
      header: fitHeader,
      value: (r) => (r.fit ?? r.similarity)?.score ?? null,
      render: (r) => (
        <span onClick={(e) => e.stopPropagation()}>
          <FitCell fit={r.fit ?? r.similarity} />
        </span>
      ),
    },
  ];
  const hasFit = rows.some((r) => r.fit ?? r.similarity);
  return <DataTable caption={caption} columns={hasFit ? columns : columns.filter((c) => c.key !== 'fit')} rows={rows} rowKey={(r) => r.influencerId} empty={empty} onRowClick={(r) => navigate(`/discover/${r.influencerId}`)} />;
}

import { useMemo } from 'react';
import { Badge, Card, CopyButton, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/ui.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { CreateLinkForm } from './create-link-form.tsx';
import { LoadMore, usePaged } from './shared.tsx';
import type { Campaign, Coupon, CreatorLink } from './types.ts';

type Page<T> = { data: T[]; nextCursor: string | null };

/** The creator's links (short URL, copy, QR, clicks), a form to make new ones, and coupon codes. */
export function LinksPage() {
  const links = usePaged<CreatorLink, Page<CreatorLink>>('/api/v1/portal/links', (r) => r.data);
  const campaigns = useApi<{ data: Campaign[] }>('/api/v1/portal/campaigns');
  const coupons = useApi<{ data: Coupon[] }>('/api/v1/portal/coupons');
  const names = useMemo(() => new Map((campaigns.data?.data ?? []).map((c) => [c.id, c.name])), [campaigns.data]);

  return (
    <>
      <PageHeader title="Links" description="Share these links and codes: every click and sale through them is credited to you." />
      <Card title="Create a link">
        <ErrorBanner error={campaigns.error} onRetry={campaigns.reload} />
        {campaigns.data ? <CreateLinkForm campaigns={campaigns.data.data} onCreated={links.reload} /> : campaigns.loading ? <Loading /> : null}
      </Card>

      <Card title="Your links">
        <ErrorBanner error={links.error} onRetry={links.reload} />
        {!links.first && links.loading ? <Loading label="Loading your links…" /> : null}
        {links.first && links.rows.length === 0 ? (
          <EmptyState title="No links yet">
            {campaigns.data?.data.length ? 'Create your first link above, or ask the brand to make one for you.' : 'The brand has not added you to a campaign yet; your links appear here as soon as it does.'}
          </EmptyState>
        ) : null}
        <ul className="portal-links">
          {links.rows.map((l) => (
            <LinkItem key={l.id} link={l} />
          ))}
        </ul>
        <LoadMore hasMore={links.hasMore} busy={links.loadingMore} onClick={links.loadMore} what="links" />
      </Card>

      <Card title="Your coupon codes">
        <ErrorBanner error={coupons.error} onRetry={coupons.reload} />
        {!coupons.data && coupons.loading ? <Loading /> : null}
        {coupons.data && coupons.data.data.length === 0 ? (
          <p className="muted">No coupon codes yet. The brand can give you one: buyers who use it are credited to you even without clicking your link.</p>
        ) : null}
        {coupons.data && coupons.data.data.length > 0 ? (
          <ul className="portal-coupons">
            {coupons.data.data.map((c) => (
              <li key={c.id}>
                <code className="portal-code">{c.code}</code>
                <CopyButton text={c.code} label="Copy code" />
                <span className="small muted">{c.campaignId ? (names.get(c.campaignId) ?? 'One campaign') : 'All campaigns'}</span>
                {!c.active ? <Badge tone="neutral">Switched off</Badge> : c.singleUse ? <Badge tone={c.used ? 'neutral' : 'info'}>{c.used ? 'Used (single use)' : 'Single use'}</Badge> : <Badge tone="good">Active</Badge>}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>
    </>
  );
}

function LinkItem({ link: l }: { link: CreatorLink }) {
  return (
    <li className="portal-link">
      <img src={l.qrSvgUrl} alt={`QR code for ${l.shortUrl}`} width={96} height={96} loading="lazy" />
      <div className="portal-link-body">
        <div className="portal-link-head">
          <strong>{l.label || l.campaignName}</strong>
          {l.disabled ? <Badge tone="bad">Switched off</Badge> : null}
        </div>
        <div className="portal-link-url">
          <code>{l.shortUrl}</code>
          <CopyButton text={l.shortUrl} label="Copy link" />
        </div>
        <div className="small muted portal-break">Goes to {l.destinationUrl}</div>
        <div className="small muted">
          {l.label ? `${l.campaignName} · ` : ''}made {formatDate(l.createdAt)}
        </div>
      </div>
      <div className="portal-link-clicks">
        <span className="portal-big">{formatNumber(l.clicks)}</span>
        <span className="small muted">{l.clicks === 1 ? 'click' : 'clicks'}</span>
      </div>
      <a className="small portal-link-qr" href={l.qrSvgUrl} download={`qr-${l.code}.svg`}>
        Download QR<span className="sr-only"> code for {l.shortUrl}</span>
      </a>
    </li>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { CopyButton, EmptyState, ErrorBanner, Field, Loading, Notice } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { ConfirmDialog, LoadMore, StatusBadge, usePagedList, type Creator } from '../commissions/shared.tsx';
import { LinkStats } from './link-stats.tsx';
import type { Campaign, ClickReport, Link } from './types.ts';

type Props = {
  creators: Creator[];
  nameOf: (id: string) => string;
  campaigns: Campaign[];
  /** Bumped by the page after a link is created, to reload the list. */
  version: number;
  onCreate: () => void;
};

const FIVE_YEARS = 5 * 365 * 86400_000;

export function LinksTab({ creators, nameOf, campaigns, version, onCreate }: Props) {
  const [influencerId, setInfluencerId] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [state, setState] = useState('');
  const list = usePagedList<Link>('/api/v1/links', { influencerId, campaignId, disabled: state, limit: 50 });
  const [since] = useState(() => new Date(Date.now() - FIVE_YEARS).toISOString().slice(0, 10));
  const clicks = useApi<ClickReport>('/api/v1/reports/clicks', { groupBy: 'link', from: since, influencerId, campaignId });
  useEffect(() => {
    if (version === 0) return;
    list.reload();
    clicks.reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version]);
  const clicksOf = useMemo(() => new Map((clicks.data?.rows ?? []).map((r) => [r.key, r])), [clicks.data]);
  const [statsFor, setStatsFor] = useState<Link | null>(null);
  const [toDisable, setToDisable] = useState<Link | null>(null);
  const [toggleError, setToggleError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const campaignName = (id: string) => campaigns.find((c) => c.id === id)?.name ?? id;

  const setDisabled = async (link: Link, disabled: boolean) => {
    setBusyId(link.id);
    setToggleError(null);
    try {
      const { link: next } = await api<{ link: Link }>(`/api/v1/links/${link.id}`, { method: 'PATCH', body: { disabled } });
      list.replace((r) => r.id === link.id, next);
      if (statsFor?.id === link.id) setStatsFor(next);
      setDone(`${next.shortUrl} is ${disabled ? 'disabled: its clicks now land on a "link disabled" page' : 'active again'}.`);
    } catch (err) {
      setToggleError(err);
      throw err;
    } finally {
      setBusyId(null);
    }
  };

  const columns: Column<Link>[] = [
    {
      key: 'shortUrl',
      header: 'Short URL',
      value: (l) => `${l.shortUrl} ${l.label ?? ''}`,
      render: (l) => (
        <div className="short-cell">
          <span className="mono" title={l.shortUrl}>
            {l.shortUrl.replace(/^https?:\/\/[^/]+/, '')}
          </span>{' '}
          <CopyButton text={l.shortUrl} />
          {l.label ? <div className="muted small">{l.label}</div> : null}
        </div>
      ),
    },
    { key: 'creator', header: 'Creator', value: (l) => nameOf(l.influencerId) },
    { key: 'campaign', header: 'Campaign', value: (l) => campaignName(l.campaignId) },
    {
      key: 'destination',
      header: 'Destination',
      value: (l) => l.destinationUrl,
      render: (l) => (
        <span className="dest" title={l.trackingUrl ?? l.destinationUrl}>
          {l.destinationUrl.replace(/^https?:\/\//, '')}
        </span>
      ),
    },
    { key: 'status', header: 'Status', value: (l) => (l.disabled ? 'disabled' : 'active'), render: (l) => <StatusBadge status={l.disabled ? 'disabled' : 'active'} /> },
    {
      key: 'clicks',
      header: 'Clicks',
      align: 'right',
      value: (l) => clicksOf.get(l.id)?.humanClicks ?? 0,
      render: (l) => {
        const r = clicksOf.get(l.id);
        return <span title={r ? `${formatNumber(r.uniqueClicks)} unique, ${formatNumber(r.botClicks)} bots filtered` : undefined}>{clicks.data ? formatNumber(r?.humanClicks ?? 0) : '…'}</span>;
      },
    },
    { key: 'createdAt', header: 'Created', value: (l) => l.createdAt, render: (l) => <span title={formatDateTime(l.createdAt)}>{formatDate(l.createdAt)}</span> },
    {
      key: 'actions',
      header: 'Actions',
      sortable: false,
      render: (l) => (
        <div className="row-actions">
          <button type="button" className="secondary small" aria-label={`Stats for ${l.shortUrl}`} aria-pressed={statsFor?.id === l.id} onClick={() => setStatsFor(l)}>
            Stats
          </button>
          {l.disabled ? (
            <button type="button" className="secondary small" disabled={busyId === l.id} aria-label={`Enable ${l.shortUrl}`} onClick={() => setDisabled(l, false).catch(() => {})}>
              {busyId === l.id ? 'Enabling…' : 'Enable'}
            </button>
          ) : (
            <button type="button" className="secondary small" aria-label={`Disable ${l.shortUrl}`} onClick={() => setToDisable(l)}>
              Disable
            </button>
          )}
        </div>
      ),
    },
  ];

  const filtered = influencerId || campaignId || state;
  return (
    <>
      <div className="filters">
        <Field label="Creator">
          {(id) => (
            <select id={id} value={influencerId} onChange={(e) => setInfluencerId(e.target.value)}>
              <option value="">All creators</option>
              {creators.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Campaign">
          {(id) => (
            <select id={id} value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
              <option value="">All campaigns</option>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Status">
          {(id) => (
            <select id={id} value={state} onChange={(e) => setState(e.target.value)}>
              <option value="">Active and disabled</option>
              <option value="false">Active</option>
              <option value="true">Disabled</option>
            </select>
          )}
        </Field>
      </div>
      {done ? <Notice tone="success">{done}</Notice> : null}
      <ErrorBanner error={list.error} onRetry={list.reload} />
      <ErrorBanner error={toggleError} />
      <ErrorBanner error={clicks.error} onRetry={clicks.reload} />
      {list.loading && list.rows.length === 0 ? <Loading /> : null}
      {!list.loading || list.rows.length ? (
        <DataTable
          caption="Tracking links"
          columns={columns}
          rows={list.rows}
          rowKey={(l) => l.id}
          empty={
            <EmptyState
              title={filtered ? 'No links match these filters' : 'No tracking links yet'}
              action={
                <button type="button" onClick={onCreate}>
                  Create link
                </button>
              }
            >
              {filtered ? 'Clear a filter, or create a link for this creator and campaign.' : 'Create a short link for a creator in a campaign: clicks are counted and sales attributed to them.'}
            </EmptyState>
          }
        />
      ) : null}
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={list.loadMore} what="links" />
      <p className="muted small">Clicks are human clicks over the last five years; bots and link previews are filtered out (hover a number for unique and bot clicks).</p>
      {statsFor ? <LinkStats link={statsFor} creator={nameOf(statsFor.influencerId)} campaign={campaignName(statsFor.campaignId)} onClose={() => setStatsFor(null)} /> : null}
      <ConfirmDialog
        open={toDisable !== null}
        title="Disable this link?"
        confirmLabel="Disable link"
        danger
        onConfirm={() => setDisabled(toDisable!, true)}
        onClose={() => setToDisable(null)}
      >
        <p>
          People who click <strong className="mono">{toDisable?.shortUrl}</strong> ({toDisable ? nameOf(toDisable.influencerId) : ''}) will no longer reach your shop, and new clicks will
          not be attributed. You can enable it again at any time.
        </p>
      </ConfirmDialog>
    </>
  );
}

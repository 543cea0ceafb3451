import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ErrorBanner, Loading, PageHeader } from '../../components/ui.tsx';
import { formatMoney } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { CampaignPerformance } from './campaign-performance.tsx';
import { CampaignSettings } from './campaign-settings.tsx';
import { campaignDates, CampaignStatus } from './campaign-bits.tsx';
import { PipelineBoard } from './pipeline-board.tsx';
import { describePlan } from './plan-editor.tsx';
import { GOAL_LABELS, type Campaign } from './types.ts';
import './campaigns.css';

const TABS = [
  { id: 'pipeline', label: 'Pipeline' },
  { id: 'performance', label: 'Performance' },
  { id: 'settings', label: 'Settings' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export default function CampaignPage({ id }: { id: string }) {
  const { data, error, loading, reload } = useApi<{ campaign: Campaign }>(`/api/v1/campaigns/${id}`);
  const search = useSearch();
  const [, navigate] = useLocation();
  const tab = (TABS.find((t) => t.id === new URLSearchParams(search).get('tab'))?.id ?? 'pipeline') as TabId;
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const select = (t: TabId, focus = false) => {
    navigate(t === 'pipeline' ? `/campaigns/${id}` : `/campaigns/${id}?tab=${t}`, { replace: true });
    if (focus) tabRefs.current[t]?.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    select(TABS[next]!.id, true);
  };
  const c = data?.campaign;
  useEffect(() => {
    if (c) document.title = `${c.name} · Campaigns · Advocate`;
  }, [c]);

  if (!c) {
    return (
      <>
        <PageHeader title="Campaign" description={<Link href="/campaigns">← Campaigns</Link>} />
        <ErrorBanner error={error} onRetry={reload} />
        {loading ? <Loading /> : null}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={c.name}
        description={
          <>
            <Link href="/campaigns">← Campaigns</Link> · <CampaignStatus status={c.status} /> · {c.goal ? `Goal: ${GOAL_LABELS[c.goal] ?? c.goal} · ` : ''}
            {campaignDates(c)}
            {c.budget ? ` · Budget ${formatMoney(c.budget.amount, c.budget.currency)}` : ''} · {describePlan(c.commissionPlan)}
          </>
        }
        actions={
          <Link href="/discover" className="button secondary">
            Find creators
          </Link>
        }
      />
      <div className="tabs" role="tablist" aria-label="Campaign sections">
        {TABS.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              tabRefs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => select(t.id)}
            onKeyDown={onKey}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'pipeline' ? <PipelineBoard campaignId={c.id} /> : null}
        {tab === 'performance' ? <CampaignPerformance campaignId={c.id} /> : null}
        {tab === 'settings' ? <CampaignSettings campaign={c} onSaved={() => reload()} /> : null}
      </div>
    </>
  );
}

import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { Badge, Card, ErrorBanner, Field, Loading, Notice, PageHeader } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { CreatorLinksCard } from './creator-links-card.tsx';
import { DeliverablesCard } from './deliverables-card.tsx';
import { PartnershipPerformance, SuggestedFeeCard } from './fee-and-performance.tsx';
import { GiftsCard } from './gifts-card.tsx';
import { STAGE_LABELS, STAGES } from './stages.ts';
import { TermsList } from './terms-fields.tsx';
import type { Campaign, Influencer, PartnershipDetail } from './types.ts';
import './campaigns.css';

export default function PartnershipPage({ id }: { id: string }) {
  const { data, error, loading, reload } = useApi<{ partnership: PartnershipDetail }>(`/api/v1/partnerships/${id}`);
  const me = useSession().user;
  const p = data?.partnership;
  const influencer = useApi<{ influencer: Influencer }>(p ? `/api/v1/influencers/${p.influencerId}` : null);
  const campaigns = useApi<{ data: Campaign[] }>('/api/v1/campaigns', { limit: 200 });
  const campaign = campaigns.data?.data.find((c) => c.id === p?.campaignId);
  const name = influencer.data?.influencer.name ?? p?.influencerId ?? 'Creator';
  useEffect(() => {
    if (p) document.title = `${name} × ${campaign?.name ?? 'campaign'} · Advocate`;
  }, [p, name, campaign]);

  if (!p) {
    return (
      <>
        <PageHeader title="Partnership" description={<Link href="/campaigns">← Campaigns</Link>} />
        <ErrorBanner error={error} onRetry={reload} />
        {loading ? <Loading /> : null}
      </>
    );
  }
  const currency = p.terms.flatFee?.currency ?? p.terms.longTerm?.feePerDeliverable?.currency ?? campaign?.budget?.currency ?? 'USD';
  const campaignName = (cid: string | null) => campaigns.data?.data.find((c) => c.id === cid)?.name ?? cid ?? '—';
  return (
    <>
      <PageHeader
        title={`${name} × ${campaign?.name ?? 'Campaign'}`}
        description={
          <>
            <Link href={`/campaigns/${p.campaignId}`}>← {campaign?.name ?? 'Campaign'} pipeline</Link> · <Link href={`/discover/${p.influencerId}`}>Creator profile</Link> ·{' '}
            <Badge tone={p.stage === 'active' ? 'good' : p.stage === 'declined' ? 'bad' : 'info'}>{STAGE_LABELS[p.stage] ?? p.stage}</Badge>
          </>
        }
        actions={<MoveControl id={p.id} stage={p.stage} onMoved={reload} />}
      />
      <ErrorBanner error={error} onRetry={reload} />
      <div className="grid cols-2">
        <Card title="Terms">
          <TermsList terms={p.terms} />
          {p.terms.longTerm ? <RenewControl id={p.id} onRenewed={reload} /> : null}
        </Card>
        <Card title="Stage history">
          <ol className="history">
            {[...p.history].reverse().map((h, i) => (
              <li key={i}>
                <strong>{h.from ? `${STAGE_LABELS[h.from] ?? h.from} → ` : 'Added as '}{STAGE_LABELS[h.to] ?? h.to}</strong>
                <div className="muted small">
                  {formatDateTime(h.at)} by {h.actor === me.id ? 'you' : h.actor.replace(/^system:/, 'system (') + (h.actor.startsWith('system:') ? ')' : '')}
                  {h.note ? ` — ${h.note}` : ''}
                </div>
              </li>
            ))}
          </ol>
        </Card>
      </div>
      <DeliverablesCard partnershipId={p.id} deliverables={p.deliverables} currency={currency} onChange={reload} />
      <div className="grid cols-2">
        <GiftsCard partnershipId={p.id} gifts={p.gifts} currency={currency} onChange={reload} />
        <SuggestedFeeCard partnershipId={p.id} />
      </div>
      <PartnershipPerformance influencerId={p.influencerId} campaignId={p.campaignId} />
      <CreatorLinksCard influencerId={p.influencerId} campaignId={p.campaignId} campaignName={campaignName} />
    </>
  );
}

function MoveControl({ id, stage, onMoved }: { id: string; stage: string; onMoved: () => void }) {
  const [target, setTarget] = useState(stage);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setTarget(stage), [stage]);
  const move = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/partnerships/${id}/move`, { body: { stage: target, ...(note.trim() ? { note: note.trim() } : {}) } });
      setNote('');
      onMoved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="inline-form" style={{ marginTop: 0 }}>
      <Field label="Stage">
        {(fid) => (
          <select id={fid} value={target} onChange={(e) => setTarget(e.target.value)}>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {STAGE_LABELS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Note (optional)">{(fid) => <input id={fid} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
      <button type="button" onClick={move} disabled={busy || target === stage}>
        {busy ? 'Moving…' : 'Move stage'}
      </button>
      <ErrorBanner error={error} />
    </div>
  );
}

function RenewControl({ id, onRenewed }: { id: string; onRenewed: () => void }) {
  const [months, setMonths] = useState(3);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const renew = async () => {
    if (!window.confirm(`Renew for ${months} more months? Their monthly deliverables are scheduled after the last one.`)) return;
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/partnerships/${id}/renew`, { body: { months } });
      setDone(months);
      onRenewed();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="inline-form">
      <Field label="Renew for">
        {(fid) => (
          <select id={fid} value={months} onChange={(e) => setMonths(Number(e.target.value))}>
            {[1, 2, 3, 4, 5, 6].map((m) => (
              <option key={m} value={m}>
                {m} month{m > 1 ? 's' : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="button" className="secondary" onClick={renew} disabled={busy}>
        {busy ? 'Renewing…' : 'Renew partnership'}
      </button>
      <ErrorBanner error={error} />
      {done ? <Notice tone="success">Renewed for {done} more months.</Notice> : null}
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { DataTable } from '../../components/data-table.tsx';
import { Card, ErrorBanner, Notice } from '../../components/ui.tsx';
import { Modal } from '../../components/modal.tsx';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { campaignToDraft } from './campaign-draft.ts';
import { CampaignForm } from './campaign-form.tsx';
import { describePlan, draftToPlan, planToDraft, PlanEditor, type PlanDraft } from './plan-editor.tsx';
import type { Campaign, Influencer, Partnership } from './types.ts';
import { useInfluencers } from './use-influencers.ts';

/** Edit the campaign (PATCH), archive it, and override the commission plan per creator. */
export function CampaignSettings({ campaign, onSaved }: { campaign: Campaign; onSaved: (c: Campaign) => void }) {
  const [saved, setSaved] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const [archiveError, setArchiveError] = useState<unknown>(null);
  const archive = async () => {
    if (!window.confirm(`Archive “${campaign.name}”? It leaves the campaign list; links, reports and commissions stay. Set its status back to Active to reactivate it.`)) return;
    setArchiving(true);
    setArchiveError(null);
    try {
      const r = await api<{ campaign: Campaign }>(`/api/v1/campaigns/${campaign.id}/archive`, { method: 'POST' });
      onSaved(r.campaign);
    } catch (e) {
      setArchiveError(e);
    } finally {
      setArchiving(false);
    }
  };
  return (
    <>
      <Card title="Campaign settings">
        {saved ? <Notice tone="success">Saved.</Notice> : null}
        <CampaignForm
          key={campaign.updatedAt}
          initial={campaignToDraft(campaign)}
          editing
          submitLabel="Save changes"
          busyLabel="Saving…"
          onSubmit={async (body) => {
            setSaved(false);
            const r = await api<{ campaign: Campaign }>(`/api/v1/campaigns/${campaign.id}`, { method: 'PATCH', body });
            setSaved(true);
            onSaved(r.campaign);
          }}
        />
      </Card>
      <PlanOverrides campaign={campaign} />
      {campaign.status !== 'archived' ? (
        <Card title="Archive">
          <ErrorBanner error={archiveError} />
          <p className="muted">Archiving hides the campaign from the list. Nothing is deleted.</p>
          <button type="button" className="danger" onClick={archive} disabled={archiving}>
            {archiving ? 'Archiving…' : 'Archive campaign'}
          </button>
        </Card>
      ) : null}
    </>
  );
}

/** PUT /api/v1/campaigns/:id/commission-plans/:influencerId for the creators in the pipeline. */
function PlanOverrides({ campaign }: { campaign: Campaign }) {
  const list = useApi<{ data: Partnership[] }>('/api/v1/partnerships', { campaignId: campaign.id });
  const rows = list.data?.data ?? [];
  const people = useInfluencers(rows.map((p) => p.influencerId));
  const [editing, setEditing] = useState<Partnership | null>(null);
  const [done, setDone] = useState<Record<string, Record<string, unknown>>>({});
  const planOf = (p: Partnership) => done[p.influencerId] ?? p.terms.commissionPlan ?? null;
  return (
    <Card title="Commission plan per creator">
      <p className="muted small">Campaign plan: {describePlan(campaign.commissionPlan)}. A creator's own plan replaces it for their sales in this campaign.</p>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {list.data && rows.length === 0 ? <p className="muted">No creators in the pipeline yet.</p> : null}
      {rows.length ? (
        <DataTable<Partnership>
          caption="Commission plan per creator"
          rows={rows}
          rowKey={(p) => p.id}
          columns={[
            { key: 'name', header: 'Creator', value: (p) => people.get(p.influencerId)?.name ?? p.influencerId, render: (p) => <Link href={`/partnerships/${p.id}`}>{people.get(p.influencerId)?.name ?? p.influencerId}</Link> },
            { key: 'stage', header: 'Stage' },
            { key: 'plan', header: 'Plan', value: (p) => (planOf(p) ? describePlan(planOf(p)) : "Campaign's plan"), render: (p) => (planOf(p) ? describePlan(planOf(p)) : <span className="muted">Campaign's plan</span>) },
            {
              key: 'actions',
              header: 'Actions',
              sortable: false,
              value: () => null,
              render: (p) => (
                <button type="button" className="secondary small" aria-label={`Set plan for ${people.get(p.influencerId)?.name ?? p.influencerId}`} onClick={() => setEditing(p)}>
                  Set plan
                </button>
              ),
            },
          ]}
        />
      ) : null}
      {editing ? (
        <OverrideDialog
          campaign={campaign}
          partnership={editing}
          influencer={people.get(editing.influencerId)}
          current={planOf(editing)}
          onClose={() => setEditing(null)}
          onSaved={(plan) => {
            setDone((d) => ({ ...d, [editing.influencerId]: plan }));
            setEditing(null);
          }}
        />
      ) : null}
    </Card>
  );
}

function OverrideDialog(props: { campaign: Campaign; partnership: Partnership; influencer: Influencer | undefined; current: Record<string, unknown> | null; onClose: () => void; onSaved: (plan: Record<string, unknown>) => void }) {
  const { campaign, partnership, influencer, current, onClose, onSaved } = props;
  const [draft, setDraft] = useState<PlanDraft>(() => planToDraft(current ?? campaign.commissionPlan, 'percent'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = draftToPlan(draft);
    setFormError(r.error ?? (r.plan ? null : 'Choose a plan.'));
    if (!r.plan) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api<{ plan: Record<string, unknown> }>(`/api/v1/campaigns/${campaign.id}/commission-plans/${partnership.influencerId}`, { method: 'PUT', body: { plan: r.plan } });
      onSaved(saved.plan);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`Commission plan for ${influencer?.name ?? partnership.influencerId}`} onClose={onClose}>
      <form onSubmit={submit}>
        <ErrorBanner error={error} />
        <PlanEditor value={draft} onChange={setDraft} error={formError} legend={`Plan in ${campaign.name}`} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save plan'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}

import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { DataTable, type Column } from '../../components/data-table.tsx';
import { EmptyState, ErrorBanner, Field, Loading, PageHeader } from '../../components/ui.tsx';
import { Modal } from '../../components/modal.tsx';
import { api } from '../../lib/api.ts';
import { formatMoney } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { newCampaignDraft } from './campaign-draft.ts';
import { CampaignForm } from './campaign-form.tsx';
import { describePlan } from './plan-editor.tsx';
import { campaignDates, CampaignStatus } from './campaign-bits.tsx';
import { GOAL_LABELS, type Campaign } from './types.ts';
import './campaigns.css';

const FILTERS = [
  { value: '', label: 'All but archived' },
  { value: 'active', label: 'Active' },
  { value: 'draft', label: 'Draft' },
  { value: 'paused', label: 'Paused' },
  { value: 'ended', label: 'Ended' },
  { value: 'archived', label: 'Archived' },
];

export default function CampaignsPage() {
  const [status, setStatus] = useState('');
  const { data, error, loading, reload } = useApi<{ data: Campaign[]; nextCursor: string | null }>('/api/v1/campaigns', { limit: 200, status });
  const [creating, setCreating] = useState(false);
  const [archiving, setArchiving] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [, navigate] = useLocation();
  const rows = (data?.data ?? []).filter((c) => status === 'archived' || c.status !== 'archived');

  const archive = async (c: Campaign) => {
    if (!window.confirm(`Archive “${c.name}”? It leaves the campaign list (Show → Archived finds it); its links, reports and commissions stay, and you can reactivate it from its settings.`)) return;
    setArchiving(c.id);
    setActionError(null);
    try {
      await api(`/api/v1/campaigns/${c.id}/archive`, { method: 'POST' });
      reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setArchiving(null);
    }
  };

  const columns: Column<Campaign>[] = [
    { key: 'name', header: 'Name', render: (c) => <Link href={`/campaigns/${c.id}`}>{c.name}</Link> },
    { key: 'goal', header: 'Goal', value: (c) => (c.goal ? GOAL_LABELS[c.goal] ?? c.goal : null), render: (c) => (c.goal ? GOAL_LABELS[c.goal] ?? c.goal : <span className="muted">—</span>) },
    { key: 'status', header: 'Status', render: (c) => <CampaignStatus status={c.status} /> },
    { key: 'startsAt', header: 'Dates', value: (c) => c.startsAt ?? c.createdAt, render: (c) => campaignDates(c) },
    { key: 'budget', header: 'Budget', align: 'right', value: (c) => c.budget?.amount ?? null, render: (c) => (c.budget ? formatMoney(c.budget.amount, c.budget.currency) : <span className="muted">—</span>) },
    { key: 'plan', header: 'Commission', sortable: false, value: (c) => describePlan(c.commissionPlan), render: (c) => <span className="small">{describePlan(c.commissionPlan)}</span> },
    {
      key: 'actions',
      header: 'Actions',
      sortable: false,
      value: () => null,
      render: (c) =>
        c.status === 'archived' ? null : (
          <button
            type="button"
            className="secondary small"
            aria-label={`Archive ${c.name}`}
            disabled={archiving === c.id}
            onClick={(e) => {
              e.stopPropagation();
              void archive(c);
            }}
          >
            {archiving === c.id ? 'Archiving…' : 'Archive'}
          </button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Each campaign has its destination, commission plan, brief and creator pipeline."
        actions={
          <button type="button" onClick={() => setCreating(true)}>
            New campaign
          </button>
        }
      />
      <div className="filters">
        <Field label="Show">
          {(id) => (
            <select id={id} value={status} onChange={(e) => setStatus(e.target.value)}>
              {FILTERS.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorBanner error={error} onRetry={reload} />
      <ErrorBanner error={actionError} />
      {loading && !data ? <Loading /> : null}
      {data ? (
        <DataTable
          caption="Campaigns"
          columns={columns}
          rows={rows}
          rowKey={(c) => c.id}
          initialSort={{ key: 'startsAt', dir: 'desc' }}
          onRowClick={(c) => navigate(`/campaigns/${c.id}`)}
          empty={
            <EmptyState
              title={status ? `No ${status} campaigns` : 'No campaigns yet'}
              action={
                <button type="button" onClick={() => setCreating(true)}>
                  Create your first campaign
                </button>
              }
            >
              A campaign says where creators send people and what they earn. Create one, then add creators from Discover.
            </EmptyState>
          }
        />
      ) : null}
      <Modal wide open={creating} title="New campaign" onClose={() => setCreating(false)}>
        <CampaignForm
          initial={newCampaignDraft()}
          submitLabel="Create campaign"
          busyLabel="Creating…"
          onCancel={() => setCreating(false)}
          onSubmit={async (body) => {
            const r = await api<{ campaign: Campaign }>('/api/v1/campaigns', { body });
            setCreating(false);
            navigate(`/campaigns/${r.campaign.id}`);
          }}
        />
      </Modal>
    </>
  );
}

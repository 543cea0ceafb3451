import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ErrorBanner, Field, Notice } from '../../components/ui.tsx';
import { Modal } from '../../components/modal.tsx';
import { api } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { STAGE_LABELS, STAGES } from '../campaigns/stages.ts';
import { emptyTerms, TermsFields, termsFromDraft } from '../campaigns/terms-fields.tsx';
import type { Campaign } from './types.ts';

/** POST /api/v1/partnerships: this creator into a campaign's pipeline, with the deal's terms. */
export function AddToCampaignDialog({ open, influencerId, name, onClose }: { open: boolean; influencerId: string; name: string; onClose: () => void }) {
  const campaigns = useApi<{ data: Campaign[] }>(open ? '/api/v1/campaigns' : null, { limit: 200 });
  const [campaignId, setCampaignId] = useState('');
  const [stage, setStage] = useState('prospect');
  const [note, setNote] = useState('');
  const [terms, setTerms] = useState(emptyTerms());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; campaign: string } | null>(null);
  const choices = (campaigns.data?.data ?? []).filter((c) => c.status !== 'archived');
  const close = () => {
    setCreated(null);
    setError(null);
    setFormError(null);
    setTerms(emptyTerms());
    setNote('');
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const t = termsFromDraft(terms);
    setFormError(t.error);
    if (t.error) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ partnership: { id: string } }>('/api/v1/partnerships', { body: { campaignId, influencerId, stage, terms: t.terms, ...(note.trim() ? { note: note.trim() } : {}) } });
      setCreated({ id: r.partnership.id, campaign: choices.find((c) => c.id === campaignId)?.name ?? campaignId });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal wide open={open} title={`Add ${name} to a campaign`} onClose={close}>
      {created ? (
        <>
          <Notice tone="success">
            {name} is now in the {created.campaign} pipeline. <Link href={`/partnerships/${created.id}`}>Open the partnership</Link>
          </Notice>
          <div className="actions">
            <button type="button" onClick={close}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit}>
          <ErrorBanner error={campaigns.error} onRetry={campaigns.reload} />
          <ErrorBanner error={error} />
          {campaigns.data && choices.length === 0 ? (
            <Notice tone="warning">
              There is no open campaign yet. <Link href="/campaigns">Create a campaign</Link> first.
            </Notice>
          ) : null}
          <div className="form-row">
            <Field label="Campaign">
              {(id) => (
                <select id={id} required value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
                  <option value="">{campaigns.loading ? 'Loading campaigns…' : 'Choose a campaign'}</option>
                  {choices.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                      {c.status !== 'active' ? ` (${c.status})` : ''}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Stage">
              {(id) => (
                <select id={id} value={stage} onChange={(e) => setStage(e.target.value)}>
                  {STAGES.map((s) => (
                    <option key={s} value={s}>
                      {STAGE_LABELS[s]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <TermsFields value={terms} onChange={setTerms} />
          <Field label="Note (optional)">{(id) => <input id={id} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
          {formError ? (
            <div className="field-error" role="alert">
              {formError}
            </div>
          ) : null}
          <div className="actions">
            <button type="submit" disabled={busy || !campaignId}>
              {busy ? 'Adding…' : 'Add to pipeline'}
            </button>
            <button type="button" className="secondary" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

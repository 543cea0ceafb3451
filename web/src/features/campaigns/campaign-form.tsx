import { useState, type FormEvent } from 'react';
import { ErrorBanner, Field } from '../../components/ui.tsx';
import type { CampaignDraft } from './campaign-draft.ts';
import { draftToBody } from './campaign-draft.ts';
import { PlanEditor } from './plan-editor.tsx';
import { GOAL_LABELS } from './types.ts';

const STATUSES = ['draft', 'active', 'paused', 'ended'];
const AGES = ['13-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'];
const GENDERS = ['female', 'male', 'other'];

type Props = { initial: CampaignDraft; editing?: boolean; submitLabel: string; busyLabel: string; onSubmit: (body: Record<string, unknown>) => Promise<void>; onCancel?: () => void };

/** Create or edit a campaign: the everyday fields, a commission plan, the brief, and the rest as JSON. */
export function CampaignForm({ initial, editing = false, submitLabel, busyLabel, onSubmit, onCancel }: Props) {
  const [d, setD] = useState<CampaignDraft>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const text = (k: keyof CampaignDraft) => ({ value: d[k] as string, onChange: (e: { target: { value: string } }) => setD({ ...d, [k]: e.target.value }) });
  const toggle = (k: 'ages' | 'genders', v: string, on: boolean) => setD({ ...d, [k]: on ? [...d[k], v] : d[k].filter((x) => x !== v) });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = draftToBody(d, editing);
    setFormError(r.error);
    setError(null);
    if (r.error) return;
    setBusy(true);
    try {
      await onSubmit(r.body);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} className="campaign-form">
      <ErrorBanner error={error} />
      <div className="form-row name-row">
        <Field label="Campaign name">{(id) => <input id={id} required maxLength={200} {...text('name')} />}</Field>
        <Field label="Goal">
          {(id) => (
            <select id={id} {...text('goal')}>
              <option value="">No goal set</option>
              {Object.entries(GOAL_LABELS).map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Status">
          {(id) => (
            <select id={id} {...text('status')}>
              {STATUSES.concat(editing && d.status === 'archived' ? ['archived'] : []).map((s) => (
                <option key={s} value={s}>
                  {s[0]!.toUpperCase() + s.slice(1)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Destination URL" hint="Where tracking links send people, e.g. your product page.">
        {(id, h) => <input id={id} aria-describedby={h} type="url" required placeholder="https://shop.example.com/products/serum" {...text('destinationUrl')} />}
      </Field>
      <div className="form-row">
        <Field label="Starts on">{(id) => <input id={id} type="date" {...text('startsAt')} />}</Field>
        <Field label="Ends on">{(id) => <input id={id} type="date" {...text('endsAt')} />}</Field>
        <Field label="Budget (optional)">{(id) => <input id={id} inputMode="decimal" placeholder="5000.00" {...text('budget')} />}</Field>
        <Field label="Budget currency">{(id) => <input id={id} maxLength={3} {...text('currency')} />}</Field>
      </div>
      <PlanEditor value={d.plan} onChange={(plan) => setD({ ...d, plan })} allowNone noneLabel="No commission plan (flat fees only)" />
      <fieldset className="plan">
        <legend>Brief (ranks creators by fit)</legend>
        <Field label="What the campaign is about">{(id) => <textarea id={id} rows={3} maxLength={5000} {...text('briefText')} />}</Field>
        <div className="form-row">
          <Field label="Niches" hint="Niche ids, comma-separated: beauty-skincare, wellness">
            {(id, h) => <input id={id} aria-describedby={h} {...text('niches')} />}
          </Field>
          <Field label="Target countries" hint="ISO codes: US, GB">
            {(id, h) => <input id={id} aria-describedby={h} {...text('countries')} />}
          </Field>
        </div>
        <div className="form-row top">
          <fieldset className="checks">
            <legend>Target ages</legend>
            <div className="check-list">
              {AGES.map((a) => (
                <label key={a}>
                  <input type="checkbox" checked={d.ages.includes(a)} onChange={(e) => toggle('ages', a, e.target.checked)} /> {a}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="checks">
            <legend>Target genders</legend>
            <div className="check-list">
              {GENDERS.map((g) => (
                <label key={g}>
                  <input type="checkbox" checked={d.genders.includes(g)} onChange={(e) => toggle('genders', g, e.target.checked)} /> {g}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      </fieldset>
      <Field label="Guidelines for creators">{(id) => <textarea id={id} rows={3} maxLength={10000} {...text('guidelines')} />}</Field>
      <Field label="Deliverables template" hint="Created for each creator when their partnership turns active, e.g. “2 reel in 14 days, 3 story in 7 days”.">
        {(id, h) => <input id={id} aria-describedby={h} {...text('template')} />}
      </Field>
      <details className="more-filters">
        <summary>Advanced fields (JSON)</summary>
        <Field label="More fields as JSON" hint='Any other field of the API, e.g. {"slug":"summer-sale","allowedDomains":["shop.example.com"],"utmEnabled":true}'>
          {(id, h) => <textarea id={id} aria-describedby={h} className="mono" rows={5} {...text('advanced')} />}
        </Field>
      </details>
      {formError ? (
        <div className="field-error" role="alert">
          {formError}
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

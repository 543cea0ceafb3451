import { useState, type FormEvent } from 'react';
import { Card, ErrorBanner, Field, Notice } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { AttributionFields, attributionFromForm, attributionToForm, type AttributionForm } from './attribution-fields.tsx';
import { fieldError, toInt, friendly } from './field-errors.ts';
import { PayoutFields, payoutFromForm, payoutToForm, type PayoutForm } from './payout-fields.tsx';
import type { Workspace } from './types.ts';

/** Name, click tracking, attribution and payout settings of the workspace (PATCH /api/v1/workspace). */
export function WorkspaceForm({ workspace, onSaved }: { workspace: Workspace; onSaved: () => void }) {
  const s = workspace.settings;
  const [name, setName] = useState(workspace.name);
  const [clickIdParam, setClickIdParam] = useState(s.clickIdParam);
  const [uniqueHours, setUniqueHours] = useState(String(s.uniqueWindowHours));
  const [attribution, setAttribution] = useState<AttributionForm>(() => attributionToForm(s.attribution));
  const [payout, setPayout] = useState<PayoutForm>(() => payoutToForm(s));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const payoutPart = payoutFromForm(payout);
      await api('/api/v1/workspace', {
        method: 'PATCH',
        body: {
          name,
          settings: { clickIdParam: clickIdParam.trim(), uniqueWindowHours: toInt(uniqueHours), attribution: attributionFromForm(attribution), ...payoutPart },
        },
      });
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const err = (path: string) => fieldError(error, path);

  return (
    <form className="settings-form" onSubmit={submit} aria-label="Workspace settings" noValidate>
      <Card title="Workspace">
        <div className="form-row">
          <Field label="Workspace name" hint="Shown to creators in the portal and in emails." error={err('name')}>
            {(id, d) => <input id={id} aria-describedby={d} required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label="Workspace id" hint={`Used in webhook URLs and support requests. Slug “${workspace.slug}”, created ${formatDateTime(workspace.createdAt)}.`}>
            {(id, d) => <input id={id} aria-describedby={d} readOnly value={workspace.id} />}
          </Field>
        </div>
      </Card>
      <Card title="Click tracking">
        <div className="form-row">
          <Field
            label="Click id parameter"
            hint={
              <>
                Name of the query parameter Advocate adds to the destination URL on every click (e.g. <code>?{clickIdParam || 'adv_click'}=clk_…</code>). Your shop,
                snippet or checkout passes it back so sales are attributed. Letters, digits and _ . ~ -; not utm_….
              </>
            }
            error={err('settings.clickIdParam')}
          >
            {(id, d) => <input id={id} aria-describedby={d} value={clickIdParam} maxLength={64} onChange={(e) => setClickIdParam(e.target.value)} />}
          </Field>
          <Field
            label="Unique-click window (hours)"
            hint="Repeat clicks by the same visitor on the same link within this many hours count once as a unique click (per-click commissions pay on unique human clicks). 1 – 2160."
            error={err('settings.uniqueWindowHours')}
          >
            {(id, d) => <input id={id} aria-describedby={d} type="number" min={1} max={2160} step={1} value={uniqueHours} onChange={(e) => setUniqueHours(e.target.value)} />}
          </Field>
        </div>
      </Card>
      <AttributionFields value={attribution} onChange={setAttribution} error={error} />
      <PayoutFields value={payout} onChange={setPayout} error={error} />
      <div className="form-actions sticky-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save settings'}
        </button>
        <ErrorBanner error={friendly(error)} />
        {saved && !error ? <Notice tone="success">Settings saved. New clicks and conversions use them from now on.</Notice> : null}
      </div>
    </form>
  );
}

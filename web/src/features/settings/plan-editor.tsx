import { useState, type FormEvent } from 'react';
import { ErrorBanner, Field, Notice } from '../../components/ui.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, friendly } from './field-errors.ts';
import { formToPlan, PLAN_TYPES, planToForm, type PlanForm } from './plan-form.ts';
import { describePlan, extrasOf } from './plan-summary.ts';
import { PlanJsonEditor } from './plan-json-editor.tsx';
import { TierEditor } from './tier-editor.tsx';
import type { Campaign } from './types.ts';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'JPY', 'BRL', 'MXN', 'INR'];

/** Form editor for the common plan types, with a JSON editor for everything else. */
export function PlanEditor({ campaign, onSaved, onCancel }: { campaign: Campaign; onSaved: () => void; onCancel: () => void }) {
  const original = campaign.commissionPlan;
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [f, setF] = useState<PlanForm>(() => planToForm(original, 'USD'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = <K extends keyof PlanForm>(k: K, v: PlanForm[K]) => setF((prev) => ({ ...prev, [k]: v }));
  const err = (p: string) => fieldError(error, `commissionPlan.${p}`);
  const extras = extrasOf(original);

  const save = async (plan: unknown) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/campaigns/${campaign.id}`, { method: 'PATCH', body: { commissionPlan: plan } });
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    let plan;
    try {
      plan = formToPlan(f, original);
    } catch (e2) {
      setError(e2);
      return;
    }
    void save(plan);
  };
  let preview = '';
  try {
    preview = describePlan(formToPlan(f, original));
  } catch {
    preview = '';
  }
  // The JSON editor starts from the form's current state when it is valid, else the stored plan.
  const jsonSeed = () => {
    try {
      return formToPlan(f, original);
    } catch {
      return original;
    }
  };
  const usesMoney = f.type === 'fixed' || f.type === 'per_lead' || f.type === 'per_click' || (f.type === 'tiered' && f.metric === 'revenue');

  return (
    <div className="plan-editor">
      <div className="tabs" role="group" aria-label="Editor">
        <button type="button" aria-pressed={mode === 'form'} className={mode === 'form' ? 'active' : undefined} onClick={() => setMode('form')}>
          Form
        </button>
        <button type="button" aria-pressed={mode === 'json'} className={mode === 'json' ? 'active' : undefined} onClick={() => setMode('json')}>
          JSON
        </button>
      </div>
      {mode === 'json' ? (
        <PlanJsonEditor campaign={campaign} initial={jsonSeed()} busy={busy} error={error} onSave={save} onCancel={onCancel} />
      ) : (
        <form onSubmit={submit} aria-label={`Commission plan of ${campaign.name}`} noValidate>
          {extras.length ? (
            <Notice>
              This plan also has {extras.join(', ')}. Saving the form keeps them as they are; use the JSON editor to change them.
            </Notice>
          ) : null}
          <Field label="Plan type" hint={PLAN_TYPES.find((t) => t.value === f.type)?.hint} error={err('type')}>
            {(id, d) => (
              <select id={id} aria-describedby={d} autoFocus value={f.type} onChange={(e) => set('type', e.target.value as PlanForm['type'])}>
                {PLAN_TYPES.map((t) => (
                  <option key={t.value} value={t.value}>
                    {t.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="form-row">
            {f.type === 'percent' ? (
              <Field label="Commission (%)" hint="Up to 4 decimals, e.g. 12.5" error={err('percent')}>
                {(id, d) => <input id={id} aria-describedby={d} inputMode="decimal" value={f.percent} onChange={(e) => set('percent', e.target.value)} />}
              </Field>
            ) : null}
            {f.type === 'fixed' || f.type === 'per_lead' || f.type === 'per_click' ? (
              <Field label={f.type === 'fixed' ? 'Amount per sale' : f.type === 'per_lead' ? 'Amount per lead' : 'Amount'} hint={`In ${f.currency || 'the currency'}, e.g. 5.00`} error={err('amount')}>
                {(id, d) => <input id={id} aria-describedby={d} inputMode="decimal" value={f.amount} onChange={(e) => set('amount', e.target.value)} />}
              </Field>
            ) : null}
            {f.type === 'per_click' ? (
              <Field label="Per how many clicks" hint="1 pays per click; 1000 gives a CPM-style rate." error={err('per')}>
                {(id, d) => <input id={id} aria-describedby={d} type="number" min={1} step={1} value={f.per} onChange={(e) => set('per', e.target.value)} />}
              </Field>
            ) : null}
            {usesMoney ? (
              <Field label="Currency" hint="ISO 4217 code" error={err('currency')}>
                {(id, d) => (
                  <>
                    <input id={id} aria-describedby={d} list={`${id}-list`} maxLength={3} value={f.currency} onChange={(e) => set('currency', e.target.value.toUpperCase())} />
                    <datalist id={`${id}-list`}>
                      {CURRENCIES.map((c) => (
                        <option key={c} value={c} />
                      ))}
                    </datalist>
                  </>
                )}
              </Field>
            ) : null}
          </div>
          {f.type === 'tiered' ? <TierEditor value={f} onChange={setF} error={error} /> : null}
          <fieldset>
            <legend>When and what earns</legend>
            <div className="form-row">
              <Field label="Hold (days)" hint="Commissions wait this long (your refund window) before they are approved for payout." error={err('holdDays')}>
                {(id, d) => <input id={id} aria-describedby={d} type="number" min={0} max={3650} value={f.holdDays} onChange={(e) => set('holdDays', e.target.value)} />}
              </Field>
              {f.type === 'percent' || f.type === 'tiered' ? (
                <Field label="Revenue base" hint="Net: after discounts, tax and shipping. Gross: the order total." error={err('base')}>
                  {(id, d) => (
                    <select id={id} aria-describedby={d} value={f.base} onChange={(e) => set('base', e.target.value as PlanForm['base'])}>
                      <option value="net">Net revenue</option>
                      <option value="gross">Gross revenue</option>
                    </select>
                  )}
                </Field>
              ) : null}
            </div>
            <label className="check-label">
              <input type="checkbox" checked={f.firstOrderOnly} onChange={(e) => set('firstOrderOnly', e.target.checked)} />
              Only a customer’s first order earns
            </label>
            <br />
            <label className="check-label">
              <input type="checkbox" checked={f.recurring} onChange={(e) => set('recurring', e.target.checked)} />
              Subscription renewals earn too
            </label>
            {f.recurring ? (
              <Field label="Renewals earn for (months)" hint="Counted from the customer’s first payment." error={err('recurring')}>
                {(id, d) => <input id={id} aria-describedby={d} type="number" min={1} max={1200} value={f.recurringMonths} onChange={(e) => set('recurringMonths', e.target.value)} />}
              </Field>
            ) : null}
          </fieldset>
          {preview ? (
            <p className="small" aria-live="polite">
              <strong>Summary:</strong> {preview}
            </p>
          ) : null}
          <ErrorBanner error={friendly(error)} />
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save plan'}
            </button>
            <button type="button" className="secondary" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

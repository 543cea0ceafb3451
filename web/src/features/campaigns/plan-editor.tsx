import { Field } from '../../components/ui.tsx';
import { formatMoney, parseMoney, toDecimalString } from '../../lib/format.ts';
import './campaigns.css';

// A commission plan (src/commissions/rules/plan-schema.ts) as a small form: percent of the sale,
// a fixed amount per sale, per lead or per click; anything richer (tiers, bonuses, overrides,
// splits) is edited as JSON so nothing is lost.

export type PlanKind = 'none' | 'percent' | 'fixed' | 'per_lead' | 'per_click' | 'json';
export type PlanDraft = { kind: PlanKind; percent: string; amount: string; currency: string; per: string; holdDays: string; json: string };

export const emptyPlanDraft = (kind: PlanKind = 'percent', currency = 'USD'): PlanDraft => ({ kind, percent: '10', amount: '', currency, per: '1', holdDays: '30', json: '' });

const KIND_LABELS: Record<PlanKind, string> = {
  none: "No plan (use the campaign's)",
  percent: 'Percent of each sale',
  fixed: 'Fixed amount per sale',
  per_lead: 'Fixed amount per lead',
  per_click: 'Amount per unique click',
  json: 'Advanced (JSON: tiers, bonuses, overrides…)',
};

type Plan = Record<string, unknown>;
const EMPTY_LISTS = ['overrides', 'bonuses', 'multiTier', 'splits', 'flatFees', 'gifts'];

/** A stored plan → the form: simple plans get fields, rich ones stay JSON. */
export function planToDraft(plan: Plan | null | undefined, fallback: PlanKind = 'none'): PlanDraft {
  if (!plan) return emptyPlanDraft(fallback);
  const type = String(plan.type);
  const simple =
    ['percent', 'fixed', 'per_lead', 'per_click'].includes(type) &&
    EMPTY_LISTS.every((k) => !Array.isArray(plan[k]) || (plan[k] as unknown[]).length === 0) &&
    (plan.recurring ?? null) === null &&
    (plan.appliesTo ?? 'every_order') === 'every_order' &&
    (plan.base ?? 'net') === 'net';
  const currency = typeof plan.currency === 'string' ? plan.currency : 'USD';
  const draft: PlanDraft = { ...emptyPlanDraft(), json: JSON.stringify(plan, null, 2), holdDays: String(plan.holdDays ?? 30), currency };
  if (!simple) return { ...draft, kind: 'json' };
  return {
    ...draft,
    kind: type as PlanKind,
    percent: plan.percent !== undefined ? String(plan.percent) : '10',
    amount: typeof plan.amount === 'number' ? toDecimalString(plan.amount, currency) : '',
    per: String(plan.per ?? 1),
  };
}

/** The form → a plan the API accepts, or the reason it cannot be one. */
export function draftToPlan(d: PlanDraft): { plan: Plan | null; error: string | null } {
  if (d.kind === 'none') return { plan: null, error: null };
  if (d.kind === 'json') {
    try {
      const plan = JSON.parse(d.json) as unknown;
      if (!plan || typeof plan !== 'object' || Array.isArray(plan)) return { plan: null, error: 'The plan must be a JSON object such as {"type":"percent","percent":10}.' };
      return { plan: plan as Plan, error: null };
    } catch (e) {
      return { plan: null, error: `The plan is not valid JSON: ${(e as Error).message}` };
    }
  }
  const holdDays = Number(d.holdDays);
  if (!Number.isInteger(holdDays) || holdDays < 0) return { plan: null, error: 'Hold days must be a whole number of days (0 or more).' };
  if (d.kind === 'percent') {
    const p = Number(d.percent);
    if (!d.percent.trim() || !Number.isFinite(p) || p < 0 || p > 100) return { plan: null, error: 'The percent must be a number from 0 to 100.' };
    return { plan: { type: 'percent', percent: p, holdDays }, error: null };
  }
  const currency = d.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) return { plan: null, error: 'The currency must be a 3-letter code such as USD.' };
  const amount = parseMoney(d.amount, currency);
  if (amount === null || amount < 0n) return { plan: null, error: `The amount must be a positive number in ${currency}, e.g. 5.00.` };
  const plan: Plan = { type: d.kind, amount: Number(amount), currency, holdDays };
  if (d.kind === 'per_click') {
    const per = Number(d.per);
    if (!Number.isInteger(per) || per < 1) return { plan: null, error: 'Clicks per payment must be a whole number, 1 or more.' };
    plan.per = per;
  }
  return { plan, error: null };
}

/** A sentence for a stored plan ("15% of each sale, paid after 14 days"). */
export function describePlan(plan: Plan | null | undefined): string {
  if (!plan) return 'No commission plan';
  const hold = typeof plan.holdDays === 'number' ? `, held ${plan.holdDays} days` : '';
  const cur = String(plan.currency ?? 'USD');
  const money = typeof plan.amount === 'number' ? formatMoney(plan.amount, cur) : '';
  const extras = (['bonuses', 'overrides', 'multiTier', 'splits'] as const).filter((k) => Array.isArray(plan[k]) && (plan[k] as unknown[]).length).map((k) => k.replace('multiTier', 'multi-tier'));
  const more = extras.length ? ` + ${extras.join(', ')}` : '';
  switch (plan.type) {
    case 'percent':
      return `${plan.percent}% of each sale${hold}${more}`;
    case 'fixed':
      return `${money} per sale${hold}${more}`;
    case 'per_lead':
      return `${money} per lead${hold}${more}`;
    case 'per_click':
      return `${money} per ${plan.per && plan.per !== 1 ? `${plan.per} unique clicks` : 'unique click'}${hold}${more}`;
    case 'tiered': {
      const tiers = Array.isArray(plan.tiers) ? (plan.tiers as { percent: number }[]).map((t) => `${t.percent}%`).join(' → ') : '';
      return `Tiered ${tiers} by ${plan.metric ?? 'revenue'} per ${plan.period ?? 'month'}${hold}${more}`;
    }
    default:
      return String(plan.type ?? 'Custom plan');
  }
}

export function PlanEditor({ value, onChange, allowNone = false, noneLabel, legend = 'Commission plan', error }: { value: PlanDraft; onChange: (d: PlanDraft) => void; allowNone?: boolean; noneLabel?: string; legend?: string; error?: string | null }) {
  const set = (k: keyof PlanDraft) => (e: { target: { value: string } }) => onChange({ ...value, [k]: e.target.value });
  const kinds = (Object.keys(KIND_LABELS) as PlanKind[]).filter((k) => allowNone || k !== 'none');
  const money = value.kind === 'fixed' || value.kind === 'per_lead' || value.kind === 'per_click';
  return (
    <fieldset className="plan">
      <legend>{legend}</legend>
      <div className="form-row">
        <Field label="How creators earn">
          {(id) => (
            <select
              id={id}
              value={value.kind}
              onChange={(e) => {
                const kind = e.target.value as PlanKind;
                // Switching to JSON starts from what the simple fields say.
                const json = kind === 'json' && !value.json.trim() ? JSON.stringify(draftToPlan(value).plan ?? { type: 'percent', percent: 10 }, null, 2) : value.json;
                onChange({ ...value, kind, json });
              }}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {k === 'none' && noneLabel ? noneLabel : KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {value.kind === 'percent' ? <Field label="Percent (%)">{(id) => <input id={id} type="number" min={0} max={100} step="any" value={value.percent} onChange={set('percent')} />}</Field> : null}
        {money ? (
          <>
            <Field label={value.kind === 'per_click' ? 'Amount' : value.kind === 'per_lead' ? 'Amount per lead' : 'Amount per sale'}>
              {(id) => <input id={id} inputMode="decimal" placeholder="5.00" value={value.amount} onChange={set('amount')} />}
            </Field>
            <Field label="Currency">{(id) => <input id={id} maxLength={3} value={value.currency} onChange={set('currency')} />}</Field>
          </>
        ) : null}
        {value.kind === 'per_click' ? <Field label="Per how many clicks">{(id) => <input id={id} type="number" min={1} step={1} value={value.per} onChange={set('per')} />}</Field> : null}
        {value.kind !== 'none' && value.kind !== 'json' ? (
          <Field label="Hold days" hint="Days before a commission can be approved (returns window).">
            {(id, d) => <input id={id} aria-describedby={d} type="number" min={0} step={1} value={value.holdDays} onChange={set('holdDays')} />}
          </Field>
        ) : null}
      </div>
      {value.kind === 'json' ? (
        <Field label="Plan JSON" hint='e.g. {"type":"tiered","mode":"marginal","currency":"USD","tiers":[{"from":0,"percent":10},{"from":50000,"percent":15}]} — amounts in minor units (cents).' error={error}>
          {(id, d) => <textarea id={id} aria-describedby={d} className="mono" rows={8} value={value.json} onChange={set('json')} />}
        </Field>
      ) : error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

import { formatMoney, formatNumber, parseMoney, toDecimalString } from '../../lib/format.ts';
import type { CommissionPlan } from './types.ts';

export const PLAN_TYPES = [
  { value: 'percent', label: 'Percent of revenue', hint: 'A share of each order (the most common for shops).' },
  { value: 'fixed', label: 'Fixed amount per sale', hint: 'The same amount for every attributed sale, whatever its size.' },
  { value: 'per_lead', label: 'Fixed amount per lead', hint: 'For sign-ups, trials or form submissions.' },
  { value: 'per_click', label: 'Per click (CPC / CPM)', hint: 'Pays on unique human clicks; bots and repeat clicks never count.' },
  { value: 'tiered', label: 'Tiered percent', hint: 'The rate grows with the creator’s sales or revenue in a period.' },
] as const;
export type PlanType = (typeof PLAN_TYPES)[number]['value'];

export type TierRow = { key: number; from: string; percent: string };
export type PlanForm = {
  type: PlanType;
  percent: string;
  amount: string;
  currency: string;
  per: string;
  mode: 'marginal' | 'whole-volume';
  metric: 'revenue' | 'sales';
  period: 'week' | 'month' | 'campaign';
  tiers: TierRow[];
  retroactive: boolean;
  holdDays: string;
  base: 'net' | 'gross';
  firstOrderOnly: boolean;
  recurring: boolean;
  recurringMonths: string;
};

let key = 1;
export const newTier = (from = '', percent = ''): TierRow => ({ key: key++, from, percent });

const str = (v: unknown, fallback = '') => (v === undefined || v === null ? fallback : String(v));

export function planToForm(plan: CommissionPlan | null, fallbackCurrency: string): PlanForm {
  const p = plan ?? ({ type: 'percent' } as CommissionPlan);
  const currency = str(p.currency, fallbackCurrency);
  const revenue = p.metric !== 'sales';
  const tiers = Array.isArray(p.tiers) ? (p.tiers as { from: number; percent: unknown }[]) : [];
  return {
    type: (PLAN_TYPES.some((t) => t.value === p.type) ? p.type : 'percent') as PlanType,
    percent: str(p.percent),
    amount: typeof p.amount === 'number' ? toDecimalString(p.amount, currency) : '',
    currency,
    per: str(p.per, '1'),
    mode: p.mode === 'whole-volume' ? 'whole-volume' : 'marginal',
    metric: revenue ? 'revenue' : 'sales',
    period: (['week', 'month', 'campaign'].includes(String(p.period)) ? p.period : 'month') as PlanForm['period'],
    tiers: tiers.length ? tiers.map((t) => newTier(revenue ? toDecimalString(t.from, currency) : String(t.from), str(t.percent))) : [newTier('0', '')],
    retroactive: p.retroactive === true,
    holdDays: str(p.holdDays, '30'),
    base: p.base === 'gross' ? 'gross' : 'net',
    firstOrderOnly: p.appliesTo === 'first_order',
    recurring: Boolean(p.recurring),
    recurringMonths: str((p.recurring as { months?: number } | null)?.months, '12'),
  };
}

const TYPE_FIELDS = ['type', 'percent', 'amount', 'currency', 'per', 'mode', 'metric', 'period', 'tiers', 'retroactive', 'holdDays', 'base', 'appliesTo', 'recurring'];
const num = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function minor(text: string, currency: string, what: string): number {
  const v = parseMoney(text, currency);
  if (v === null) throw new Error(`${what} “${text}” is not an amount such as 5 or 5.00${currency ? ` ${currency}` : ''}.`);
  return Number(v);
}

/**
 * The plan to send: the form's fields plus whatever the original plan had that the form does not
 * edit (bonuses, overrides, splits…), so saving the form never drops them.
 */
export function formToPlan(f: PlanForm, original: CommissionPlan | null): CommissionPlan {
  const extras: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(original ?? {})) if (!TYPE_FIELDS.includes(k)) extras[k] = v;
  const currency = f.currency.trim().toUpperCase();
  const common = {
    holdDays: num(f.holdDays),
    base: f.base,
    appliesTo: f.firstOrderOnly ? 'first_order' : 'every_order',
    recurring: f.recurring ? { months: num(f.recurringMonths) } : null,
  };
  const percent = (text: string) => text.trim().replace(',', '.');
  switch (f.type) {
    case 'percent':
      return { ...extras, type: 'percent', percent: percent(f.percent), ...common };
    case 'fixed':
    case 'per_lead':
      return { ...extras, type: f.type, amount: minor(f.amount, currency, 'Amount'), currency, ...common };
    case 'per_click':
      return { ...extras, type: 'per_click', amount: minor(f.amount, currency, 'Amount'), currency, per: num(f.per), ...common };
    case 'tiered': {
      const tiers = f.tiers.map((t, i) => ({ from: f.metric === 'revenue' ? minor(t.from, currency, `Tier ${i + 1} start`) : num(t.from), percent: percent(t.percent) }));
      const show = (n: number) => (f.metric === 'revenue' ? formatMoney(n, currency) : `${formatNumber(n)} sales`);
      tiers.forEach((t, i) => {
        const prev = tiers[i - 1];
        if (prev && Number.isFinite(t.from) && Number.isFinite(prev.from) && t.from <= prev.from)
          throw new Error(`Tier ${i + 1} must start above tier ${i} (${show(prev.from)}): tiers go from the smallest volume to the largest.`);
      });
      return {
        ...extras,
        type: 'tiered',
        mode: f.mode,
        metric: f.metric,
        period: f.period,
        ...(f.metric === 'revenue' ? { currency } : {}),
        tiers,
        retroactive: f.mode === 'whole-volume' && f.retroactive,
        ...common,
      };
    }
  }
}

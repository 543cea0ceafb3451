import { formatMoney, formatNumber } from '../../lib/format.ts';
import type { CommissionPlan } from './types.ts';

type Money = { amount: number; currency: string };
const pct = (v: unknown) => `${formatNumber(Number(v), { maximumFractionDigits: 4 })}%`;
const money = (amount: unknown, currency: unknown) => formatMoney(amount as number, currency as string);
const PERIOD: Record<string, string> = { week: 'week', month: 'month', campaign: 'campaign' };
const arr = <T,>(v: unknown) => (Array.isArray(v) ? (v as T[]) : []);

/** The main rule in a few words: "10% of net revenue", "$8.00 per sale". */
export function describeRule(plan: CommissionPlan): string {
  const base = plan.base === 'gross' ? 'gross revenue' : 'net revenue';
  switch (plan.type) {
    case 'percent':
      return `${pct(plan.percent)} of ${base}`;
    case 'fixed':
      return `${money(plan.amount, plan.currency)} per sale`;
    case 'per_lead':
      return `${money(plan.amount, plan.currency)} per lead`;
    case 'per_click': {
      const per = Number(plan.per ?? 1);
      return per === 1 ? `${money(plan.amount, plan.currency)} per unique human click` : `${money(plan.amount, plan.currency)} per ${formatNumber(per)} unique human clicks`;
    }
    case 'tiered': {
      const revenue = plan.metric !== 'sales';
      const tiers = arr<{ from: number; percent: unknown }>(plan.tiers);
      const from = (n: number) => (revenue ? money(n, plan.currency) : `${formatNumber(n)} sales`);
      const steps = tiers.map((t, i) => (i === 0 ? `${pct(t.percent)}` : `${pct(t.percent)} from ${from(t.from)}`)).join(', ');
      const how = plan.mode === 'marginal' ? 'each rate on the volume within its tier' : 'the reached rate on the whole volume';
      return `Tiered by ${revenue ? 'revenue' : 'sales'} per ${PERIOD[String(plan.period ?? 'month')] ?? plan.period}: ${steps} of ${base} (${how}${plan.retroactive ? ', retroactive' : ''})`;
    }
    default:
      return `A “${plan.type}” plan`;
  }
}

/** "10% of net revenue, 30-day hold" — the one-line summary of a plan. */
export function describePlan(plan: CommissionPlan | null): string {
  if (!plan) return 'No commission plan';
  const hold = Number(plan.holdDays ?? 30);
  return `${describeRule(plan)}, ${hold === 0 ? 'no hold (approved at once)' : `${hold}-day hold`}`;
}

/** Everything else the plan says, one sentence each (first-order only, bonuses, overrides…). */
export function describePlanDetails(plan: CommissionPlan): string[] {
  const out: string[] = [];
  if (plan.appliesTo === 'first_order') out.push('Only the first order of each customer earns.');
  const recurring = plan.recurring as { months: number } | null | undefined;
  if (recurring) out.push(`Subscription renewals earn for ${recurring.months} month${recurring.months === 1 ? '' : 's'} after the first payment.`);
  for (const o of arr<{ match: { sku?: string; category?: string }; percent?: unknown; amount?: number; currency?: string }>(plan.overrides)) {
    const what = o.match.sku ? `SKU ${o.match.sku}` : `category “${o.match.category}”`;
    out.push(`Override for ${what}: ${o.percent !== undefined ? pct(o.percent) : `${money(o.amount, o.currency)} per unit`}.`);
  }
  for (const b of arr<{ metric: string; threshold: number; period: string; amount: number; currency: string }>(plan.bonuses)) {
    const goal = b.metric === 'sales' ? `${formatNumber(b.threshold)} sales` : `${money(b.threshold, b.currency)} revenue`;
    out.push(`Bonus of ${money(b.amount, b.currency)} when a creator reaches ${goal} in a ${PERIOD[b.period] ?? b.period}.`);
  }
  for (const m of arr<{ depth: number; percent: unknown }>(plan.multiTier)) out.push(`The creator’s ${m.depth === 1 ? 'recruiter' : 'recruiter’s recruiter'} earns ${pct(m.percent)} on top.`);
  const splits = arr<{ influencerId: string; share: unknown }>(plan.splits);
  if (splits.length) out.push(`Commission is split: ${splits.map((s) => `${pct(s.share)} to ${s.influencerId}`).join(', ')}.`);
  for (const f of arr<{ deliverable: string } & Money>(plan.flatFees)) out.push(`Flat fee of ${money(f.amount, f.currency)} per ${f.deliverable}.`);
  for (const g of arr<{ sku: string; quantity: number; unitValue: number; currency: string }>(plan.gifts))
    out.push(`Gift: ${g.quantity} × ${g.sku} (worth ${money(g.unitValue, g.currency)} each).`);
  return out;
}

/** Plan fields the form editor does not cover; kept as they are and editable as JSON. */
export function extrasOf(plan: CommissionPlan | null): string[] {
  if (!plan) return [];
  const names: [string, string][] = [
    ['overrides', 'product overrides'],
    ['bonuses', 'bonuses'],
    ['multiTier', 'multi-tier commissions'],
    ['splits', 'splits'],
    ['flatFees', 'flat fees'],
    ['gifts', 'gifts'],
  ];
  return names.filter(([k]) => arr(plan[k]).length > 0).map(([, label]) => label);
}

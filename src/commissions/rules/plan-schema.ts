/**
 * Zod schema for a commission plan: a primary rule discriminated on `type`
 * (percent | fixed | per_lead | per_click | tiered) plus optional common fields
 * (hold, base, first-order/recurring eligibility, product overrides, milestone
 * bonuses, multi-tier overrides, splits, deliverable fees, gifts).
 *
 * The parsed plan stays JSON-serialisable (amounts are safe-integer minor
 * units, percents keep the number/string they arrived as) so it can be stored
 * as-is; defaults are filled in on parse so a stored plan never changes meaning
 * if a default changes later. Evaluators turn percents into exact ppm.
 */
import { z } from 'zod';
import { isCurrency } from '../../shared/currencies.ts';
import { parsePercent, PPM, ppmToText } from './percent-value.ts';

const percentValue = z.union([z.number(), z.string()]).superRefine((value, ctx) => {
  const r = parsePercent(value);
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
});

// Safe integers only: the money rule is "beyond 2^53 is rejected", and it keeps
// the stored plan exact as JSON.
const minorAmount = z
  .number({ error: 'amount must be a number of minor units (e.g. 500 for 5.00 USD)' })
  .int({ error: 'amount must be a whole number of minor units (e.g. 500 for 5.00 USD), within 2^53' })
  .min(0, { error: 'amount must not be negative' });

const currency = z.string().refine(isCurrency, { error: (iss) => `unknown currency ${JSON.stringify(iss.input)} (expected an active ISO 4217 code such as USD)` });

const count = (what: string, min: number) => z.number().int({ error: `${what} must be a whole number` }).min(min, { error: `${what} must be at least ${min}` });

export const PERIODS = ['week', 'month', 'campaign'] as const;
const period = z.enum(PERIODS);

const override = z
  .strictObject({
    match: z.union([z.strictObject({ sku: z.string().min(1) }), z.strictObject({ category: z.string().min(1) })], {
      error: 'override match must be exactly one of { sku } or { category }',
    }),
    percent: percentValue.optional(),
    amount: minorAmount.optional(),
    currency: currency.optional(),
  })
  .superRefine((o, ctx) => {
    if ((o.percent === undefined) === (o.amount === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'override needs exactly one of percent or amount (per unit)' });
    }
    if ((o.amount !== undefined) !== (o.currency !== undefined)) {
      ctx.addIssue({ code: 'custom', message: 'an override amount needs a currency, and only an amount may have one', path: ['currency'] });
    }
  });

const bonus = z.strictObject({
  metric: z.enum(['sales', 'revenue']),
  /** sales: a count; revenue: minor units of `currency`. Paid once when the period's volume reaches it. */
  threshold: count('bonus threshold', 1),
  period,
  amount: minorAmount,
  currency,
});

const common = {
  holdDays: count('holdDays', 0).max(3650, { error: 'holdDays must be at most 3650' }).default(30),
  base: z.enum(['net', 'gross']).default('net'),
  appliesTo: z.enum(['every_order', 'first_order']).default('every_order'),
  /** Renewals within `months` calendar months of the first payment earn; null: renewals never earn. */
  recurring: z.strictObject({ months: count('recurring.months', 1).max(1200) }).nullable().default(null),
  overrides: z.array(override).default([]),
  bonuses: z.array(bonus).default([]),
  multiTier: z.array(z.strictObject({ depth: z.union([z.literal(1), z.literal(2)], { error: 'multiTier depth must be 1 or 2' }), percent: percentValue })).default([]),
  splits: z.array(z.strictObject({ influencerId: z.string().min(1), share: percentValue })).default([]),
  flatFees: z.array(z.strictObject({ deliverable: z.string().min(1), amount: minorAmount, currency })).default([]),
  gifts: z.array(z.strictObject({ sku: z.string().min(1), quantity: count('gift quantity', 1), unitValue: minorAmount, currency })).default([]),
};

const tier = z.strictObject({
  /** Period volume at which the tier starts (revenue: minor units of the plan currency; sales: a count). */
  from: count('tier from', 0),
  percent: percentValue,
});

const percentPlan = z.strictObject({ type: z.literal('percent'), percent: percentValue, ...common });
const fixedPlan = z.strictObject({ type: z.literal('fixed'), amount: minorAmount, currency, ...common });
const perLeadPlan = z.strictObject({ type: z.literal('per_lead'), amount: minorAmount, currency, ...common });
const perClickPlan = z.strictObject({
  type: z.literal('per_click'),
  /** `amount` minor units per `per` unique human clicks (per: 1000 gives a CPM-style rate). */
  amount: minorAmount,
  currency,
  per: count('per', 1).default(1),
  ...common,
});
const tieredPlan = z.strictObject({
  type: z.literal('tiered'),
  mode: z.enum(['marginal', 'whole-volume']),
  metric: z.enum(['revenue', 'sales']).default('revenue'),
  period: period.default('month'),
  /** Required for metric "revenue": the currency of the tier thresholds. */
  currency: currency.optional(),
  tiers: z.array(tier).min(1, { error: 'tiered plan needs at least one tier' }),
  /** whole-volume only: when a tier is reached, pay the rate difference on the period's earlier volume. */
  retroactive: z.boolean().default(false),
  ...common,
});

type Ctx = z.core.$RefinementCtx<unknown>;
const issue = (ctx: Ctx, message: string, path: (string | number)[]): void => ctx.addIssue({ code: 'custom', message, path });

function checkUnique(ctx: Ctx, values: readonly (string | number)[], field: string, what: string): void {
  values.forEach((v, i) => {
    if (values.indexOf(v) !== i) issue(ctx, `${what} ${JSON.stringify(v)} appears more than once`, [field, i]);
  });
}

export const commissionPlanSchema = z
  .discriminatedUnion('type', [percentPlan, fixedPlan, perLeadPlan, perClickPlan, tieredPlan], {
    error: 'type must be one of percent, fixed, per_lead, per_click, tiered',
  })
  .superRefine((plan, ctx) => {
    if (plan.type === 'tiered') {
      if (plan.metric === 'revenue' && plan.currency === undefined) issue(ctx, 'a revenue-tiered plan needs the currency of its thresholds', ['currency']);
      if (plan.tiers.length > 0 && plan.tiers[0]?.from !== 0) issue(ctx, 'the first tier must start from 0', ['tiers', 0, 'from']);
      plan.tiers.forEach((t, i) => {
        const prev = plan.tiers[i - 1];
        if (prev !== undefined && t.from <= prev.from) {
          issue(ctx, `tiers must be strictly ascending: tier ${i + 1} from ${t.from} is not above tier ${i} from ${prev.from}`, ['tiers', i, 'from']);
        }
      });
      if (plan.retroactive && plan.mode !== 'whole-volume') issue(ctx, 'retroactive applies only to whole-volume tiers', ['retroactive']);
    }
    if (plan.overrides.length > 0 && plan.type !== 'percent' && plan.type !== 'tiered') {
      issue(ctx, 'product/category overrides need a percent or tiered plan', ['overrides']);
    }
    checkUnique(ctx, plan.multiTier.map((m) => m.depth), 'multiTier', 'multiTier depth');
    checkUnique(ctx, plan.splits.map((s) => s.influencerId), 'splits', 'split influencerId');
    checkUnique(ctx, plan.flatFees.map((f) => f.deliverable), 'flatFees', 'flat fee deliverable');
    if (plan.splits.length > 0) {
      const shares = plan.splits.map((s) => parsePercent(s.share));
      if (shares.every((s) => s.ok)) {
        const total = shares.reduce((sum, s) => sum + (s.ok ? s.value.ppm : 0n), 0n);
        if (total !== PPM) issue(ctx, `split shares must total exactly 100 (got ${ppmToText(total)})`, ['splits']);
        shares.forEach((s, i) => s.ok && s.value.ppm === 0n && issue(ctx, 'a split share must be above 0', ['splits', i, 'share']));
      }
    }
  });

export type CommissionPlanInput = z.input<typeof commissionPlanSchema>;
export type CommissionPlan = z.output<typeof commissionPlanSchema>;
export type TieredPlan = Extract<CommissionPlan, { type: 'tiered' }>;
export type Period = (typeof PERIODS)[number];
export type PlanOverride = CommissionPlan['overrides'][number];
export type PlanBonus = CommissionPlan['bonuses'][number];
export type PlanGift = CommissionPlan['gifts'][number];

/**
 * Parses untrusted plan JSON, returning zod's issues (with paths and
 * human-readable messages) instead of throwing.
 * @example parseCommissionPlan({ type: 'percent', percent: 10 }).success // true
 */
export function parseCommissionPlan(input: unknown): z.ZodSafeParseResult<CommissionPlan> {
  return commissionPlanSchema.safeParse(input);
}

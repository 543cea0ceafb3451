import { describe, expect, it } from 'vitest';
import { parseCommissionPlan } from './plan-schema.ts';

const issues = (input: unknown): string[] => {
  const r = parseCommissionPlan(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('commission plan schema', () => {
  it('accepts the two simplest plans exactly as written, filling documented defaults', () => {
    const p = parseCommissionPlan({ type: 'percent', percent: 10 });
    expect(p.success && p.data).toMatchObject({ type: 'percent', percent: 10, holdDays: 30, base: 'net', appliesTo: 'every_order', recurring: null, splits: [] });
    const f = parseCommissionPlan({ type: 'fixed', amount: 500, currency: 'USD' });
    expect(f.success && f.data).toMatchObject({ type: 'fixed', amount: 500, currency: 'USD', holdDays: 30 });
  });

  it('accepts a plan using every feature', () => {
    const r = parseCommissionPlan({
      type: 'tiered',
      mode: 'marginal',
      metric: 'revenue',
      period: 'month',
      currency: 'USD',
      tiers: [{ from: 0, percent: 10 }, { from: 100000, percent: '12.5' }, { from: 500000, percent: 15.25 }],
      holdDays: 14,
      base: 'gross',
      appliesTo: 'first_order',
      recurring: { months: 12 },
      overrides: [{ match: { sku: 'MUG' }, percent: 20 }, { match: { category: 'books' }, amount: 100, currency: 'USD' }],
      bonuses: [{ metric: 'sales', threshold: 50, period: 'month', amount: 10000, currency: 'USD' }],
      multiTier: [{ depth: 1, percent: 5 }, { depth: 2, percent: 2.5 }],
      splits: [{ influencerId: 'a', share: 33.3333 }, { influencerId: 'b', share: 33.3333 }, { influencerId: 'c', share: 33.3334 }],
      flatFees: [{ deliverable: 'instagram_post', amount: 15000, currency: 'USD' }],
      gifts: [{ sku: 'MUG', quantity: 2, unitValue: 1250, currency: 'USD' }],
    });
    expect(r.success).toBe(true);
    expect(issues({ type: 'per_click', amount: 250, currency: 'JPY', per: 1000 })).toEqual([]);
    expect(issues({ type: 'per_lead', amount: 1500, currency: 'KWD' })).toEqual([]);
    expect(issues({ type: 'tiered', mode: 'whole-volume', metric: 'sales', retroactive: true, tiers: [{ from: 0, percent: 5 }, { from: 50, percent: 7.5 }] })).toEqual([]);
  });

  it('rejects nonsense with clear, located messages', () => {
    expect(issues({ type: 'percent', percent: -1 })).toEqual(['percent: percent must be between 0 and 100 (got -1)']);
    expect(issues({ type: 'percent', percent: 100.5 })).toEqual(['percent: percent must be between 0 and 100 (got 100.5)']);
    expect(issues({ type: 'percent', percent: 12.34567 })).toEqual(['percent: percent allows at most 4 decimals (got 12.34567)']);
    expect(issues({ type: 'percent', percent: '1e1' })[0]).toMatch(/not a plain decimal/);
    expect(issues({ type: 'fixed', amount: -5, currency: 'USD' })).toEqual(['amount: amount must not be negative']);
    expect(issues({ type: 'fixed', amount: 5.5, currency: 'USD' })[0]).toMatch(/whole number of minor units/);
    expect(issues({ type: 'fixed', amount: 2 ** 53, currency: 'USD' })[0]).toMatch(/whole number of minor units/);
    expect(issues({ type: 'fixed', amount: 500, currency: 'XYZ' })).toEqual(['currency: unknown currency "XYZ" (expected an active ISO 4217 code such as USD)']);
    expect(issues({ type: 'bogus' })).toEqual(['type: type must be one of percent, fixed, per_lead, per_click, tiered']);
    expect(issues({ type: 'percent', percent: 10, percentage: 12 })[0]).toMatch(/percentage/);
    expect(issues({ type: 'percent', percent: 10, holdDays: -1 })).toEqual(['holdDays: holdDays must be at least 0']);
  });

  it('checks tiers, splits, overrides and uniqueness', () => {
    expect(issues({ type: 'tiered', mode: 'marginal', currency: 'USD', tiers: [{ from: 0, percent: 10 }, { from: 0, percent: 15 }] })).toEqual([
      'tiers.1.from: tiers must be strictly ascending: tier 2 from 0 is not above tier 1 from 0',
    ]);
    expect(issues({ type: 'tiered', mode: 'marginal', currency: 'USD', tiers: [{ from: 10, percent: 10 }] })).toEqual(['tiers.0.from: the first tier must start from 0']);
    expect(issues({ type: 'tiered', mode: 'marginal', tiers: [{ from: 0, percent: 10 }] })).toEqual(['currency: a revenue-tiered plan needs the currency of its thresholds']);
    expect(issues({ type: 'tiered', mode: 'marginal', currency: 'USD', tiers: [] })).toEqual(['tiers: tiered plan needs at least one tier']);
    expect(issues({ type: 'tiered', mode: 'marginal', retroactive: true, currency: 'USD', tiers: [{ from: 0, percent: 1 }] })).toEqual([
      'retroactive: retroactive applies only to whole-volume tiers',
    ]);
    expect(issues({ type: 'percent', percent: 10, splits: [{ influencerId: 'a', share: 60 }, { influencerId: 'b', share: 30 }] })).toEqual([
      'splits: split shares must total exactly 100 (got 90)',
    ]);
    expect(issues({ type: 'percent', percent: 10, splits: [{ influencerId: 'a', share: 100 }, { influencerId: 'a', share: 0 }] })).toEqual([
      'splits.1: split influencerId "a" appears more than once',
      'splits.1.share: a split share must be above 0',
    ]);
    expect(issues({ type: 'percent', percent: 10, multiTier: [{ depth: 3, percent: 5 }] })).toEqual(['multiTier.0.depth: multiTier depth must be 1 or 2']);
    expect(issues({ type: 'fixed', amount: 1, currency: 'USD', overrides: [{ match: { sku: 'A' }, percent: 5 }] })).toEqual([
      'overrides: product/category overrides need a percent or tiered plan',
    ]);
    expect(issues({ type: 'percent', percent: 10, overrides: [{ match: { sku: 'A' }, percent: 5, amount: 1, currency: 'USD' }] })).toEqual([
      'overrides.0: override needs exactly one of percent or amount (per unit)',
    ]);
    expect(issues({ type: 'percent', percent: 10, overrides: [{ match: { sku: 'A' }, amount: 1 }] })).toEqual([
      'overrides.0.currency: an override amount needs a currency, and only an amount may have one',
    ]);
    expect(issues({ type: 'percent', percent: 10, bonuses: [{ metric: 'sales', threshold: 0, period: 'year', amount: 1, currency: 'USD' }] })).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import type { CommissionLine } from './commission-line.ts';
import { addMonthsUtc } from './eligibility.ts';
import { evaluateClickCommission } from './evaluate-click-commission.ts';
import { evaluateFlatFee } from './evaluate-flat-fee.ts';
import { evaluateGiftedCost } from './evaluate-gifted-cost.ts';
import { evaluateOverrides } from './evaluate-overrides.ts';
import { plan } from './test-fixtures.ts';

const line = (amount: bigint, currency: string, influencerId = 'inf_recruit'): CommissionLine => ({
  influencerId,
  kind: 'sale',
  amount,
  currency,
  rule: 'percent 10%',
  explanation: '...',
  inputs: { conversionId: 'conv_1' },
});

describe('evaluateClickCommission', () => {
  it('USD CPM-style: 1234 clicks × 2.50 per 1000 = 3.085 → 3.08 (half-even)', () => {
    const r = evaluateClickCommission({ plan: plan({ type: 'per_click', amount: 250, currency: 'USD', per: 1000 }), influencerId: 'inf_1', uniqueHumanClicks: 1234, day: '2024-05-01' });
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatchObject({ kind: 'click', amount: 308n, currency: 'USD', rule: 'per_click 2.50 USD per 1000 clicks' });
    expect(r.lines[0]!.explanation).toBe('1234 unique human clicks on 2024-05-01 × 2.50 USD per 1000 clicks = 3.08 USD (exact 308500/1000 minor units, rounded half-even)');
  });

  it('JPY per click and KWD per 10 clicks, split between creators', () => {
    expect(evaluateClickCommission({ plan: plan({ type: 'per_click', amount: 3, currency: 'JPY' }), influencerId: 'i', uniqueHumanClicks: 37, day: '2024-05-01' }).lines[0]!.amount).toBe(111n);
    const kwd = plan({ type: 'per_click', amount: 15, currency: 'KWD', per: 10, splits: [{ influencerId: 'a', share: 50 }, { influencerId: 'b', share: 50 }] });
    const r = evaluateClickCommission({ plan: kwd, influencerId: 'a', uniqueHumanClicks: 7, day: '2024-05-01' }); // 10.5 → 10 fils
    expect(r.lines.map((l) => [l.influencerId, l.kind, l.amount])).toEqual([
      ['a', 'split', 5n],
      ['b', 'split', 5n],
    ]);
  });

  it('explains why nothing is due and rejects bad input', () => {
    const p = plan({ type: 'per_click', amount: 1, currency: 'USD' });
    expect(evaluateClickCommission({ plan: p, influencerId: 'i', uniqueHumanClicks: 0, day: '2024-05-01' })).toEqual({ lines: [], reason: 'no unique human clicks on 2024-05-01' });
    expect(evaluateClickCommission({ plan: plan({ type: 'percent', percent: 1 }), influencerId: 'i', uniqueHumanClicks: 5, day: '2024-05-01' }).reason).toBe('a percent plan does not pay per click');
    expect(() => evaluateClickCommission({ plan: p, influencerId: 'i', uniqueHumanClicks: 1.5, day: '2024-05-01' })).toThrow(RangeError);
    expect(() => evaluateClickCommission({ plan: p, influencerId: 'i', uniqueHumanClicks: 1, day: 'May 1' })).toThrow(RangeError);
  });
});

describe('evaluateFlatFee', () => {
  const p = plan({ type: 'percent', percent: 10, flatFees: [{ deliverable: 'instagram_post', amount: 15000, currency: 'USD' }, { deliverable: 'tiktok_video', amount: 20000, currency: 'JPY' }, { deliverable: 'story', amount: 25500, currency: 'KWD' }] });
  const approvedAt = new Date('2024-05-02T00:00:00Z');

  it('pays the plan fee for the deliverable type, in USD, JPY and KWD', () => {
    const r = evaluateFlatFee({ plan: p, influencerId: 'inf_1', deliverable: { id: 'del_1', type: 'instagram_post', approvedAt } });
    expect(r.lines[0]).toMatchObject({ kind: 'flat_fee', amount: 15000n, currency: 'USD', rule: 'flat_fee:instagram_post', explanation: 'flat fee 150.00 USD for deliverable del_1 (instagram_post)' });
    expect(evaluateFlatFee({ plan: p, influencerId: 'inf_1', deliverable: { id: 'd', type: 'tiktok_video', approvedAt } }).lines[0]!.explanation).toBe('flat fee 20000 JPY for deliverable d (tiktok_video)');
    expect(evaluateFlatFee({ plan: p, influencerId: 'inf_1', deliverable: { id: 'd', type: 'story', approvedAt } }).lines[0]!.explanation).toBe('flat fee 25.500 KWD for deliverable d (story)');
    expect(evaluateFlatFee({ plan: p, influencerId: 'inf_1', deliverable: { id: 'd', type: 'blog', approvedAt } })).toEqual({ lines: [], reason: 'plan has no flat fee for deliverable type "blog"' });
  });
});

describe('evaluateGiftedCost', () => {
  it('records gifts as costs per currency, not commissions', () => {
    const p = plan({ type: 'percent', percent: 10, gifts: [{ sku: 'MUG', quantity: 2, unitValue: 1250, currency: 'USD' }] });
    const costs = evaluateGiftedCost({
      influencerId: 'inf_1',
      gifts: [...p.gifts, { sku: 'TEA', quantity: 3, unitValue: 1500n, currency: 'JPY' }, { sku: 'DATES', quantity: 1, unitValue: 2750n, currency: 'KWD' }],
      reference: 'ship_1',
      occurredAt: new Date('2024-05-01T00:00:00Z'),
    });
    expect(costs.map((c) => [c.kind, c.amount, c.currency])).toEqual([
      ['gifted_product', 2500n, 'USD'],
      ['gifted_product', 4500n, 'JPY'],
      ['gifted_product', 2750n, 'KWD'],
    ]);
    expect(costs[0]!.explanation).toBe('gifted products valued at 25.00 USD: 2 × MUG at 12.50 USD');
    expect(() => evaluateGiftedCost({ influencerId: 'i', gifts: [{ sku: 'X', quantity: 0, unitValue: 1n, currency: 'USD' }], reference: 'r', occurredAt: new Date() })).toThrow(RangeError);
  });
});

describe('evaluateOverrides (multi-tier)', () => {
  const p = plan({ type: 'percent', percent: 10, multiTier: [{ depth: 2, percent: 2.5 }, { depth: 1, percent: 5 }] });

  it('pays depth 1 and 2 recruiters a percent of the recruit commission (USD, JPY, KWD)', () => {
    const r = evaluateOverrides({ plan: p, commission: line(900n, 'USD'), uplineChain: ['rec_1', 'rec_2'] });
    expect(r.lines.map((l) => [l.influencerId, l.kind, l.amount, l.rule])).toEqual([
      ['rec_1', 'override', 45n, 'multi-tier:depth 1 (5%)'],
      ['rec_2', 'override', 22n, 'multi-tier:depth 2 (2.5%)'], // 22.5 → 22
    ]);
    expect(r.lines[0]!.explanation).toBe("recruitment override depth 1: 5% of inf_recruit's sale commission 9.00 USD (percent 10%) = 0.45 USD");
    expect(evaluateOverrides({ plan: p, commission: line(950n, 'JPY'), uplineChain: ['rec_1'] }).lines.map((l) => l.amount)).toEqual([48n]); // 47.5 → 48
    expect(evaluateOverrides({ plan: p, commission: line(1875n, 'KWD'), uplineChain: ['rec_1', 'rec_2'] }).lines.map((l) => l.amount)).toEqual([94n, 47n]); // 93.75, 46.875
  });

  it('skips missing recruiters, cycles and overrides on overrides', () => {
    expect(evaluateOverrides({ plan: p, commission: line(900n, 'USD'), uplineChain: [] })).toEqual({ lines: [], reason: 'no recruiter at depth 1; no recruiter at depth 2' });
    expect(evaluateOverrides({ plan: p, commission: line(900n, 'USD'), uplineChain: ['rec_1', 'inf_recruit'] }).lines.map((l) => l.influencerId)).toEqual(['rec_1']);
    expect(evaluateOverrides({ plan: p, commission: { ...line(45n, 'USD'), kind: 'override' }, uplineChain: ['x'] }).reason).toBe('overrides are not paid on overrides');
    expect(evaluateOverrides({ plan: plan({ type: 'percent', percent: 1 }), commission: line(1n, 'USD'), uplineChain: ['x'] }).reason).toBe('plan has no multi-tier overrides');
  });
});

describe('addMonthsUtc', () => {
  it('clamps to the end of shorter months and crosses years', () => {
    expect(addMonthsUtc(new Date('2024-01-31T10:00:00Z'), 1).toISOString()).toBe('2024-02-29T10:00:00.000Z');
    expect(addMonthsUtc(new Date('2023-01-31T10:00:00Z'), 1).toISOString()).toBe('2023-02-28T10:00:00.000Z');
    expect(addMonthsUtc(new Date('2024-11-15T00:00:00Z'), 14).toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });
});

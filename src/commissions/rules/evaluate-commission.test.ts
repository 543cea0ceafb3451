import { describe, expect, it } from 'vitest';
import { evaluateCommission } from './evaluate-commission.ts';
import { monthStats, plan, sale } from './test-fixtures.ts';

const amounts = (r: ReturnType<typeof evaluateCommission>) => r.lines.map((l) => [l.influencerId, l.kind, l.amount, l.currency]);

describe('evaluateCommission: percent', () => {
  it('USD: percent of net with the explanation spelled out', () => {
    const r = evaluateCommission({ plan: plan({ type: 'percent', percent: 10 }), conversion: sale({ tax: 800n, shipping: 200n }) });
    expect(r.reason).toBeNull();
    expect(r.lines).toHaveLength(1);
    const [line] = r.lines;
    expect(line).toMatchObject({ influencerId: 'inf_1', kind: 'sale', amount: 900n, currency: 'USD', rule: 'percent 10%' });
    expect(line!.explanation).toBe('percent 10% of net 90.00 USD (gross 100.00 − tax 8.00 − shipping 2.00) = 9.00 USD');
    expect(line!.inputs).toMatchObject({ conversionId: 'conv_1', base: 'net', baseMinor: '9000', taxMinor: '800', holdDays: 30, holdUntil: '2024-06-09T12:00:00.000Z' });
  });

  it('USD: gross base, unknown tax, and half-even ties', () => {
    const gross = plan({ type: 'percent', percent: 10, base: 'gross' });
    expect(amounts(evaluateCommission({ plan: gross, conversion: sale({ tax: 800n }) }))).toEqual([['inf_1', 'sale', 1000n, 'USD']]);
    const net = evaluateCommission({ plan: plan({ type: 'percent', percent: 10 }), conversion: sale({ amount: 1005n }) });
    expect(net.lines[0]!.amount).toBe(100n); // 100.5 → 100
    expect(net.lines[0]!.explanation).toBe('percent 10% of gross 10.05 USD (tax and shipping unknown, so net = gross) = 1.00 USD (exact 1.005, rounded half-even)');
    expect(evaluateCommission({ plan: plan({ type: 'percent', percent: 10 }), conversion: sale({ amount: 1015n }) }).lines[0]!.amount).toBe(102n);
  });

  it('JPY: 12.5% of net ¥9,500 = ¥1,187.5 → ¥1,188', () => {
    const r = evaluateCommission({ plan: plan({ type: 'percent', percent: 12.5 }), conversion: sale({ currency: 'JPY', amount: 10800n, tax: 800n, shipping: 500n }) });
    expect(amounts(r)).toEqual([['inf_1', 'sale', 1188n, 'JPY']]);
    expect(r.lines[0]!.explanation).toBe('percent 12.5% of net 9500 JPY (gross 10800 − tax 800 − shipping 500) = 1188 JPY (exact 1187.5, rounded half-even)');
  });

  it('KWD: 2.5% of 12.345 KWD = 0.308625 → 0.309 KWD', () => {
    const r = evaluateCommission({ plan: plan({ type: 'percent', percent: '2.5' }), conversion: sale({ currency: 'KWD', amount: 12345n }) });
    expect(amounts(r)).toEqual([['inf_1', 'sale', 309n, 'KWD']]);
  });

  it('floors a nonsensical negative net at zero', () => {
    const r = evaluateCommission({ plan: plan({ type: 'percent', percent: 10 }), conversion: sale({ amount: 500n, tax: 800n }) });
    expect(r.lines[0]!.amount).toBe(0n);
    expect(r.lines[0]!.explanation).toContain('floored at zero');
  });

  it('refuses negative amounts (refunds go through reverseCommission)', () => {
    expect(() => evaluateCommission({ plan: plan({ type: 'percent', percent: 10 }), conversion: sale({ amount: -100n }) })).toThrow(/reverseCommission/);
  });
});

describe('evaluateCommission: fixed and per lead', () => {
  it('pays the fixed amount in the plan currency, whatever the sale', () => {
    expect(amounts(evaluateCommission({ plan: plan({ type: 'fixed', amount: 500, currency: 'USD' }), conversion: sale() }))).toEqual([['inf_1', 'sale', 500n, 'USD']]);
    expect(amounts(evaluateCommission({ plan: plan({ type: 'fixed', amount: 300, currency: 'JPY' }), conversion: sale({ currency: 'JPY', amount: 5000n }) }))).toEqual([
      ['inf_1', 'sale', 300n, 'JPY'],
    ]);
    const kwd = evaluateCommission({ plan: plan({ type: 'fixed', amount: 1500, currency: 'KWD' }), conversion: sale({ currency: 'EUR' }) });
    expect(amounts(kwd)).toEqual([['inf_1', 'sale', 1500n, 'KWD']]);
    expect(kwd.lines[0]!.explanation).toBe('fixed 1.500 KWD per sale');
  });

  it('pays per lead only on leads', () => {
    const p = plan({ type: 'per_lead', amount: 250, currency: 'USD' });
    const lead = evaluateCommission({ plan: p, conversion: sale({ type: 'lead', amount: 0n }) });
    expect(amounts(lead)).toEqual([['inf_1', 'lead', 250n, 'USD']]);
    expect(lead.lines[0]!.explanation).toBe('fixed 2.50 USD per lead');
    expect(amounts(evaluateCommission({ plan: plan({ type: 'per_lead', amount: 100, currency: 'JPY' }), conversion: sale({ type: 'lead' }) }))).toEqual([['inf_1', 'lead', 100n, 'JPY']]);
    expect(amounts(evaluateCommission({ plan: plan({ type: 'per_lead', amount: 750, currency: 'KWD' }), conversion: sale({ type: 'lead' }) }))).toEqual([['inf_1', 'lead', 750n, 'KWD']]);
    expect(evaluateCommission({ plan: p, conversion: sale() })).toEqual({ lines: [], reason: 'a per_lead plan pays on leads; conversion conv_1 is a sale' });
    expect(evaluateCommission({ plan: plan({ type: 'percent', percent: 10 }), conversion: sale({ type: 'lead' }) })).toEqual({
      lines: [],
      reason: 'a percent plan pays on sales; conversion conv_1 is a lead',
    });
  });

  it('pays nothing per sale on a per-click plan', () => {
    const r = evaluateCommission({ plan: plan({ type: 'per_click', amount: 5, currency: 'USD' }), conversion: sale() });
    expect(r.lines).toEqual([]);
    expect(r.reason).toMatch(/evaluateClickCommission/);
  });
});

describe('evaluateCommission: tiered', () => {
  const usdTiers = [{ from: 0, percent: 10 }, { from: 100000, percent: 15 }, { from: 500000, percent: 20 }];

  it('USD marginal: 800.00 → 1,300.00 cuts 500.00 into 200.00 @10% + 300.00 @15% = 65.00', () => {
    const p = plan({ type: 'tiered', mode: 'marginal', currency: 'USD', tiers: usdTiers });
    const r = evaluateCommission({ plan: p, conversion: sale({ amount: 50000n }), stats: monthStats(7, 80000n) });
    expect(amounts(r)).toEqual([['inf_1', 'sale', 6500n, 'USD']]);
    expect(r.lines[0]!.rule).toBe('tiered:marginal tiers 1–2 (10%, 15%)');
    expect(r.lines[0]!.explanation).toBe(
      'tiered marginal, month revenue 800.00 → 1300.00 USD: 200.00 at 10% (tier 1) + 300.00 at 15% (tier 2), on gross 500.00 USD (tax and shipping unknown, so net = gross) = 65.00 USD',
    );
  });

  it('USD marginal across three tiers and inside one tier', () => {
    const p = plan({ type: 'tiered', mode: 'marginal', currency: 'USD', tiers: usdTiers });
    // 900.00 → 5,100.00: 100.00@10% + 4,000.00@15% + 100.00@20% = 10 + 600 + 20 = 630.00
    expect(evaluateCommission({ plan: p, conversion: sale({ amount: 420000n }), stats: monthStats(1, 90000n) }).lines[0]!.amount).toBe(63000n);
    const inside = evaluateCommission({ plan: p, conversion: sale({ amount: 1000n }), stats: monthStats(1, 200000n) });
    expect(inside.lines[0]).toMatchObject({ amount: 150n, rule: 'tiered:marginal tier 2 (15%)' });
  });

  it('USD whole-volume: the tier reached applies to the whole conversion; exactly reaching counts', () => {
    const p = plan({ type: 'tiered', mode: 'whole-volume', currency: 'USD', tiers: usdTiers });
    const r = evaluateCommission({ plan: p, conversion: sale({ amount: 50000n }), stats: monthStats(7, 80000n) });
    expect(r.lines[0]).toMatchObject({ amount: 7500n, rule: 'tiered:whole-volume tier 2 (15%)' });
    expect(evaluateCommission({ plan: p, conversion: sale({ amount: 10000n }), stats: monthStats(7, 90000n) }).lines[0]!.amount).toBe(1500n);
    expect(evaluateCommission({ plan: p, conversion: sale({ amount: 9999n }), stats: monthStats(7, 90000n) }).lines[0]!.amount).toBe(1000n); // 999.9 → 1000
  });

  it('USD whole-volume retroactive: tops up the earlier period volume when a tier is reached', () => {
    const p = plan({ type: 'tiered', mode: 'whole-volume', retroactive: true, currency: 'USD', tiers: usdTiers });
    const r = evaluateCommission({ plan: p, conversion: sale({ amount: 50000n }), stats: monthStats(7, 80000n) });
    expect(amounts(r)).toEqual([
      ['inf_1', 'sale', 7500n, 'USD'],
      ['inf_1', 'adjustment', 4000n, 'USD'], // (15% − 10%) × 800.00
    ]);
    expect(r.lines[1]!.explanation).toBe('retroactive tier 1 (10%) → tier 2 (15%): (15% − 10%) of earlier month base 800.00 USD = 40.00 USD');
    expect(evaluateCommission({ plan: p, conversion: sale({ amount: 100n }), stats: monthStats(9, 130000n) }).lines).toHaveLength(1);
  });

  it('JPY marginal: ¥95,000 → ¥105,001 gives 5000@5% + 5001@8% = 250 + 400.08 → ¥650', () => {
    const p = plan({ type: 'tiered', mode: 'marginal', currency: 'JPY', tiers: [{ from: 0, percent: 5 }, { from: 100000, percent: 8 }] });
    const r = evaluateCommission({ plan: p, conversion: sale({ currency: 'JPY', amount: 10001n }), stats: monthStats(3, 95000n) });
    expect(amounts(r)).toEqual([['inf_1', 'sale', 650n, 'JPY']]);
  });

  it('KWD by sales count: whole-volume applies from the 50th sale, marginal from the 51st', () => {
    const tiers = [{ from: 0, percent: 5 }, { from: 50, percent: 7.5 }];
    const whole = plan({ type: 'tiered', mode: 'whole-volume', metric: 'sales', tiers });
    const marginal = plan({ type: 'tiered', mode: 'marginal', metric: 'sales', tiers });
    const conv = sale({ currency: 'KWD', amount: 10000n });
    expect(evaluateCommission({ plan: whole, conversion: conv, stats: monthStats(49, 0n) }).lines[0]!.amount).toBe(750n);
    expect(evaluateCommission({ plan: whole, conversion: conv, stats: monthStats(48, 0n) }).lines[0]!.amount).toBe(500n);
    expect(evaluateCommission({ plan: marginal, conversion: conv, stats: monthStats(49, 0n) }).lines[0]!.amount).toBe(500n);
    expect(evaluateCommission({ plan: marginal, conversion: conv, stats: monthStats(50, 0n) }).lines[0]!.amount).toBe(750n);
  });

  it('needs stats for the tier period, and thresholds in the conversion currency', () => {
    const p = plan({ type: 'tiered', mode: 'marginal', currency: 'USD', tiers: usdTiers });
    expect(() => evaluateCommission({ plan: p, conversion: sale() })).toThrow('stats.month is required: the tiered plan measures volume per month');
    expect(() => evaluateCommission({ plan: p, conversion: sale({ currency: 'EUR' }), stats: monthStats(0, 0n) })).toThrow(/convert the conversion first/);
  });
});

describe('evaluateCommission: product overrides', () => {
  const p = plan({
    type: 'percent',
    percent: 10,
    overrides: [
      { match: { category: 'books' }, amount: 100, currency: 'USD' },
      { match: { sku: 'MUG' }, percent: 20 },
      { match: { category: 'mugs' }, percent: 1 },
    ],
  });
  const conv = sale({
    shipping: 1000n,
    lineItems: [
      { sku: 'MUG', category: 'mugs', quantity: 1, amount: 3000n },
      { sku: 'BOOK', category: 'books', quantity: 2, amount: 2000n },
      { sku: 'TEE', category: 'apparel', quantity: 1, amount: 4000n },
    ],
  });

  it('USD: sku beats category; the rest of the base earns the plan rate', () => {
    // net 90.00: MUG 30.00 @20% = 6.00; BOOK 2 × 1.00 = 2.00; remaining 40.00 @10% = 4.00 → 12.00
    const r = evaluateCommission({ plan: p, conversion: conv });
    expect(amounts(r)).toEqual([['inf_1', 'sale', 1200n, 'USD']]);
    expect(r.lines[0]!.rule).toBe('percent 10% + overrides');
    expect(r.lines[0]!.explanation).toBe(
      'percent 10% of 40.00 USD left of net 90.00 USD (gross 100.00 − shipping 10.00) after overrides [sku MUG 30.00 USD at 20%; category books (sku BOOK) 2 × 1.00 USD] = 12.00 USD',
    );
  });

  it('JPY: fixed overrides in another currency become their own line', () => {
    const jp = plan({ type: 'percent', percent: 10, overrides: [{ match: { sku: 'MUG' }, amount: 50, currency: 'USD' }] });
    const r = evaluateCommission({ plan: jp, conversion: sale({ currency: 'JPY', amount: 5000n, lineItems: [{ sku: 'MUG', quantity: 3, amount: 3000n }] }) });
    expect(amounts(r)).toEqual([
      ['inf_1', 'sale', 200n, 'JPY'],
      ['inf_1', 'sale', 150n, 'USD'],
    ]);
  });
});

describe('evaluateCommission: eligibility', () => {
  it('first order only', () => {
    const p = plan({ type: 'percent', percent: 10, appliesTo: 'first_order' });
    expect(evaluateCommission({ plan: p, conversion: sale({ isFirstOrderOfCustomer: false }) })).toEqual({
      lines: [],
      reason: 'plan pays on the first order of a customer only; this is a repeat order',
    });
    expect(evaluateCommission({ plan: p, conversion: sale() }).lines).toHaveLength(1);
  });

  it('recurring: renewals earn within N calendar months of the first payment', () => {
    const firstPaidAt = new Date('2024-01-31T09:00:00Z');
    const p = plan({ type: 'percent', percent: 10, appliesTo: 'first_order', recurring: { months: 1 } });
    const renewal = (at: string) => sale({ isFirstOrderOfCustomer: false, subscription: { isRenewal: true, firstPaidAt }, occurredAt: new Date(at) });
    expect(evaluateCommission({ plan: p, conversion: renewal('2024-02-29T08:59:59Z') }).lines[0]!.amount).toBe(1000n);
    const late = evaluateCommission({ plan: p, conversion: renewal('2024-02-29T09:00:00Z') });
    expect(late.lines).toEqual([]);
    expect(late.reason).toMatch(/^recurring window ended: renewals earn for 1 months/);
    const none = evaluateCommission({ plan: plan({ type: 'percent', percent: 10 }), conversion: renewal('2024-02-01T00:00:00Z') });
    expect(none).toEqual({ lines: [], reason: 'plan does not pay on subscription renewals' });
  });
});

describe('evaluateCommission: bonuses and splits', () => {
  it('pays a milestone bonus once, on the sale that reaches it', () => {
    const p = plan({ type: 'percent', percent: 10, bonuses: [{ metric: 'sales', threshold: 50, period: 'month', amount: 10000, currency: 'USD' }] });
    const r = evaluateCommission({ plan: p, conversion: sale(), stats: monthStats(49, 0n) });
    expect(amounts(r)).toEqual([
      ['inf_1', 'sale', 1000n, 'USD'],
      ['inf_1', 'bonus', 10000n, 'USD'],
    ]);
    expect(r.lines[1]!.explanation).toBe('milestone bonus 100.00 USD: month sales went from 49 to 50, reaching 50 sales');
    expect(evaluateCommission({ plan: p, conversion: sale(), stats: monthStats(50, 0n) }).lines).toHaveLength(1);
    expect(() => evaluateCommission({ plan: p, conversion: sale() })).toThrow(/stats.month is required/);
  });

  it('revenue bonus in KWD counts the commissionable base', () => {
    const p = plan({ type: 'percent', percent: 10, bonuses: [{ metric: 'revenue', threshold: 100000, period: 'week', amount: 5000, currency: 'KWD' }] });
    const week = (revenueInPeriod: bigint) => ({ week: { salesCountInPeriod: 3, revenueInPeriod } });
    const conv = sale({ currency: 'KWD', amount: 12000n, tax: 2000n });
    expect(amounts(evaluateCommission({ plan: p, conversion: conv, stats: week(90000n) }))).toEqual([
      ['inf_1', 'sale', 1000n, 'KWD'],
      ['inf_1', 'bonus', 5000n, 'KWD'],
    ]);
    expect(evaluateCommission({ plan: p, conversion: conv, stats: week(89999n) }).lines).toHaveLength(1);
  });

  it('splits the commission exactly; bonuses stay with the converting creator', () => {
    const p = plan({
      type: 'percent',
      percent: 10,
      splits: [{ influencerId: 'a', share: 50 }, { influencerId: 'b', share: 30 }, { influencerId: 'c', share: 20 }],
      bonuses: [{ metric: 'sales', threshold: 1, period: 'month', amount: 100, currency: 'JPY' }],
    });
    // 10% of ¥9,010 = ¥901 → 450.5 / 270.3 / 180.2 → 451 / 270 / 180
    const r = evaluateCommission({ plan: p, conversion: sale({ currency: 'JPY', amount: 9010n }), stats: monthStats(0, 0n) });
    expect(amounts(r)).toEqual([
      ['a', 'split', 451n, 'JPY'],
      ['b', 'split', 270n, 'JPY'],
      ['c', 'split', 180n, 'JPY'],
      ['inf_1', 'bonus', 100n, 'JPY'],
    ]);
    expect(r.lines[0]!.rule).toBe('split 50% of percent 10%');
  });
});

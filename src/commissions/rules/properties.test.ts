import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { roundHalfEven } from '../../shared/money.ts';
import type { CommissionLine } from './commission-line.ts';
import { evaluateCommission } from './evaluate-commission.ts';
import { PPM, ppmToText } from './percent-value.ts';
import { reverseCommission } from './reverse-commission.ts';
import { monthStats, plan, sale } from './test-fixtures.ts';
import { tieredRate } from './tiered-rate.ts';
import type { TieredPlan } from './plan-schema.ts';

const currency = fc.constantFrom('USD', 'JPY', 'KWD');
const amount = fc.bigInt({ min: 0n, max: 10n ** 13n });
/** A percent 0–100 with up to 4 decimals, as the text a plan would carry. */
const percentText = fc.integer({ min: 0, max: 1_000_000 }).map((ppm) => ppmToText(BigInt(ppm)));
/** Shares with up to 4 decimals summing to exactly 100: cut [0, 1_000_000] ppm at random points. */
const shares = fc
  .uniqueArray(fc.integer({ min: 1, max: 999_999 }), { minLength: 1, maxLength: 5 })
  .map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 1_000_000];
    return points.slice(1).map((p, i) => ppmToText(BigInt(p - points[i]!)));
  });
/** Ascending tiers starting at 0. */
const tiers = fc
  .uniqueArray(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 0, maxLength: 4 })
  .chain((froms) => fc.tuple(fc.constant([0, ...froms.sort((a, b) => a - b)]), fc.array(percentText, { minLength: froms.length + 1, maxLength: froms.length + 1 })))
  .map(([froms, percents]) => froms.map((from, i) => ({ from, percent: percents[i]! })));

const sum = (lines: readonly CommissionLine[]): bigint => lines.reduce((s, l) => s + l.amount, 0n);

describe('commission properties', () => {
  it('percent ≤ 100 never pays more than the base, nor less than zero', () => {
    fc.assert(
      fc.property(currency, amount, amount, amount, percentText, fc.constantFrom('net', 'gross'), (cur, gross, tax, shipping, percent, base) => {
        const r = evaluateCommission({ plan: plan({ type: 'percent', percent, base }), conversion: sale({ currency: cur, amount: gross, tax, shipping }) });
        const net = gross - tax - shipping;
        const baseAmount = base === 'gross' ? gross : net < 0n ? 0n : net;
        expect(r.lines).toHaveLength(1);
        expect(r.lines[0]!.amount >= 0n && r.lines[0]!.amount <= baseAmount).toBe(true);
      }),
    );
  });

  it('split lines sum to the unsplit total', () => {
    fc.assert(
      fc.property(currency, amount, percentText, shares, (cur, gross, percent, splitShares) => {
        const conversion = sale({ currency: cur, amount: gross });
        const unsplit = evaluateCommission({ plan: plan({ type: 'percent', percent }), conversion });
        const splits = splitShares.map((share, i) => ({ influencerId: `inf_${i}`, share }));
        const split = evaluateCommission({ plan: plan({ type: 'percent', percent, splits }), conversion });
        expect(split.lines).toHaveLength(splits.length);
        expect(split.lines.every((l) => l.kind === 'split')).toBe(true);
        expect(sum(split.lines)).toBe(unsplit.lines[0]!.amount);
      }),
    );
  });

  it('marginal tiered equals the sum of its per-tier pieces and a cumulative reference', () => {
    fc.assert(
      fc.property(tiers, fc.bigInt({ min: 0n, max: 3_000_000n }), fc.bigInt({ min: 0n, max: 3_000_000n }), (ts, before, amt) => {
        const p = plan({ type: 'tiered', mode: 'marginal', currency: 'USD', tiers: ts }) as TieredPlan;
        // Independent of percent-value.ts: read the decimal text digit by digit.
        const ppms = ts.map((t) => {
          const [whole, frac = ''] = String(t.percent).split('.');
          return BigInt(whole!) * 10_000n + BigInt(frac.padEnd(4, '0'));
        });
        // Reference: F(x) = exact commission × 10^6 on the first x of period volume.
        const F = (x: bigint): bigint =>
          ts.reduce((acc, t, i) => {
            const lo = BigInt(t.from);
            const hi = i + 1 < ts.length ? BigInt(ts[i + 1]!.from) : x;
            const top = hi < x ? hi : x;
            return top > lo ? acc + (top - lo) * ppms[i]! : acc;
          }, 0n);
        const t = tieredRate(p, before, amt, 'USD', before);
        expect(t.pieces.reduce((s, piece) => s + piece.slice, 0n)).toBe(amt);
        expect(t.numerator).toBe(t.pieces.reduce((s, piece) => s + piece.slice * piece.ppm, 0n));
        expect(t.numerator).toBe(F(before + amt) - F(before));
        const r = evaluateCommission({ plan: p, conversion: sale({ amount: amt }), stats: monthStats(0, before) });
        expect(r.lines[0]!.amount).toBe(roundHalfEven(F(before + amt) - F(before), PPM));
      }),
    );
  });

  it('marginal tiered is additive: one sale equals the same volume sold in two parts (before rounding)', () => {
    fc.assert(
      fc.property(tiers, fc.bigInt({ min: 0n, max: 3_000_000n }), fc.bigInt({ min: 0n, max: 1_500_000n }), fc.bigInt({ min: 0n, max: 1_500_000n }), (ts, before, a, b) => {
        const p = plan({ type: 'tiered', mode: 'marginal', currency: 'USD', tiers: ts }) as TieredPlan;
        const whole = tieredRate(p, before, a + b, 'USD', before).numerator;
        const parts = tieredRate(p, before, a, 'USD', before).numerator + tieredRate(p, before + a, b, 'USD', before + a).numerator;
        expect(whole).toBe(parts);
      }),
    );
  });

  it('with one rate, marginal, whole-volume and a percent plan agree', () => {
    fc.assert(
      fc.property(currency, amount, percentText, fc.bigInt({ min: 0n, max: 10n ** 9n }), (cur, gross, percent, before) => {
        const conversion = sale({ currency: cur, amount: gross });
        const stats = monthStats(3, before);
        const flat = evaluateCommission({ plan: plan({ type: 'percent', percent }), conversion }).lines[0]!.amount;
        for (const mode of ['marginal', 'whole-volume']) {
          const p = plan({ type: 'tiered', mode, currency: cur, tiers: [{ from: 0, percent }, { from: 1000, percent }] });
          expect(evaluateCommission({ plan: p, conversion, stats }).lines[0]!.amount).toBe(flat);
        }
      }),
    );
  });

  it('partial refunds adding up to the whole reverse exactly the commission', () => {
    const refunds = fc
      .tuple(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.array(fc.bigInt({ min: 1n, max: 10n ** 12n }), { minLength: 0, maxLength: 6 }))
      .map(([original, cuts]) => {
        const points = [...new Set(cuts.map((c) => c % original).filter((c) => c > 0n))].sort((a, b) => (a < b ? -1 : 1));
        const all = [0n, ...points, original];
        return { original, parts: all.slice(1).map((p, i) => p - all[i]!) };
      });
    fc.assert(
      fc.property(currency, fc.bigInt({ min: -(10n ** 10n), max: 10n ** 12n }), refunds, (cur, commission, { original, parts }) => {
        const line: CommissionLine = { influencerId: 'i', kind: 'sale', amount: commission, currency: cur, rule: 'r', explanation: '', inputs: {} };
        let refunded = 0n;
        let reversed = 0n;
        for (const part of parts) {
          const r = reverseCommission({ line, original: { amount: original, currency: cur }, refund: { amount: part, currency: cur }, previouslyRefunded: refunded, previouslyReversed: reversed });
          const abs = (x: bigint) => (x < 0n ? -x : x);
          expect(abs(reversed - r.amount) <= abs(commission)).toBe(true);
          refunded += part;
          reversed -= r.amount;
        }
        expect(refunded).toBe(original);
        expect(reversed).toBe(commission);
      }),
    );
  });
});

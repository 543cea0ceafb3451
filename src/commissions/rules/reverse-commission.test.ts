import { describe, expect, it } from 'vitest';
import type { CommissionLine } from './commission-line.ts';
import { reverseCommission } from './reverse-commission.ts';

const line = (amount: bigint, currency = 'USD'): CommissionLine => ({
  influencerId: 'inf_1',
  kind: 'sale',
  amount,
  currency,
  rule: 'percent 10%',
  explanation: '...',
  inputs: { conversionId: 'conv_1' },
});
const m = (amount: bigint, currency = 'USD') => ({ amount, currency });

describe('reverseCommission', () => {
  it('USD: three partial refunds reverse exactly the commission, the last taking the remainder', () => {
    const l = line(900n);
    const r1 = reverseCommission({ line: l, original: m(10000n), refund: m(3333n) });
    expect(r1.amount).toBe(-300n); // 299.97 → 300
    expect(r1.rule).toBe('reversal of percent 10%');
    expect(r1.explanation).toBe('refund 33.33 USD (refunded 33.33 USD of 100.00 USD in total): 9.00 USD × 3333/10000 = 3.00 USD (rounded half-even) − 0.00 USD already reversed = -3.00 USD');
    const r2 = reverseCommission({ line: l, original: m(10000n), refund: m(3333n), previouslyRefunded: 3333n, previouslyReversed: 300n });
    expect(r2.amount).toBe(-300n); // 599.94 → 600, minus 300
    const r3 = reverseCommission({ line: l, original: m(10000n), refund: m(3334n), previouslyRefunded: 6666n, previouslyReversed: 600n });
    expect(r3.amount).toBe(-300n);
    expect(r3.explanation).toContain('full refund reverses the whole 9.00 USD');
  });

  it('JPY and KWD: full refund reverses the original exactly; commission currency may differ', () => {
    expect(reverseCommission({ line: line(1188n, 'JPY'), original: m(10800n, 'JPY'), refund: m(10800n, 'JPY') }).amount).toBe(-1188n);
    expect(reverseCommission({ line: line(309n, 'KWD'), original: m(12345n, 'KWD'), refund: m(6172n, 'KWD') }).amount).toBe(-154n); // 154.48…
    expect(reverseCommission({ line: line(1500n, 'KWD'), original: m(5000n, 'EUR'), refund: m(2500n, 'EUR') }).amount).toBe(-750n);
  });

  it('rejects refunds beyond the original and inconsistent running totals', () => {
    expect(() => reverseCommission({ line: line(900n), original: m(10000n), refund: m(10001n) })).toThrow(/more than the original/);
    expect(() => reverseCommission({ line: line(900n), original: m(10000n), refund: m(0n) })).toThrow(/positive/);
    expect(() => reverseCommission({ line: line(900n), original: m(10000n), refund: m(100n, 'EUR') })).toThrow(/EUR/);
    expect(() => reverseCommission({ line: line(900n), original: m(10000n), refund: m(100n), previouslyRefunded: 100n, previouslyReversed: 500n })).toThrow(/does not match/);
  });
});

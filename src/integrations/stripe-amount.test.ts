import { describe, expect, it } from 'vitest';
import { stripeAmountToMinor } from './stripe-amount.ts';

describe('stripeAmountToMinor', () => {
  it('passes ISO currencies through, upper-casing the code', () => {
    expect(stripeAmountToMinor(3000, 'usd')).toEqual({ ok: true, value: { amount: 3000n, currency: 'USD' } });
    expect(stripeAmountToMinor(500, 'jpy')).toEqual({ ok: true, value: { amount: 500n, currency: 'JPY' } });
    expect(stripeAmountToMinor(5120, 'kwd')).toEqual({ ok: true, value: { amount: 5120n, currency: 'KWD' } });
  });

  it("rescales Stripe's exceptions: ISK is two-decimal in Stripe, MGA zero-decimal", () => {
    expect(stripeAmountToMinor(500, 'isk')).toEqual({ ok: true, value: { amount: 5n, currency: 'ISK' } });
    expect(stripeAmountToMinor(7, 'mga')).toEqual({ ok: true, value: { amount: 700n, currency: 'MGA' } });
    expect(stripeAmountToMinor(510, 'isk')).toMatchObject({ ok: false });
  });

  it('rejects non-integers, negatives, unsafe integers and unknown currencies', () => {
    for (const [amount, currency] of [[12.5, 'usd'], [-1, 'usd'], [2 ** 53, 'usd'], ['100', 'usd'], [100, 'xyz'], [100, null]] as const) {
      expect(stripeAmountToMinor(amount, currency)).toMatchObject({ ok: false });
    }
  });
});

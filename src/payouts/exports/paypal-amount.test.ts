import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDecimalAmount } from '../../shared/money.ts';
import { paypalAmount } from './paypal-amount.ts';

describe('paypalAmount', () => {
  it('spells amounts the way PayPal’s amount.value wants them', () => {
    expect(paypalAmount(987n, 'USD')).toEqual({ ok: true, value: '9.87' });
    expect(paypalAmount(5n, 'EUR')).toEqual({ ok: true, value: '0.05' });
    expect(paypalAmount(1500n, 'JPY')).toEqual({ ok: true, value: '1500' });
    expect(paypalAmount(150000n, 'HUF')).toEqual({ ok: true, value: '1500' });
    expect(paypalAmount(150001n, 'HUF')).toMatchObject({ ok: false });
    expect(paypalAmount(1234n, 'KWD')).toMatchObject({ ok: false, message: expect.stringContaining('KWD') });
  });

  it('round-trips through the shared decimal parser for every two-decimal PayPal currency', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.constantFrom('USD', 'EUR', 'GBP', 'CAD', 'AUD'), (amount, currency) => {
        const r = paypalAmount(amount, currency);
        expect(r.ok && parseDecimalAmount(r.value, currency)).toEqual({ ok: true, value: { amount, currency } });
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { ACTIVE_CURRENCY_CODES, currencyName, isCurrency, minorUnits } from './currencies.ts';

describe('currencies', () => {
  it('knows minor units from the ISO 4217 data', () => {
    expect(minorUnits('JPY')).toBe(0);
    expect(minorUnits('USD')).toBe(2);
    expect(minorUnits('KWD')).toBe(3);
    expect(minorUnits('CLF')).toBe(4);
    expect(currencyName('USD')).toBe('US Dollar');
  });

  it('accepts only active codes with a minor unit, case-sensitively', () => {
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('eur')).toBe(false);
    expect(isCurrency('XAU')).toBe(false); // minor unit N.A.
    expect(isCurrency('constructor')).toBe(false);
    expect(isCurrency(42)).toBe(false);
    expect(() => minorUnits('ABC')).toThrow(/Unknown currency/);
  });

  it('lists sorted, unique, three-letter codes', () => {
    expect(ACTIVE_CURRENCY_CODES.length).toBeGreaterThan(150);
    expect([...ACTIVE_CURRENCY_CODES].sort()).toEqual(ACTIVE_CURRENCY_CODES);
    expect(new Set(ACTIVE_CURRENCY_CODES).size).toBe(ACTIVE_CURRENCY_CODES.length);
    expect(ACTIVE_CURRENCY_CODES.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { AttributionSettingsSchema } from './types.ts';

const DEFAULTS = {
  model: 'last_click',
  windowDays: 30,
  precedence: 'coupon',
  customerLifetime: { enabled: true, days: 365 },
  minClickToConversionSeconds: 10,
  velocity: { windowMinutes: 60, maxPerIpHash: 5, maxPerCustomer: 5 },
};

const issues = (input: unknown): string[] => {
  const r = AttributionSettingsSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('AttributionSettingsSchema', () => {
  it('fills every default from an empty object', () => {
    expect(AttributionSettingsSchema.parse({})).toEqual(DEFAULTS);
  });

  it('fills nested defaults around partial input', () => {
    expect(AttributionSettingsSchema.parse({ model: 'first_click', customerLifetime: { days: null }, velocity: { maxPerIpHash: 20 } })).toEqual({
      ...DEFAULTS,
      model: 'first_click',
      customerLifetime: { enabled: true, days: null },
      velocity: { windowMinutes: 60, maxPerIpHash: 20, maxPerCustomer: 5 },
    });
    expect(AttributionSettingsSchema.parse({ customerLifetime: { enabled: false } }).customerLifetime).toEqual({ enabled: false, days: 365 });
  });

  it('keeps a full value as it is', () => {
    const full = { ...DEFAULTS, precedence: 'click', windowDays: 7, minClickToConversionSeconds: 0 };
    expect(AttributionSettingsSchema.parse(full)).toEqual(full);
  });

  it('rejects unknown keys at every level', () => {
    expect(issues({ windowDayz: 7 })).toHaveLength(1);
    expect(issues({ velocity: { perIp: 3 } })).toHaveLength(1);
    expect(issues({ customerLifetime: { forever: true } })).toHaveLength(1);
  });

  it('rejects out-of-range values with clear messages', () => {
    expect(issues({ windowDays: 0 })).toEqual(['windowDays: windowDays must be at least 1 day']);
    expect(issues({ windowDays: 1.5 })).toEqual(['windowDays: windowDays must be a whole number of days']);
    expect(issues({ windowDays: 4000 })).toEqual(['windowDays: windowDays must be at most 3650 days']);
    expect(issues({ windowDays: '30' })).toEqual(['windowDays: windowDays must be a number of days']);
    expect(issues({ customerLifetime: { days: 0 } })).toEqual(['customerLifetime.days: customerLifetime.days must be at least 1 day']);
    expect(issues({ minClickToConversionSeconds: -1 })).toEqual(['minClickToConversionSeconds: minClickToConversionSeconds must not be negative']);
    expect(issues({ velocity: { maxPerCustomer: 0 } })).toEqual(['velocity.maxPerCustomer: velocity.maxPerCustomer must be at least 1']);
    expect(issues({ model: 'linear' })).toHaveLength(1);
    expect(issues({ precedence: 'both' })).toHaveLength(1);
  });
});

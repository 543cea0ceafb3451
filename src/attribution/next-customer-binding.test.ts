import { describe, expect, it } from 'vitest';
import { nextCustomerBinding, type NextCustomerBindingInput } from './next-customer-binding.ts';
import { AT, DAY, binding, click, conversion, decide, settings } from './test-fixtures.ts';

const byClick = decide({ clickFromId: click('a', DAY) });
const input = (overrides: Partial<NextCustomerBindingInput> = {}): NextCustomerBindingInput => ({
  conversion: conversion(),
  conversionId: 'cnv_new',
  decision: byClick,
  binding: null,
  settings: settings(),
  ...overrides,
});

describe('nextCustomerBinding', () => {
  it("binds a new customer to the conversion's creator and campaign", () => {
    expect(nextCustomerBinding(input())).toEqual({ influencerId: 'inf_bob', campaignId: 'cmp_1', boundAt: AT, conversionId: 'cnv_new' });
  });

  it('keeps a live binding: the creator who first brought the customer keeps them', () => {
    expect(nextCustomerBinding(input({ binding: binding(365 * DAY) }))).toBeNull();
    expect(nextCustomerBinding(input({ binding: binding(3000 * DAY), settings: settings({ customerLifetime: { days: null } }) }))).toBeNull();
  });

  it('replaces an expired binding', () => {
    expect(nextCustomerBinding(input({ binding: binding(365 * DAY + 1) }))?.influencerId).toBe('inf_bob');
  });

  it('replaces a binding made by a later conversion (events out of order)', () => {
    expect(nextCustomerBinding(input({ binding: binding(-DAY) }))?.conversionId).toBe('cnv_new');
  });

  it('binds nothing when lifetime commissions are off, unattributed, or without a customer', () => {
    expect(nextCustomerBinding(input({ settings: settings({ customerLifetime: { enabled: false } }) }))).toBeNull();
    expect(nextCustomerBinding(input({ decision: decide() }))).toBeNull();
    expect(nextCustomerBinding(input({ conversion: conversion({ customerKey: null }) }))).toBeNull();
  });
});

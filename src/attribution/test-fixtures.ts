/** Builders shared by the attribution tests (not used by production code). */
import { decideAttribution } from './decide-attribution.ts';
import {
  AttributionSettingsSchema,
  DAY_MS,
  type AttributionDecision,
  type AttributionInput,
  type AttributionSettingsInput,
  type ClickSignal,
  type ConversionFacts,
  type CouponSignal,
  type CustomerBinding,
} from './types.ts';

export const AT = new Date('2024-05-10T12:00:00.000Z');
export const DAY = DAY_MS;
export const SEC = 1000;

/** The moment `ms` before the conversion (negative = after it). */
export const before = (ms: number): Date => new Date(AT.getTime() - ms);

export const settings = (input: AttributionSettingsInput = {}) => AttributionSettingsSchema.parse(input);

/** A click `ageMs` before the conversion; `id` becomes clk_<id> and lnk_<id>. */
export const click = (id: string, ageMs: number, overrides: Partial<ClickSignal> = {}): ClickSignal => ({
  clickId: `clk_${id}`,
  linkId: `lnk_${id}`,
  influencerId: 'inf_bob',
  campaignId: 'cmp_1',
  clickedAt: before(ageMs),
  ipHash: 'ip_1',
  bot: false,
  ...overrides,
});

export const conversion = (overrides: Partial<ConversionFacts> = {}): ConversionFacts => ({
  type: 'sale',
  occurredAt: AT,
  orderId: 'ord_1',
  customerKey: 'cust_1',
  ipHash: 'ip_1',
  clickIdGiven: null,
  couponCodeGiven: null,
  ...overrides,
});

export const coupon = (overrides: Partial<CouponSignal> = {}): CouponSignal => ({
  code: 'SPRING10',
  influencerId: 'inf_maya',
  campaignId: null,
  singleUse: false,
  alreadyUsedByOrderId: null,
  active: true,
  ...overrides,
});

export const binding = (ageMs: number, overrides: Partial<CustomerBinding> = {}): CustomerBinding => ({
  influencerId: 'inf_old',
  campaignId: null,
  boundAt: before(ageMs),
  conversionId: 'cnv_0',
  ...overrides,
});

/** decideAttribution with empty signals and default settings unless overridden. */
export const decide = (overrides: Partial<AttributionInput> = {}): AttributionDecision =>
  decideAttribution({ conversion: conversion(), clickFromId: null, visitorClicks: [], coupon: null, binding: null, settings: settings(), ...overrides });

/** The signal with this ref (click id, coupon code or binding conversion id). */
export const signalOf = (d: AttributionDecision, ref: string) => {
  const s = d.signals.find((x) => x.ref === ref);
  if (!s) throw new Error(`no signal ${ref} in ${JSON.stringify(d.signals)}`);
  return s;
};

/** The closing reason: which signal won and why. */
export const verdict = (d: AttributionDecision): string => d.reasons[d.reasons.length - 1]!;

import { bindingExpired } from './assess-binding.ts';
import type { AttributionDecision, AttributionSettings, ConversionFacts, CustomerBinding } from './types.ts';

export type NextCustomerBindingInput = {
  conversion: ConversionFacts;
  /** The id the conversion is stored under; it becomes the binding's `conversionId`. */
  conversionId: string;
  decision: AttributionDecision;
  /** The customer's current binding, as passed to decideAttribution. */
  binding: CustomerBinding | null;
  settings: AttributionSettings;
};

/**
 * The binding to write after a conversion is decided, or null to leave the stored one as it is.
 * Lifetime means the creator who first brought the customer keeps them, so an existing binding is
 * replaced only when it has expired, or when it was made by a later conversion (events arriving
 * out of order); nothing is bound while lifetime commissions are off, for an unattributed
 * conversion, or without a customer key.
 * @example
 * nextCustomerBinding({ conversion, conversionId: 'cnv_1', decision, binding: null, settings })
 * // { influencerId: decision.influencerId, campaignId: decision.campaignId, boundAt: conversion.occurredAt, conversionId: 'cnv_1' }
 */
export function nextCustomerBinding(input: NextCustomerBindingInput): CustomerBinding | null {
  const { conversion, decision, binding, settings } = input;
  if (!settings.customerLifetime.enabled || conversion.customerKey === null || decision.influencerId === null) return null;
  if (binding !== null) {
    const ageMs = conversion.occurredAt.getTime() - binding.boundAt.getTime();
    const madeLater = ageMs < 0;
    if (!madeLater && !bindingExpired(ageMs, settings.customerLifetime.days)) return null;
  }
  return { influencerId: decision.influencerId, campaignId: decision.campaignId, boundAt: conversion.occurredAt, conversionId: input.conversionId };
}

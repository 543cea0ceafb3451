/** Public API of the attribution rules (pure functions of data, no I/O, time passed in). */
export { AttributionSettingsSchema, DAY_MS } from './types.ts';
export type {
  AttributionDecision,
  AttributionInput,
  AttributionMethod,
  AttributionModel,
  AttributionSettings,
  AttributionSettingsInput,
  AttributionSignal,
  ClickSignal,
  ConversionFacts,
  CouponSignal,
  CustomerBinding,
  SignalKind,
  SignalStatus,
} from './types.ts';
export { decideAttribution } from './decide-attribution.ts';
export { detectFraud, type DetectFraudInput, type FraudFlag, type FraudFlagCode } from './detect-fraud.ts';
export { needsReview } from './needs-review.ts';
export { nextCustomerBinding, type NextCustomerBindingInput } from './next-customer-binding.ts';

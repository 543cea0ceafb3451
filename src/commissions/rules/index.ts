/** Public API of the commission rules engine (pure functions, no I/O). */
export { commissionPlanSchema, parseCommissionPlan, PERIODS } from './plan-schema.ts';
export type { CommissionPlan, CommissionPlanInput, TieredPlan, Period, PlanOverride, PlanBonus, PlanGift } from './plan-schema.ts';
export type {
  CommissionKind,
  CommissionLine,
  Conversion,
  CostRecord,
  CreatorStats,
  EvaluationResult,
  LineInputs,
  LineItem,
  PeriodStats,
} from './commission-line.ts';
export { evaluateCommission, type EvaluateCommissionInput } from './evaluate-commission.ts';
export { evaluateClickCommission, type ClickCommissionInput } from './evaluate-click-commission.ts';
export { evaluateFlatFee, type FlatFeeInput } from './evaluate-flat-fee.ts';
export { evaluateGiftedCost, type GiftedCostInput, type GiftItem } from './evaluate-gifted-cost.ts';
export { evaluateOverrides, type OverridesInput } from './evaluate-overrides.ts';
export { reverseCommission, type ReverseCommissionInput } from './reverse-commission.ts';
export { parsePercent, ppmToText, PPM } from './percent-value.ts';

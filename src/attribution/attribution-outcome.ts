import type { AssessedClick } from './assess-clicks.ts';
import type { BindingAssessment } from './assess-binding.ts';
import type { CouponAssessment } from './assess-coupon.ts';
import type { AttributionInput, AttributionMethod } from './types.ts';

/** The signal that decided and where it points. */
export type Winner = { method: AttributionMethod; influencerId: string; campaignId: string | null };

/**
 * Everything decideAttribution worked out, handed to the code that writes signals and reasons
 * so the wording lives apart from the rules.
 */
export type AttributionOutcome = {
  input: AttributionInput;
  clicks: AssessedClick[];
  coupon: CouponAssessment;
  binding: BindingAssessment;
  /** The click the model picks among all valid clicks, whoever wins overall. */
  modelClick: AssessedClick | null;
  winner: Winner | null;
  /** The click that decided, or the winner's own click recorded with a coupon or binding. */
  usedClick: AssessedClick | null;
  /** Whether the valid coupon decided or is recorded with the winner. */
  usedCoupon: boolean;
  campaignId: string | null;
  validClicks: number;
};

/** A campaign constraint fits when either side is open (null) or both name the same campaign. */
export function campaignFits(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

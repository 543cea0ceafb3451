import type { FraudFlag } from './detect-fraud.ts';

/**
 * Whether flags send the conversion to review instead of the normal flow. Every flag does, so a
 * flag added later can never slip through unreviewed.
 * @example
 * needsReview([]) // false
 * needsReview(detectFraud(input)) // true when any flag was raised
 */
export function needsReview(flags: readonly FraudFlag[]): boolean {
  return flags.length > 0;
}

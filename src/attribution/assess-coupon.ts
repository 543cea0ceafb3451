import type { ConversionFacts, CouponSignal } from './types.ts';

export type CouponAssessment =
  | { verdict: 'none' }
  | { verdict: 'unknown'; code: string }
  | { verdict: 'inactive' | 'already_used' | 'valid'; code: string; coupon: CouponSignal };

/**
 * Whether the coupon may attribute. An inactive coupon never does; a single-use coupon already
 * used by another order does not, but the same order delivered again (webhook retries, a second
 * integration) may use it again. A typed code that resolved to nothing is 'unknown'. A lead with
 * no order id cannot be "the same order", so a spent single-use coupon is spent for it too.
 * @example
 * assessCoupon(conversion, { code: 'SPRING10', active: false, ... }) // { verdict: 'inactive', code: 'SPRING10', coupon }
 */
export function assessCoupon(conversion: ConversionFacts, coupon: CouponSignal | null): CouponAssessment {
  if (coupon === null) {
    return conversion.couponCodeGiven === null ? { verdict: 'none' } : { verdict: 'unknown', code: conversion.couponCodeGiven };
  }
  const usedBy = coupon.alreadyUsedByOrderId;
  const verdict = !coupon.active
    ? 'inactive'
    : coupon.singleUse && usedBy !== null && usedBy !== conversion.orderId
      ? 'already_used'
      : 'valid';
  return { verdict, code: coupon.code, coupon };
}

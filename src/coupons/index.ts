export { createCoupon, listCoupons, toCouponDto, updateCoupon } from './coupon-verbs.ts';
export { CouponCode, CreateCouponInput, type CouponDto } from './schemas.ts';
export { couponRoutes } from './routes.ts';

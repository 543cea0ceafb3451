import { z } from 'zod';

export const CouponCode = z
  .string()
  .trim()
  .min(3, 'code must be at least 3 characters')
  .max(64, 'code must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'code may hold letters, digits, _ and -');

export const CreateCouponInput = z.strictObject({
  influencerId: z.string().min(1).max(100),
  campaignId: z.string().min(1).max(100).optional(),
  code: CouponCode,
  singleUse: z.boolean().default(false),
});
export type CreateCouponInput = z.input<typeof CreateCouponInput>;

export const UpdateCouponInput = z.strictObject({ active: z.boolean() });

export const ListCouponsInput = z.strictObject({
  influencerId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export type CouponDto = {
  id: string;
  code: string;
  influencerId: string;
  campaignId: string | null;
  singleUse: boolean;
  used: boolean;
  active: boolean;
  createdAt: string;
};

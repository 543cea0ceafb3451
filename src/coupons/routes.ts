import { z } from 'zod';
import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { createCoupon, listCoupons, updateCoupon } from './coupon-verbs.ts';
import { CreateCouponInput, ListCouponsInput, UpdateCouponInput } from './schemas.ts';

export function couponRoutes(app: App, { database }: RouteDeps): void {
  const tags = ['coupons'];
  app.post('/api/v1/coupons', { schema: { tags, summary: "Give a creator a coupon code", body: CreateCouponInput } }, async (request, reply) =>
    reply.status(201).send({ coupon: await createCoupon({ ctx: contextOf(request, database), input: request.body }) }),
  );
  app.get('/api/v1/coupons', { schema: { tags, summary: 'List coupon codes', querystring: ListCouponsInput } }, async (request) => ({
    data: await listCoupons({ ctx: contextOf(request, database), input: request.query }),
  }));
  app.patch(
    '/api/v1/coupons/:id',
    { schema: { tags, summary: 'Activate or deactivate a coupon', params: z.strictObject({ id: z.string().max(100) }), body: UpdateCouponInput } },
    async (request) => ({ coupon: await updateCoupon({ ctx: contextOf(request, database), input: { id: request.params.id, patch: request.body } }) }),
  );
}

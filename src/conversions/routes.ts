import { z } from 'zod';
import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { getConversion } from './get-conversion.ts';
import { listConversions } from './list-conversions.ts';
import { recordConversion } from './record-conversion.ts';
import { recordRefund } from './record-refund.ts';
import { reviewConversion } from './review-conversion.ts';
import { ConversionInput, ListConversionsInput, RefundInput, ReviewInput } from './schemas.ts';
import { toConversionDto } from './to-conversion-dto.ts';

const IdParams = z.strictObject({ id: z.string().min(1).max(100) });

export function conversionRoutes(app: App, { database }: RouteDeps): void {
  const tags = ['conversions'];
  app.post(
    '/api/v1/conversions',
    { schema: { tags, summary: 'Record a lead or sale (idempotent by orderId) and attribute it', body: ConversionInput } },
    async (request, reply) => {
      const { conversion, duplicate } = await recordConversion({ ctx: contextOf(request, database), input: request.body, source: 'api' });
      const dto = toConversionDto(conversion);
      return reply.status(duplicate ? 200 : 201).send({ id: dto.id, influencerId: dto.influencerId, duplicate, attribution: dto.attribution, conversion: dto });
    },
  );
  app.get('/api/v1/conversions', { schema: { tags, summary: 'List conversions (status=review is the review queue)', querystring: ListConversionsInput } }, async (request) => {
    const { rows, nextCursor } = await listConversions({ ctx: contextOf(request, database), input: request.query });
    return { data: rows.map(toConversionDto), nextCursor };
  });
  app.get('/api/v1/conversions/:id', { schema: { tags, summary: 'A conversion with its attribution decision and history', params: IdParams } }, async (request) => ({
    conversion: await getConversion({ ctx: contextOf(request, database), input: request.params }),
  }));
  app.post(
    '/api/v1/conversions/:id/refunds',
    { schema: { tags, summary: 'Refund part or all of a sale, or record a chargeback (idempotent by refundId)', params: IdParams, body: RefundInput } },
    async (request, reply) => {
      const { conversion, duplicate } = await recordRefund({ ctx: contextOf(request, database), input: { ...request.body, conversionId: request.params.id } });
      return reply.status(duplicate ? 200 : 201).send({ duplicate, conversion: toConversionDto(conversion) });
    },
  );
  app.post(
    '/api/v1/conversions/:id/review',
    { schema: { tags, summary: 'Approve or reject a conversion held in review', params: IdParams, body: ReviewInput } },
    async (request) => ({
      conversion: toConversionDto(await reviewConversion({ ctx: contextOf(request, database), input: { id: request.params.id, decision: request.body } })),
    }),
  );
}

import { z } from 'zod';
import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { AppError } from '../shared/errors.ts';
import { createPayoutBatch, getPayoutBatch } from './create-payout-batch.ts';
import { creatorStatement, statementCsv, statementHtml } from './creator-statement.ts';
import { exportBatch } from './exports/index.ts';
import { listPayoutBatches, ListPayoutBatchesInput } from './list-payout-batches.ts';
import { setPayoutDetails } from './payout-details.ts';
import { settlePayoutItems } from './settle-payout-items.ts';

const BatchParams = z.strictObject({ id: z.string().max(100) });
const FORMATS = ['paypal-csv', 'paypal-json', 'wise-csv', 'sepa-xml'] as const;

function batchDto(b: Awaited<ReturnType<typeof getPayoutBatch>>) {
  return {
    id: b.batch.id,
    currency: b.batch.currency,
    status: b.batch.status,
    total: Number(b.batch.total),
    itemCount: b.batch.item_count,
    idempotencyKey: b.batch.idempotency_key,
    createdAt: b.batch.created_at.toISOString(),
    items: b.items.map((i) => ({ id: i.id, influencerId: i.influencer_id, name: i.name, amount: Number(i.amount), currency: i.currency, status: i.status, method: i.method, failureReason: i.failure_reason, paidAt: i.paid_at?.toISOString() ?? null })),
  };
}

export function payoutRoutes(app: App, { database }: RouteDeps): void {
  const tags = ['payouts'];
  app.post(
    '/api/v1/payouts/batches',
    { schema: { tags, summary: 'Gather payable balances at or above the threshold into a batch (idempotent)', body: z.strictObject({ currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code'), idempotencyKey: z.string().min(1).max(200) }) } },
    async (request, reply) => {
      const ctx = contextOf(request, database);
      const { batchId, created } = await createPayoutBatch({ ctx, input: request.body });
      return reply.status(created ? 201 : 200).send({ created, batch: batchDto(await getPayoutBatch(ctx, batchId)) });
    },
  );
  app.get(
    '/api/v1/payouts/batches',
    { schema: { tags, summary: 'List payout batches, newest first (cursor pagination)', querystring: ListPayoutBatchesInput } },
    async (request) => listPayoutBatches({ ctx: contextOf(request, database), input: request.query }),
  );
  app.get('/api/v1/payouts/batches/:id', { schema: { tags, summary: 'A payout batch and its items', params: BatchParams } }, async (request) => ({
    batch: batchDto(await getPayoutBatch(contextOf(request, database), request.params.id)),
  }));
  app.get(
    '/api/v1/payouts/batches/:id/export',
    { schema: { tags, summary: 'Export a batch: PayPal CSV or API JSON, Wise CSV, SEPA pain.001 XML', params: BatchParams, querystring: z.strictObject({ format: z.enum(FORMATS, { message: `format must be one of ${FORMATS.join(', ')}` }) }) } },
    async (request, reply) => {
      const ctx = contextOf(request, database);
      const { batch, items } = await getPayoutBatch(ctx, request.params.id);
      const ws = await ctx.db.selectFrom('workspaces').select(['name', 'settings']).where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
      const debtor = (ws.settings as { payoutAccount?: { name: string; iban: string; bic: string | null } }).payoutAccount ?? null;
      let file;
      try {
        file = exportBatch(
          {
            id: batch.id,
            createdAt: batch.created_at,
            currency: batch.currency,
            debtor,
            lines: items
              .filter((i) => i.status === 'pending' || i.status === 'paid')
              .map((i) => ({
                itemId: i.id,
                influencerId: i.influencer_id,
                name: i.name,
                amount: i.amount,
                currency: i.currency,
                method: (i.method ?? 'paypal') as 'paypal' | 'bank',
                paypalEmail: i.paypal_email,
                iban: i.iban,
                bic: i.bic,
                accountHolder: i.account_holder,
                note: `${ws.name} commissions ${batch.id}`,
              })),
          },
          request.query.format,
        );
      } catch (err) {
        throw new AppError('PRECONDITION_FAILED', `Cannot export this batch as ${request.query.format}: ${(err as Error).message}`);
      }
      return reply.type(file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`).send(file.body);
    },
  );
  for (const outcome of ['paid', 'failed'] as const) {
    app.post(
      `/api/v1/payouts/batches/:id/mark-${outcome}`,
      { schema: { tags, summary: `Mark items (or the whole batch) ${outcome}`, params: BatchParams, body: z.strictObject({ itemIds: z.array(z.string().max(100)).max(5000).optional(), reason: z.string().max(500).optional() }) } },
      async (request) => settlePayoutItems({ ctx: contextOf(request, database), input: { batchId: request.params.id, outcome, ...(request.body.itemIds ? { itemIds: request.body.itemIds } : {}), ...(request.body.reason ? { reason: request.body.reason } : {}) } }),
    );
  }
  app.put(
    '/api/v1/influencers/:id/payout-details',
    { schema: { tags, summary: "Where a creator is paid (PayPal email, or IBAN/BIC) and their own minimum", params: BatchParams, body: z.unknown() } },
    async (request) => ({ payoutDetails: await setPayoutDetails({ ctx: contextOf(request, database), input: { influencerId: request.params.id, details: request.body } }) }),
  );
  app.get(
    '/api/v1/influencers/:id/statement',
    { schema: { tags, summary: 'Statement of commissions, adjustments and payouts (HTML or CSV)', params: BatchParams, querystring: z.strictObject({ from: z.iso.date(), to: z.iso.date(), format: z.enum(['html', 'csv', 'json']).default('html') }) } },
    async (request, reply) => {
      const s = await creatorStatement({ ctx: contextOf(request, database), input: { influencerId: request.params.id, from: new Date(request.query.from), to: new Date(request.query.to) } });
      if (request.query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(statementCsv(s));
      if (request.query.format === 'json') return { influencerId: s.influencer.id, lines: s.lines.map((l) => ({ ...l, amount: Number(l.amount) })) };
      return reply.type('text/html; charset=utf-8').send(statementHtml(s));
    },
  );
}

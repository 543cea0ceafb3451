import { sql } from 'kysely';
import { z } from 'zod';
import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { getBalances } from '../ledger/balances.ts';
import { audit } from '../shared/audit.ts';
import { notFound } from '../shared/errors.ts';
import { cursorAtColumn, decodeCursor, encodeCursor } from '../shared/page-cursor.ts';
import { approveCommissions, rejectCommission } from './lifecycle.ts';
import { accrueClickCommissions } from './accrue-click-commissions.ts';
import { parseWorkspacePlan } from './plan-for.ts';
import { toCommissionDto } from './to-commission-dto.ts';

const STATUSES = ['pending', 'approved', 'paid', 'rejected', 'cancelled'] as const;
const IdParams = z.strictObject({ id: z.string().min(1).max(100) });
const ListQuery = z.strictObject({
  influencerId: z.string().max(100).optional(),
  status: z.enum(STATUSES).optional(),
  conversionId: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional(),
});

export function commissionRoutes(app: App, { database }: RouteDeps): void {
  const tags = ['commissions'];
  app.get('/api/v1/commissions', { schema: { tags, summary: 'List commissions', querystring: ListQuery } }, async (request) => {
    const ctx = contextOf(request, database);
    const q = request.query;
    let query = ctx.db.selectFrom('commissions').selectAll().select(cursorAtColumn().as('cursor_at')).where('workspace_id', '=', ctx.workspaceId);
    if (q.influencerId) query = query.where('influencer_id', '=', q.influencerId);
    if (q.status) query = query.where('status', '=', q.status);
    if (q.conversionId) query = query.where('conversion_id', '=', q.conversionId);
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      query = query.where(sql<boolean>`(created_at, id) < (${c.at}::timestamptz, ${c.id})`);
    }
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit + 1).execute();
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return { data: page.map(toCommissionDto), nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null };
  });
  app.get('/api/v1/commissions/:id', { schema: { tags, summary: 'A commission, explained in words and numbers', params: IdParams } }, async (request) => {
    const ctx = contextOf(request, database);
    const row = await ctx.db.selectFrom('commissions').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', request.params.id).executeTakeFirst();
    if (!row) throw notFound('Commission', request.params.id);
    const adjustments = await ctx.db.selectFrom('commissions').selectAll().where('workspace_id', '=', ctx.workspaceId).where('reversal_of', '=', row.id).orderBy('created_at').execute();
    return { commission: { ...toCommissionDto(row), adjustments: adjustments.map(toCommissionDto) } };
  });
  app.post(
    '/api/v1/commissions/approve',
    { schema: { tags, summary: 'Approve pending commissions by id (bulk), before or after their hold', body: z.strictObject({ ids: z.array(z.string().max(100)).min(1).max(1000) }) } },
    async (request) => ({ data: (await approveCommissions({ ctx: contextOf(request, database), input: { ids: request.body.ids } })).map(toCommissionDto) }),
  );
  app.post(
    '/api/v1/commissions/approve-due',
    { schema: { tags, summary: 'Approve every commission whose hold has ended (the scheduler does this every minute)' } },
    async (request) => ({ data: (await approveCommissions({ ctx: contextOf(request, database), input: { due: { asOf: new Date() } } })).map(toCommissionDto) }),
  );
  app.post(
    '/api/v1/commissions/accrue-clicks',
    { schema: { tags, summary: "Per-click commissions for a finished UTC day (the scheduler does yesterday's)", body: z.strictObject({ day: z.string() }) } },
    async (request) => ({ data: (await accrueClickCommissions({ ctx: contextOf(request, database), input: { day: request.body.day } })).map(toCommissionDto) }),
  );
  app.post(
    '/api/v1/commissions/:id/reject',
    { schema: { tags, summary: 'Reject a pending commission with a reason', params: IdParams, body: z.strictObject({ reason: z.string().trim().min(3, 'give a reason the creator will see').max(500) }) } },
    async (request) => ({ commission: toCommissionDto(await rejectCommission({ ctx: contextOf(request, database), input: { id: request.params.id, reason: request.body.reason } })) }),
  );
  app.get('/api/v1/ledger/balances', { schema: { tags: ['ledger'], summary: 'Pending, payable and paid per creator and currency, derived from the ledger', querystring: z.strictObject({ influencerId: z.string().max(100).optional() }) } }, async (request) => ({
    data: await getBalances({ ctx: contextOf(request, database), input: request.query }),
  }));
  app.put(
    '/api/v1/campaigns/:id/commission-plans/:influencerId',
    { schema: { tags, summary: "Override the campaign's commission plan for one creator", params: z.strictObject({ id: z.string().max(100), influencerId: z.string().max(100) }), body: z.strictObject({ plan: z.unknown() }) } },
    async (request) => {
      const ctx = contextOf(request, database);
      const plan = await parseWorkspacePlan(ctx, request.body.plan, 'plan');
      const owned = await ctx.db
        .selectFrom('campaigns')
        .select('id')
        .where('workspace_id', '=', ctx.workspaceId)
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!owned) throw notFound('Campaign', request.params.id);
      const inf = await ctx.db.selectFrom('influencers').select('id').where('workspace_id', '=', ctx.workspaceId).where('id', '=', request.params.influencerId).executeTakeFirst();
      if (!inf) throw notFound('Influencer', request.params.influencerId);
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('commission_plan_overrides')
          .values({ workspace_id: ctx.workspaceId, campaign_id: owned.id, influencer_id: inf.id, plan: JSON.stringify(plan) })
          .onConflict((oc) => oc.columns(['campaign_id', 'influencer_id']).doUpdateSet({ plan: JSON.stringify(plan) }))
          .execute();
        await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'commission_plan.overridden', subjectId: owned.id, data: { influencerId: inf.id } });
      });
      return { plan };
    },
  );
}

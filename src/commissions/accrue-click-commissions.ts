import { sql } from 'kysely';
import { z } from 'zod';
import type { Context } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { insertCommission, type CommissionRow } from './insert-commission.ts';
import { planFor } from './plan-for.ts';
import { evaluateClickCommission } from './rules/index.ts';

/**
 * Per-click commissions for one finished UTC day: each creator's unique human clicks in each
 * campaign whose plan (or the creator's override) pays per click, read from the click rollups.
 * Once per creator, campaign and day (a unique key), so running it again adds nothing.
 */
export async function accrueClickCommissions({ ctx, input }: { ctx: Context; input: { day: string; now?: Date } }): Promise<CommissionRow[]> {
  if (!z.iso.date().safeParse(input.day).success) throw new AppError('VALIDATION', 'day: must be a date, YYYY-MM-DD');
  const today = (input.now ?? new Date()).toISOString().slice(0, 10);
  if (input.day >= today) throw new AppError('VALIDATION', `day: ${input.day} is not over yet (UTC); clicks are paid once the day has ended`);
  const next = new Date(Date.parse(`${input.day}T00:00:00Z`) + 86400_000).toISOString();
  const rows = await sql<{ campaign_id: string; influencer_id: string; uniques: bigint }>`
    select campaign_id, influencer_id, sum(unique_clicks)::int8 as uniques from (
      select campaign_id, influencer_id, unique_clicks from click_stats_daily
      where workspace_id = ${ctx.workspaceId} and bucket = ${input.day}::date
      union all
      select campaign_id, influencer_id, unique_clicks from click_stats_delta
      where workspace_id = ${ctx.workspaceId} and dimension = '' and bucket >= ${input.day}::timestamptz and bucket < ${next}::timestamptz
    ) t
    where campaign_id in (
      select id from campaigns where workspace_id = ${ctx.workspaceId} and commission_plan->>'type' = 'per_click'
      union select campaign_id from commission_plan_overrides where workspace_id = ${ctx.workspaceId} and plan->>'type' = 'per_click')
    group by 1, 2 having sum(unique_clicks) > 0`.execute(ctx.db);
  const created: CommissionRow[] = [];
  for (const r of rows.rows) {
    const dedupeKey = `click:${r.campaign_id}:${r.influencer_id}:${input.day}`;
    const done = await ctx.db.selectFrom('commissions').select('id').where('workspace_id', '=', ctx.workspaceId).where('dedupe_key', '=', dedupeKey).executeTakeFirst();
    if (done) continue;
    const plan = await planFor(ctx.db, ctx.workspaceId, r.campaign_id, r.influencer_id);
    if (!plan || plan.type !== 'per_click') continue;
    const result = evaluateClickCommission({ plan, influencerId: r.influencer_id, uniqueHumanClicks: Number(r.uniques), day: input.day });
    for (const line of result.lines) {
      created.push(
        await ctx.db.transaction().execute((trx) =>
          insertCommission({ ...ctx, db: trx }, line, {
            campaignId: r.campaign_id,
            conversionId: null,
            status: 'pending',
            payableOn: new Date(Date.parse(`${input.day}T00:00:00Z`) + plan.holdDays * 86400_000),
            plan,
            dedupeKey,
          }),
        ),
      );
    }
  }
  return created;
}

/** The scheduler's pass: yesterday's clicks for every workspace with a per-click plan. */
export async function accrueClickCommissionsEverywhere(ctx: Omit<Context, 'workspaceId'>, now = new Date()): Promise<number> {
  const day = new Date(now.getTime() - 86400_000).toISOString().slice(0, 10);
  const ws = await sql<{ workspace_id: string }>`select distinct workspace_id from campaigns where commission_plan->>'type' = 'per_click'
    union select distinct workspace_id from commission_plan_overrides where plan->>'type' = 'per_click'`.execute(ctx.db);
  let n = 0;
  for (const w of ws.rows) n += (await accrueClickCommissions({ ctx: { ...ctx, workspaceId: w.workspace_id }, input: { day, now } })).length;
  return n;
}

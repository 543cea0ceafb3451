import { sql } from 'kysely';
import type { ConversionRow } from '../conversions/conversion-row.ts';
import type { Context } from '../shared/context.ts';
import { insertCommission, type CommissionRow } from './insert-commission.ts';
import { planFor } from './plan-for.ts';
import { evaluateCommission, evaluateOverrides, type CreatorStats, type Period } from './rules/index.ts';

const PERIOD_START: Record<Period, (d: Date) => Date | null> = {
  month: (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)),
  week: (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7))),
  campaign: () => null,
};

/** The creator's volume before this conversion in each period (same campaign and currency), in one query. */
async function statsBefore(ctx: Context, c: ConversionRow, influencerId: string): Promise<CreatorStats> {
  const month = PERIOD_START.month(c.occurred_at)!.toISOString();
  const week = PERIOD_START.week(c.occurred_at)!.toISOString();
  const net = sql`amount - coalesce(tax, 0) - coalesce(shipping, 0)`;
  const r = await sql<{ n_all: bigint; r_all: bigint; n_month: bigint; r_month: bigint; n_week: bigint; r_week: bigint }>`
    select count(*)::int8 as n_all, coalesce(sum(${net}), 0)::int8 as r_all,
      (count(*) filter (where occurred_at >= ${month}::timestamptz))::int8 as n_month,
      coalesce(sum(${net}) filter (where occurred_at >= ${month}::timestamptz), 0)::int8 as r_month,
      (count(*) filter (where occurred_at >= ${week}::timestamptz))::int8 as n_week,
      coalesce(sum(${net}) filter (where occurred_at >= ${week}::timestamptz), 0)::int8 as r_week
    from conversions where workspace_id = ${ctx.workspaceId} and influencer_id = ${influencerId} and type = 'sale'
      and status = 'active' and currency = ${c.currency} and campaign_id is not distinct from ${c.campaign_id}
      and (occurred_at, id) < (${c.occurred_at.toISOString()}::timestamptz, ${c.id})`.execute(ctx.db);
  const row = r.rows[0]!;
  return {
    campaign: { salesCountInPeriod: Number(row.n_all), revenueInPeriod: row.r_all },
    month: { salesCountInPeriod: Number(row.n_month), revenueInPeriod: row.r_month },
    week: { salesCountInPeriod: Number(row.n_week), revenueInPeriod: row.r_week },
  };
}

async function uplineOf(ctx: Context, influencerId: string): Promise<string[]> {
  const chain: string[] = [];
  let current = influencerId;
  for (let depth = 0; depth < 2; depth++) {
    const row = await ctx.db.selectFrom('influencers').select('recruited_by').where('workspace_id', '=', ctx.workspaceId).where('id', '=', current).executeTakeFirst();
    if (!row?.recruited_by) break;
    chain.push(row.recruited_by);
    current = row.recruited_by;
  }
  return chain;
}

/**
 * Evaluates the plan for an attributed, active conversion and stores the commissions (pending,
 * payable after the plan's hold) with their ledger entries, in the caller's transaction.
 * Idempotent: a conversion that already has commissions gets none again.
 */
export async function accrueCommissions(ctx: Context, c: ConversionRow): Promise<CommissionRow[]> {
  if (c.status !== 'active' || !c.influencer_id) return [];
  const existing = await ctx.db.selectFrom('commissions').select('id').where('conversion_id', '=', c.id).limit(1).executeTakeFirst();
  if (existing) return [];
  const plan = await planFor(ctx.db, ctx.workspaceId, c.campaign_id, c.influencer_id);
  if (!plan) return [];
  const earlier = c.customer_key
    ? await ctx.db
        .selectFrom('conversions')
        .select('id')
        .where('workspace_id', '=', ctx.workspaceId)
        .where('customer_key', '=', c.customer_key)
        .where('status', '=', 'active')
        .where('occurred_at', '<', c.occurred_at)
        .limit(1)
        .executeTakeFirst()
    : undefined;
  const sub = c.subscription as { id?: string; isRenewal?: boolean } | null;
  let subscription: { isRenewal: boolean; firstPaidAt: Date } | undefined;
  if (sub?.id) {
    const first = await sql<{ at: Date }>`select min(occurred_at) as at from conversions where workspace_id = ${ctx.workspaceId}
      and subscription->>'id' = ${sub.id}`.execute(ctx.db);
    subscription = { isRenewal: sub.isRenewal === true, firstPaidAt: first.rows[0]?.at ?? c.occurred_at };
  }
  const result = evaluateCommission({
    plan,
    conversion: {
      id: c.id,
      type: c.type,
      amount: c.amount,
      currency: c.currency ?? 'USD',
      ...(c.tax !== null ? { tax: c.tax } : {}),
      ...(c.shipping !== null ? { shipping: c.shipping } : {}),
      lineItems: (c.line_items as { sku?: string | null; category?: string | null; quantity: number; amount: number }[]).map((l) => ({
        sku: l.sku ?? '',
        category: l.category ?? null,
        quantity: l.quantity,
        amount: BigInt(l.amount),
      })),
      isFirstOrderOfCustomer: !earlier,
      ...(subscription ? { subscription } : {}),
      occurredAt: c.occurred_at,
      influencerId: c.influencer_id,
    },
    stats: await statsBefore(ctx, c, c.influencer_id),
  });
  const lines = [...result.lines];
  for (const line of plan.multiTier.length > 0 ? result.lines : []) {
    const upline = await uplineOf(ctx, line.influencerId);
    if (upline.length) lines.push(...evaluateOverrides({ plan, commission: line, uplineChain: upline }).lines);
  }
  const payableOn = new Date(c.occurred_at.getTime() + plan.holdDays * 86400_000);
  const rows: CommissionRow[] = [];
  for (const line of lines) {
    if (line.amount === 0n) continue;
    rows.push(await insertCommission(ctx, line, { campaignId: c.campaign_id, conversionId: c.id, status: 'pending', payableOn, plan }));
  }
  return rows;
}

import { sql } from 'kysely';
import type { Db } from '../shared/context.ts';

export type TodayTotals = {
  day: string;
  humanClicks: number;
  botClicks: number;
  sales: number;
  leads: number;
  /** Attributed today but held for fraud review: not in sales or revenue until approved. */
  inReview: number;
  revenue: { currency: string; amount: number }[];
};

/**
 * Today's (UTC) human and bot clicks, leads, sales and attributed revenue of one workspace: the
 * live counters. Clicks read the folded daily rollup plus the deltas not folded yet.
 * @example const t = await todayTotals(db, 'ws_123')
 */
export async function todayTotals(db: Db, workspaceId: string, now = new Date()): Promise<TodayTotals> {
  const day = now.toISOString().slice(0, 10);
  const clicks = await sql<{ human: bigint | null; bot: bigint | null }>`
    select sum(human_clicks)::int8 as human, sum(bot_clicks)::int8 as bot from (
      select human_clicks, bot_clicks from click_stats_daily where workspace_id = ${workspaceId} and bucket = ${day}::date
      union all
      select human_clicks, bot_clicks from click_stats_delta
      where workspace_id = ${workspaceId} and dimension = '' and bucket >= ${day}::timestamptz and bucket < ${day}::timestamptz + interval '1 day'
    ) t`.execute(db);
  const conv = await sql<{ type: string; status: string; currency: string | null; n: bigint; revenue: bigint }>`
    select type, status, currency, count(*)::int8 as n, coalesce(sum(amount - refunded_amount), 0)::int8 as revenue from conversions
    where workspace_id = ${workspaceId} and status in ('active', 'review') and influencer_id is not null
      and occurred_at >= ${day}::timestamptz and occurred_at < ${day}::timestamptz + interval '1 day'
    group by 1, 2, 3`.execute(db);
  const totals: TodayTotals = {
    day,
    humanClicks: Number(clicks.rows[0]?.human ?? 0),
    botClicks: Number(clicks.rows[0]?.bot ?? 0),
    sales: 0,
    leads: 0,
    inReview: 0,
    revenue: [],
  };
  for (const r of conv.rows) {
    if (r.status === 'review') totals.inReview += Number(r.n);
    else if (r.type === 'sale') {
      totals.sales += Number(r.n);
      if (r.currency) totals.revenue.push({ currency: r.currency, amount: Number(r.revenue) });
    } else totals.leads += Number(r.n);
  }
  totals.revenue.sort((a, b) => a.currency.localeCompare(b.currency));
  return totals;
}

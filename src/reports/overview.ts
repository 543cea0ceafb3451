import { sql } from 'kysely';
import { z } from 'zod';
import type { Context } from '../shared/context.ts';
import { clickReport } from './click-report.ts';

const Day = z.iso.date({ message: 'must be a date like 2026-01-31' });

export const OverviewQuery = z
  .strictObject({
    from: Day.optional(),
    to: Day.optional(),
    campaignId: z.string().max(100).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 366 * 86400_000, { message: 'an overview spans at most a year', path: ['to'] });
export type OverviewQuery = z.infer<typeof OverviewQuery>;

type Counts = { humanClicks: number; botClicks: number; uniqueClicks: number; sales: number; leads: number };
type MoneyDay = { day: string; revenue: number; commissions: number };
export type Overview = {
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  days: ({ day: string } & Counts)[];
  totals: Counts;
  previous: Counts;
  money: { currency: string; days: MoneyDay[]; revenue: number; commissions: number; previousRevenue: number; previousCommissions: number; roas: number | null }[];
  topCreators: { influencerId: string; name: string | null; humanClicks: number; sales: number }[];
};

const DAY_MS = 86400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The brand overview: clicks (human and bot), leads, sales, attributed revenue and commissions per
 * UTC day (commissions on the day of the sale they pay for), with the same-length previous period
 * for comparison. Clicks come from the rollups.
 * @example await overview({ ctx, input: { from: '2026-11-01', to: '2026-11-30' } })
 */
export async function overview({ ctx, input }: { ctx: Context; input: OverviewQuery }): Promise<Overview> {
  const q = OverviewQuery.parse(input);
  const toT = Date.parse(q.to ?? isoDay(Date.now()));
  const fromT = Date.parse(q.from ?? isoDay(toT - 29 * DAY_MS));
  const span = toT - fromT + DAY_MS; // both ends inclusive
  const prevFromT = fromT - span;
  const endT = toT + DAY_MS;

  const clicks = await clickReport({
    ctx,
    input: { groupBy: 'day', from: isoDay(prevFromT), to: new Date(endT).toISOString(), ...(q.campaignId ? { campaignId: q.campaignId } : {}) },
  });
  const campaign = q.campaignId ? sql`and campaign_id = ${q.campaignId}` : sql``;
  const conv = await sql<{ day: string; type: string; currency: string | null; n: bigint; revenue: bigint }>`
    select to_char((occurred_at at time zone 'UTC')::date, 'YYYY-MM-DD') as day, type, currency,
           count(*)::int8 as n, coalesce(sum(amount - refunded_amount), 0)::int8 as revenue
    from conversions
    where workspace_id = ${ctx.workspaceId} and status = 'active' and influencer_id is not null ${campaign}
      and occurred_at >= ${new Date(prevFromT).toISOString()}::timestamptz and occurred_at < ${new Date(endT).toISOString()}::timestamptz
    group by 1, 2, 3`.execute(ctx.db);
  // A commission counts on the day of the sale it pays for (its own creation day otherwise).
  const earnedAt = sql`coalesce(cv.occurred_at, c.created_at)`;
  const com = await sql<{ day: string; currency: string; amount: bigint }>`
    select to_char((${earnedAt} at time zone 'UTC')::date, 'YYYY-MM-DD') as day, c.currency, coalesce(sum(c.amount), 0)::int8 as amount
    from commissions c left join conversions cv on cv.id = c.conversion_id and cv.workspace_id = c.workspace_id
    where c.workspace_id = ${ctx.workspaceId} and c.status not in ('rejected', 'cancelled') ${q.campaignId ? sql`and c.campaign_id = ${q.campaignId}` : sql``}
      and ${earnedAt} >= ${new Date(prevFromT).toISOString()}::timestamptz and ${earnedAt} < ${new Date(endT).toISOString()}::timestamptz
    group by 1, 2`.execute(ctx.db);

  const fromDay = isoDay(fromT);
  const zero = (): Counts => ({ humanClicks: 0, botClicks: 0, uniqueClicks: 0, sales: 0, leads: 0 });
  const days = new Map<string, { day: string } & Counts>();
  for (let t = fromT; t <= toT; t += DAY_MS) days.set(isoDay(t), { day: isoDay(t), ...zero() });
  const totals = zero();
  const previous = zero();
  const bucket = (day: string) => (day >= fromDay ? totals : previous);
  for (const r of clicks.rows) {
    for (const target of [days.get(r.key), bucket(r.key)]) {
      if (!target) continue;
      target.humanClicks += r.humanClicks;
      target.botClicks += r.botClicks;
      target.uniqueClicks += r.uniqueClicks;
    }
  }
  const money = new Map<string, Overview['money'][number] & { byDay: Map<string, MoneyDay> }>();
  const moneyOf = (currency: string) => {
    let m = money.get(currency);
    if (!m) {
      const byDay = new Map([...days.keys()].map((d) => [d, { day: d, revenue: 0, commissions: 0 }]));
      m = { currency, days: [], revenue: 0, commissions: 0, previousRevenue: 0, previousCommissions: 0, roas: null, byDay };
      money.set(currency, m);
    }
    return m;
  };
  for (const r of conv.rows) {
    const n = Number(r.n);
    for (const target of [days.get(r.day), bucket(r.day)]) if (target) target[r.type === 'sale' ? 'sales' : 'leads'] += n;
    if (r.type !== 'sale' || !r.currency) continue;
    const m = moneyOf(r.currency);
    const v = Number(r.revenue);
    if (r.day >= fromDay) m.revenue += v;
    else m.previousRevenue += v;
    const d = m.byDay.get(r.day);
    if (d) d.revenue += v;
  }
  for (const r of com.rows) {
    const m = moneyOf(r.currency);
    const v = Number(r.amount);
    if (r.day >= fromDay) m.commissions += v;
    else m.previousCommissions += v;
    const d = m.byDay.get(r.day);
    if (d) d.commissions += v;
  }

  const top = await sql<{ id: string; name: string | null; sales: bigint }>`
    select c.influencer_id as id, i.name, count(*)::int8 as sales from conversions c join influencers i on i.id = c.influencer_id
    where c.workspace_id = ${ctx.workspaceId} and c.status = 'active' and c.type = 'sale' ${q.campaignId ? sql`and c.campaign_id = ${q.campaignId}` : sql``}
      and c.occurred_at >= ${new Date(fromT).toISOString()}::timestamptz and c.occurred_at < ${new Date(endT).toISOString()}::timestamptz
    group by 1, 2 order by sales desc limit 5`.execute(ctx.db);
  const topClicks = await clickReport({
    ctx,
    input: { groupBy: 'influencer', from: fromDay, to: new Date(endT).toISOString(), ...(q.campaignId ? { campaignId: q.campaignId } : {}) },
  });
  const clicksOf = new Map(topClicks.rows.map((r) => [r.key, r.humanClicks]));

  return {
    from: fromDay,
    to: isoDay(toT),
    previousFrom: isoDay(prevFromT),
    previousTo: isoDay(fromT - DAY_MS),
    days: [...days.values()],
    totals,
    previous,
    money: [...money.values()]
      .map(({ byDay, ...m }) => ({ ...m, days: [...byDay.values()], roas: m.commissions > 0 ? m.revenue / m.commissions : null }))
      .sort((a, b) => b.revenue - a.revenue),
    topCreators: top.rows.map((r) => ({ influencerId: r.id, name: r.name, humanClicks: clicksOf.get(r.id) ?? 0, sales: Number(r.sales) })),
  };
}

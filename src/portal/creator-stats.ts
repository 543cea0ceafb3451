import { sql } from 'kysely';
import { clickReport } from '../reports/index.ts';
import type { CreatorContext } from './creator-context.ts';
import type { MoneyDto, StatsQuery } from './schemas.ts';

export type CreatorStatsDay = { date: string; clicks: number; uniqueClicks: number; conversions: number; earnings: MoneyDto[] };
export type CreatorStats = { from: string; to: string; days: CreatorStatsDay[]; totals: Omit<CreatorStatsDay, 'date'> };

const DAY_MS = 86400_000;
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * A creator's days from `from` to `to` (UTC, both included, every day present): human clicks from
 * the click rollups, conversions (rejected ones left out) and earnings per currency (commission
 * lines by the day they were earned, adjustments included, rejected and cancelled ones left out).
 */
export async function creatorStats({ ctx, input }: { ctx: CreatorContext; input: StatsQuery }): Promise<CreatorStats> {
  const start = new Date(`${input.from}T00:00:00Z`);
  const end = new Date(`${nextDay(input.to)}T00:00:00Z`);
  const dayOf = (col: string) => sql<string>`to_char((${sql.ref(col)} at time zone 'UTC')::date, 'YYYY-MM-DD')`;
  const [clicks, conversions, earnings] = await Promise.all([
    clickReport({ ctx, input: { groupBy: 'day', influencerId: ctx.influencerId, from: start.toISOString(), to: end.toISOString() } }),
    ctx.db
      .selectFrom('conversions')
      .select([dayOf('occurred_at').as('day'), sql<bigint>`count(*)::int8`.as('n')])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('influencer_id', '=', ctx.influencerId)
      .where('status', '<>', 'rejected')
      .where('occurred_at', '>=', start)
      .where('occurred_at', '<', end)
      .groupBy(sql`1`)
      .execute(),
    ctx.db
      .selectFrom('commissions')
      .select([dayOf('created_at').as('day'), 'currency', sql<bigint>`sum(amount)::int8`.as('amount')])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('influencer_id', '=', ctx.influencerId)
      .where('status', 'not in', ['rejected', 'cancelled'])
      .where('created_at', '>=', start)
      .where('created_at', '<', end)
      .groupBy([sql`1`, 'currency'])
      .execute(),
  ]);
  const days = new Map<string, CreatorStatsDay>();
  for (let d = input.from; d <= input.to; d = nextDay(d)) days.set(d, { date: d, clicks: 0, uniqueClicks: 0, conversions: 0, earnings: [] });
  for (const r of clicks.rows) {
    const day = days.get(r.key);
    if (day) Object.assign(day, { clicks: r.humanClicks, uniqueClicks: r.uniqueClicks });
  }
  for (const r of conversions) {
    const day = days.get(r.day);
    if (day) day.conversions = Number(r.n);
  }
  const totalEarnings = new Map<string, bigint>();
  for (const r of [...earnings].sort((a, b) => a.currency.localeCompare(b.currency))) {
    days.get(r.day)?.earnings.push({ currency: r.currency, amount: Number(r.amount) });
    totalEarnings.set(r.currency, (totalEarnings.get(r.currency) ?? 0n) + r.amount);
  }
  const list = [...days.values()];
  return {
    from: input.from,
    to: input.to,
    days: list,
    totals: {
      clicks: list.reduce((s, d) => s + d.clicks, 0),
      uniqueClicks: list.reduce((s, d) => s + d.uniqueClicks, 0),
      conversions: list.reduce((s, d) => s + d.conversions, 0),
      earnings: [...totalEarnings].map(([currency, amount]) => ({ currency, amount: Number(amount) })),
    },
  };
}

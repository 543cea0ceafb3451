import { sql } from 'kysely';
import type { Context } from '../shared/context.ts';
import { ClickReportInput, type ClickReportRow } from './schemas.ts';

const day = (d: Date) => d.toISOString().slice(0, 10);
const ceilDay = (d: Date) => day(new Date(d.getTime() + 86400_000 - 1));

/**
 * Click counts grouped by time or dimension, read from the rollups (never from raw clicks).
 * Day and dimension groupings cover whole UTC days overlapping [from, to); hours, whole hours.
 * @example await clickReport({ ctx, input: { groupBy: 'source', from: '2026-11-01', to: '2026-12-01' } })
 */
export async function clickReport({ ctx, input }: { ctx: Context; input: ClickReportInput }): Promise<{ from: string; to: string; rows: ClickReportRow[] }> {
  const q = ClickReportInput.parse(input);
  const sums = sql`sum(clicks)::int8 as clicks, sum(human_clicks)::int8 as human, sum(unique_clicks)::int8 as uniq, sum(bot_clicks)::int8 as bot`;
  const filters = sql.join(
    [
      sql`workspace_id = ${ctx.workspaceId}`,
      ...(q.influencerId ? [sql`influencer_id = ${q.influencerId}`] : []),
      ...(q.campaignId ? [sql`campaign_id = ${q.campaignId}`] : []),
      ...(q.linkId ? [sql`link_id = ${q.linkId}`] : []),
    ],
    sql` and `,
  );
  const fromDay = day(q.from);
  const toDay = ceilDay(q.to);
  const counts = sql`clicks, human_clicks, unique_clicks, bot_clicks`;
  // Each source unions the folded rollup with the deltas not folded yet, so reports are exact now.
  const daily = (keyCol: string) => sql`
    select ${sql.raw(keyCol)} as k, ${counts} from click_stats_daily where ${filters} and bucket >= ${fromDay}::date and bucket < ${toDay}::date
    union all
    select ${sql.raw(keyCol === 'bucket' ? "(bucket at time zone 'UTC')::date" : keyCol)}, ${counts} from click_stats_delta
    where ${filters} and dimension = '' and bucket >= ${fromDay}::timestamptz and bucket < ${toDay}::timestamptz`;
  let query;
  switch (q.groupBy) {
    case 'hour': {
      const fromHour = sql`date_trunc('hour', ${q.from.toISOString()}::timestamptz)`;
      const to = sql`${q.to.toISOString()}::timestamptz`;
      query = sql`select to_char(k at time zone 'UTC', 'YYYY-MM-DD"T"HH24":00:00Z"') as key, ${sums} from (
          select bucket as k, ${counts} from click_stats_hourly where ${filters} and bucket >= ${fromHour} and bucket < ${to}
          union all
          select bucket, ${counts} from click_stats_delta where ${filters} and dimension = '' and bucket >= ${fromHour} and bucket < ${to}
        ) t group by k order by k`;
      break;
    }
    case 'day':
      query = sql`select to_char(k, 'YYYY-MM-DD') as key, ${sums} from (${daily('bucket')}) t group by k order by k`;
      break;
    case 'influencer':
    case 'campaign':
    case 'link':
      query = sql`select k as key, ${sums} from (${daily(`${q.groupBy}_id`)}) t group by k order by clicks desc, key`;
      break;
    default:
      query = sql`select k as key, ${sums} from (
          select value as k, ${counts} from click_stats_daily_dim
          where ${filters} and dimension = ${q.groupBy} and bucket >= ${fromDay}::date and bucket < ${toDay}::date
          union all
          select value, ${counts} from click_stats_delta
          where ${filters} and dimension = ${q.groupBy} and bucket >= ${fromDay}::timestamptz and bucket < ${toDay}::timestamptz
        ) t group by k order by clicks desc, key`;
  }
  const result = await query.execute(ctx.db);
  const rows = (result.rows as { key: string; clicks: bigint; human: bigint; uniq: bigint; bot: bigint }[]).map((r) => ({
    key: r.key,
    label: null as string | null,
    clicks: Number(r.clicks),
    humanClicks: Number(r.human),
    uniqueClicks: Number(r.uniq),
    botClicks: Number(r.bot),
  }));
  await addLabels(ctx, q.groupBy, rows);
  return { from: q.from.toISOString(), to: q.to.toISOString(), rows };
}

/** Names for id groupings, so a report reads without a second lookup. */
async function addLabels(ctx: Context, groupBy: string, rows: ClickReportRow[]): Promise<void> {
  const ids = rows.map((r) => r.key);
  if (ids.length === 0) return;
  let names: { id: string; label: string | null }[] = [];
  if (groupBy === 'influencer') {
    names = await ctx.db.selectFrom('influencers').select(['id', 'name as label']).where('workspace_id', '=', ctx.workspaceId).where('id', 'in', ids).execute();
  } else if (groupBy === 'campaign') {
    names = await ctx.db.selectFrom('campaigns').select(['id', 'name as label']).where('workspace_id', '=', ctx.workspaceId).where('id', 'in', ids).execute();
  } else if (groupBy === 'link') {
    names = await ctx.db
      .selectFrom('links')
      .select(['id', sql<string>`coalesce(label, code)`.as('label')])
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', 'in', ids)
      .execute();
  }
  const byId = new Map(names.map((n) => [n.id, n.label]));
  for (const r of rows) r.label = byId.get(r.key) ?? null;
}

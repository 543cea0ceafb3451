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
  const dayRange = sql`bucket >= ${day(q.from)}::date and bucket < ${ceilDay(q.to)}::date`;
  let query;
  switch (q.groupBy) {
    case 'hour':
      query = sql`select to_char(bucket at time zone 'UTC', 'YYYY-MM-DD"T"HH24":00:00Z"') as key, ${sums} from click_stats_hourly
        where ${filters} and bucket >= date_trunc('hour', ${q.from.toISOString()}::timestamptz) and bucket < ${q.to.toISOString()}::timestamptz
        group by bucket order by bucket`;
      break;
    case 'day':
      query = sql`select to_char(bucket, 'YYYY-MM-DD') as key, ${sums} from click_stats_daily where ${filters} and ${dayRange}
        group by bucket order by bucket`;
      break;
    case 'influencer':
    case 'campaign':
    case 'link': {
      const col = sql.ref(`${q.groupBy}_id`);
      query = sql`select ${col} as key, ${sums} from click_stats_daily where ${filters} and ${dayRange} group by ${col} order by clicks desc, key`;
      break;
    }
    default:
      query = sql`select value as key, ${sums} from click_stats_daily_dim where ${filters} and dimension = ${q.groupBy} and ${dayRange}
        group by value order by clicks desc, key`;
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

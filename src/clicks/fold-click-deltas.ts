import { sql } from 'kysely';
import type { Db } from '../shared/context.ts';

const BATCH = 50_000;
const sums = sql.raw(`sum(clicks), sum(human_clicks), sum(unique_clicks), sum(bot_clicks)`);
const addCounts = (table: string) =>
  sql.raw(`clicks = ${table}.clicks + excluded.clicks, human_clicks = ${table}.human_clicks + excluded.human_clicks,
    unique_clicks = ${table}.unique_clicks + excluded.unique_clicks, bot_clicks = ${table}.bot_clicks + excluded.bot_clicks`);

/**
 * Moves pending click deltas into the hourly, daily and daily-by-dimension rollups in one
 * statement: the deltas are deleted as they are added, so each counts exactly once, and
 * SKIP LOCKED lets several processes fold at once without taking the same rows.
 * @returns the number of delta rows folded
 */
export async function foldClickDeltas(db: Db, batch = BATCH): Promise<number> {
  const result = await sql<{ folded: bigint }>`
    with moved as (
      delete from click_stats_delta where id in (
        select id from click_stats_delta order by id limit ${batch} for update skip locked
      )
      returning workspace_id, link_id, influencer_id, campaign_id, bucket, dimension, value,
        clicks, human_clicks, unique_clicks, bot_clicks
    ),
    hourly as (
      insert into click_stats_hourly (workspace_id, link_id, influencer_id, campaign_id, bucket, clicks, human_clicks, unique_clicks, bot_clicks)
      select workspace_id, link_id, influencer_id, campaign_id, bucket, ${sums}
      from moved where dimension = '' group by 1, 2, 3, 4, 5 order by 2, 5
      on conflict (link_id, bucket) do update set ${addCounts('click_stats_hourly')}
      returning 1
    ),
    daily as (
      insert into click_stats_daily (workspace_id, link_id, influencer_id, campaign_id, bucket, clicks, human_clicks, unique_clicks, bot_clicks)
      select workspace_id, link_id, influencer_id, campaign_id, (bucket at time zone 'UTC')::date, ${sums}
      from moved where dimension = '' group by 1, 2, 3, 4, 5 order by 2, 5
      on conflict (link_id, bucket) do update set ${addCounts('click_stats_daily')}
      returning 1
    ),
    dims as (
      insert into click_stats_daily_dim (workspace_id, link_id, influencer_id, campaign_id, bucket, dimension, value,
        clicks, human_clicks, unique_clicks, bot_clicks)
      select workspace_id, link_id, influencer_id, campaign_id, (bucket at time zone 'UTC')::date, dimension, value, ${sums}
      from moved where dimension <> '' group by 1, 2, 3, 4, 5, 6, 7 order by 2, 5, 6, 7
      on conflict (link_id, bucket, dimension, value) do update set ${addCounts('click_stats_daily_dim')}
      returning 1
    )
    select count(*)::int8 as folded from moved`.execute(db);
  return Number(result.rows[0]?.folded ?? 0);
}

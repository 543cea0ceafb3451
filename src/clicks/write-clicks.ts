import { sql } from 'kysely';
import type { Db } from '../shared/context.ts';
import type { ClickEvent } from './click-event.ts';

const COUNTS = sql.raw(`count(*), count(*) filter (where not bot), count(*) filter (where is_unique), count(*) filter (where bot)`);

/**
 * Writes a batch of clicks, their uniqueness and their rollup deltas in ONE statement
 * (data-modifying CTEs): one round trip, atomic without an explicit transaction, and no update of
 * a hot rollup row, so concurrent batches never wait on each other (see fold-click-deltas.ts). Idempotent: a click already
 * stored (same id and time: a replay carries both) is skipped and counted nowhere, so a spooled batch can be replayed safely.
 *
 * Uniqueness: the earliest human click per (link, visitor) in the batch claims the visitor unless a
 * stored claim has not expired yet; the upsert makes concurrent writers in other processes agree.
 * @returns the number of clicks newly stored
 */
export async function writeClicks(db: Db, events: ClickEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const col = <T>(f: (e: ClickEvent) => T) => events.map(f);
  const result = await sql<{ stored: bigint }>`
    with input as (
      select * from unnest(
        ${col((e) => e.id)}::text[], ${col((e) => e.workspaceId)}::text[], ${col((e) => e.linkId)}::text[],
        ${col((e) => e.influencerId)}::text[], ${col((e) => e.campaignId)}::text[], ${col((e) => e.clickedAt.toISOString())}::timestamptz[],
        ${col((e) => e.ipHash)}::text[], ${col((e) => e.country)}::text[], ${col((e) => e.device)}::text[], ${col((e) => e.os)}::text[],
        ${col((e) => e.browser)}::text[], ${col((e) => e.inApp)}::text[], ${col((e) => e.source)}::text[], ${col((e) => e.referrerHost)}::text[],
        ${col((e) => e.bot)}::boolean[], ${col((e) => e.botReason)}::text[], ${col((e) => e.visitorKey)}::text[],
        ${col((e) => new Date(e.clickedAt.getTime() + e.uniqueWindowMs).toISOString())}::timestamptz[]
      ) as t(id, workspace_id, link_id, influencer_id, campaign_id, clicked_at, ip_hash, country, device, os, browser, in_app,
             source, referrer_host, bot, bot_reason, visitor_key, unique_until)
    ),
    candidate as (
      select distinct on (link_id, visitor_key) id, link_id, visitor_key, clicked_at, unique_until
      from input where not bot order by link_id, visitor_key, clicked_at, id
    ),
    claimed as (
      insert into click_uniques (link_id, visitor_key, first_at, expires_at)
      select link_id, visitor_key, clicked_at, unique_until from candidate
      on conflict (link_id, visitor_key) do update set first_at = excluded.first_at, expires_at = excluded.expires_at
        where click_uniques.expires_at <= excluded.first_at
      returning link_id, visitor_key
    ),
    stored as (
      insert into clicks (id, workspace_id, link_id, influencer_id, campaign_id, clicked_at, ip_hash, country, device, os,
        browser, in_app, source, referrer_host, bot, bot_reason, is_unique)
      select i.id, i.workspace_id, i.link_id, i.influencer_id, i.campaign_id, i.clicked_at, i.ip_hash, i.country, i.device, i.os,
        i.browser, i.in_app, i.source, i.referrer_host, i.bot, i.bot_reason, cl.link_id is not null
      from input i
      left join candidate c on c.id = i.id
      left join claimed cl on cl.link_id = c.link_id and cl.visitor_key = c.visitor_key
      on conflict (id, clicked_at) do nothing
      returning workspace_id, link_id, influencer_id, campaign_id, clicked_at, country, source, device, bot, is_unique
    ),
    deltas as (
      insert into click_stats_delta (workspace_id, link_id, influencer_id, campaign_id, bucket, dimension, value,
        clicks, human_clicks, unique_clicks, bot_clicks)
      select workspace_id, link_id, influencer_id, campaign_id, hour, dimension, value, ${COUNTS}
      from (
        select s.*, date_trunc('hour', s.clicked_at) as hour, d.dimension, d.value
        from stored s
        cross join lateral (values ('', ''), ('country', coalesce(s.country, 'unknown')), ('source', s.source), ('device', s.device))
          as d(dimension, value)
      ) x
      group by 1, 2, 3, 4, 5, 6, 7
      returning 1
    )
    select count(*)::int8 as stored from stored`.execute(db);
  return Number(result.rows[0]?.stored ?? 0);
}

import { sql } from 'kysely';
import type { Db } from '../shared/context.ts';
import type { ClickEvent } from './click-event.ts';

type Counts = { clicks: number; human: number; unique: number; bot: number };
type Keyed = { ws: string; link: string; inf: string; cmp: string; bucket: string; dim?: string; value?: string; n: Counts };

const hourOf = (d: Date) => `${d.toISOString().slice(0, 13)}:00:00.000Z`;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Writes a batch of clicks with their uniqueness and rollups in one transaction. Idempotent: a
 * click id already stored is skipped and counted nowhere, so a spooled batch can be replayed.
 * @returns the number of clicks newly stored
 */
export async function writeClicks(db: Db, events: ClickEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    const unique = await claimUniques(trx, events);
    const col = <T>(f: (e: ClickEvent) => T) => events.map(f);
    const inserted = await sql<{ id: string }>`
      insert into clicks (id, workspace_id, link_id, influencer_id, campaign_id, clicked_at, ip_hash, country, device, os,
        browser, in_app, source, referrer_host, bot, bot_reason, is_unique)
      select * from unnest(${col((e) => e.id)}::text[], ${col((e) => e.workspaceId)}::text[], ${col((e) => e.linkId)}::text[],
        ${col((e) => e.influencerId)}::text[], ${col((e) => e.campaignId)}::text[], ${col((e) => e.clickedAt.toISOString())}::timestamptz[],
        ${col((e) => e.ipHash)}::text[], ${col((e) => e.country)}::text[], ${col((e) => e.device)}::text[], ${col((e) => e.os)}::text[],
        ${col((e) => e.browser)}::text[], ${col((e) => e.inApp)}::text[], ${col((e) => e.source)}::text[], ${col((e) => e.referrerHost)}::text[],
        ${col((e) => e.bot)}::boolean[], ${col((e) => e.botReason)}::text[], ${col((e) => unique.has(e.id))}::boolean[])
      on conflict (id) do nothing
      returning id`.execute(trx);
    const stored = new Set(inserted.rows.map((r) => r.id));
    const fresh = events.filter((e) => stored.has(e.id));
    await upsertRollups(trx, fresh, unique);
    return fresh.length;
  });
}

/**
 * Marks the first human click per visitor and link within the window as unique. Within the batch
 * the earliest click wins; against stored state, an upsert claims the visitor only when the last
 * claim is older than the window, so concurrent writers in other processes agree.
 */
async function claimUniques(trx: Db, events: ClickEvent[]): Promise<Set<string>> {
  const candidates = new Map<string, ClickEvent>();
  for (const e of events) {
    if (e.bot) continue;
    const key = `${e.linkId}\u0000${e.visitorKey}`;
    const seen = candidates.get(key);
    if (!seen || e.clickedAt < seen.clickedAt) candidates.set(key, e);
  }
  if (candidates.size === 0) return new Set();
  const list = [...candidates.values()];
  const claimed = await sql<{ link_id: string; visitor_key: string }>`
    insert into click_uniques (link_id, visitor_key, first_at, expires_at)
    select * from unnest(${list.map((e) => e.linkId)}::text[], ${list.map((e) => e.visitorKey)}::text[],
      ${list.map((e) => e.clickedAt.toISOString())}::timestamptz[],
      ${list.map((e) => new Date(e.clickedAt.getTime() + e.uniqueWindowMs).toISOString())}::timestamptz[])
    on conflict (link_id, visitor_key) do update set first_at = excluded.first_at, expires_at = excluded.expires_at
      where click_uniques.expires_at <= excluded.first_at
    returning link_id, visitor_key`.execute(trx);
  const won = new Set(claimed.rows.map((r) => `${r.link_id}\u0000${r.visitor_key}`));
  return new Set(list.filter((e) => won.has(`${e.linkId}\u0000${e.visitorKey}`)).map((e) => e.id));
}

function tally(map: Map<string, Keyed>, key: string, base: Omit<Keyed, 'n'>, e: ClickEvent, isUnique: boolean): void {
  let row = map.get(key);
  if (!row) map.set(key, (row = { ...base, n: { clicks: 0, human: 0, unique: 0, bot: 0 } }));
  row.n.clicks++;
  if (e.bot) row.n.bot++;
  else row.n.human++;
  if (isUnique) row.n.unique++;
}

async function upsertRollups(trx: Db, events: ClickEvent[], unique: Set<string>): Promise<void> {
  if (events.length === 0) return;
  const hourly = new Map<string, Keyed>();
  const daily = new Map<string, Keyed>();
  const dims = new Map<string, Keyed>();
  for (const e of events) {
    const base = { ws: e.workspaceId, link: e.linkId, inf: e.influencerId, cmp: e.campaignId };
    const u = unique.has(e.id);
    const hour = hourOf(e.clickedAt);
    const day = dayOf(e.clickedAt);
    tally(hourly, `${e.linkId}|${hour}`, { ...base, bucket: hour }, e, u);
    tally(daily, `${e.linkId}|${day}`, { ...base, bucket: day }, e, u);
    for (const [dim, value] of [['country', e.country ?? 'unknown'], ['source', e.source], ['device', e.device]] as const) {
      tally(dims, `${e.linkId}|${day}|${dim}|${value}`, { ...base, bucket: day, dim, value }, e, u);
    }
  }
  const arrays = (rows: Keyed[]) => ({
    ws: rows.map((r) => r.ws),
    link: rows.map((r) => r.link),
    inf: rows.map((r) => r.inf),
    cmp: rows.map((r) => r.cmp),
    bucket: rows.map((r) => r.bucket),
    clicks: rows.map((r) => r.n.clicks),
    human: rows.map((r) => r.n.human),
    unique: rows.map((r) => r.n.unique),
    bot: rows.map((r) => r.n.bot),
  });
  const h = arrays([...hourly.values()]);
  await sql`insert into click_stats_hourly (workspace_id, link_id, influencer_id, campaign_id, bucket, clicks, human_clicks, unique_clicks, bot_clicks)
    select * from unnest(${h.ws}::text[], ${h.link}::text[], ${h.inf}::text[], ${h.cmp}::text[], ${h.bucket}::timestamptz[],
      ${h.clicks}::int8[], ${h.human}::int8[], ${h.unique}::int8[], ${h.bot}::int8[])
    on conflict (link_id, bucket) do update set clicks = click_stats_hourly.clicks + excluded.clicks,
      human_clicks = click_stats_hourly.human_clicks + excluded.human_clicks,
      unique_clicks = click_stats_hourly.unique_clicks + excluded.unique_clicks,
      bot_clicks = click_stats_hourly.bot_clicks + excluded.bot_clicks`.execute(trx);
  const d = arrays([...daily.values()]);
  await sql`insert into click_stats_daily (workspace_id, link_id, influencer_id, campaign_id, bucket, clicks, human_clicks, unique_clicks, bot_clicks)
    select * from unnest(${d.ws}::text[], ${d.link}::text[], ${d.inf}::text[], ${d.cmp}::text[], ${d.bucket}::date[],
      ${d.clicks}::int8[], ${d.human}::int8[], ${d.unique}::int8[], ${d.bot}::int8[])
    on conflict (link_id, bucket) do update set clicks = click_stats_daily.clicks + excluded.clicks,
      human_clicks = click_stats_daily.human_clicks + excluded.human_clicks,
      unique_clicks = click_stats_daily.unique_clicks + excluded.unique_clicks,
      bot_clicks = click_stats_daily.bot_clicks + excluded.bot_clicks`.execute(trx);
  const dimRows = [...dims.values()];
  const x = arrays(dimRows);
  await sql`insert into click_stats_daily_dim (workspace_id, link_id, influencer_id, campaign_id, bucket, dimension, value,
      clicks, human_clicks, unique_clicks, bot_clicks)
    select * from unnest(${x.ws}::text[], ${x.link}::text[], ${x.inf}::text[], ${x.cmp}::text[], ${x.bucket}::date[],
      ${dimRows.map((r) => r.dim!)}::text[], ${dimRows.map((r) => r.value!)}::text[],
      ${x.clicks}::int8[], ${x.human}::int8[], ${x.unique}::int8[], ${x.bot}::int8[])
    on conflict (link_id, bucket, dimension, value) do update set clicks = click_stats_daily_dim.clicks + excluded.clicks,
      human_clicks = click_stats_daily_dim.human_clicks + excluded.human_clicks,
      unique_clicks = click_stats_daily_dim.unique_clicks + excluded.unique_clicks,
      bot_clicks = click_stats_daily_dim.bot_clicks + excluded.bot_clicks`.execute(trx);
}

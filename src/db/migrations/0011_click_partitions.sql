-- Raw clicks partitioned by month of clicked_at, so old months can be dropped whole (retention)
-- and each month's indexes stay small. The server creates each month's partition ahead of time
-- (src/clicks/click-partitions.ts); a click outside every partition lands in clicks_default and is
-- moved into its month's partition when that is created. Reports read rollups, never this table.
alter table clicks rename to clicks_unpartitioned;
alter table clicks_unpartitioned rename constraint clicks_pkey to clicks_unpartitioned_pkey;
alter index clicks_workspace_time rename to clicks_unpartitioned_workspace_time;

create table clicks (
  id text not null,
  workspace_id text not null,
  link_id text not null,
  influencer_id text not null,
  campaign_id text not null,
  clicked_at timestamptz not null,
  ip_hash text,
  country text,
  device text not null,
  os text,
  browser text,
  in_app text,
  source text not null,
  referrer_host text,
  bot boolean not null,
  bot_reason text,
  is_unique boolean not null,
  -- A partitioned table's unique keys must hold the partition key; click ids are unique anyway
  -- (random), and a replayed click carries its original clicked_at, so (id, clicked_at) dedupes.
  primary key (id, clicked_at)
) partition by range (clicked_at);
create index clicks_workspace_time on clicks (workspace_id, clicked_at, id);
create table clicks_default partition of clicks default;

-- Month partitions for the clicks already stored (at most ten years back) up to two months ahead,
-- so the copy lands in them directly and the server has nothing to move at its first start.
-- Stop every server of the old version first: its writes need a unique key on id alone.
do $$
declare
  m timestamp := date_trunc('month', greatest(
    coalesce((select min(clicked_at) from clicks_unpartitioned), now()),
    now() - interval '120 months') at time zone 'UTC');
  last timestamp := date_trunc('month', now() at time zone 'UTC') + interval '2 months';
begin
  while m <= last loop
    execute format('create table %I partition of clicks for values from (%L) to (%L)',
      'clicks_y' || to_char(m, 'YYYY') || 'm' || to_char(m, 'MM'),
      to_char(m, 'YYYY-MM-DD"T00:00:00Z"'), to_char(m + interval '1 month', 'YYYY-MM-DD"T00:00:00Z"'));
    m := m + interval '1 month';
  end loop;
end $$;

insert into clicks (id, workspace_id, link_id, influencer_id, campaign_id, clicked_at, ip_hash, country, device, os,
  browser, in_app, source, referrer_host, bot, bot_reason, is_unique)
select id, workspace_id, link_id, influencer_id, campaign_id, clicked_at, ip_hash, country, device, os,
  browser, in_app, source, referrer_host, bot, bot_reason, is_unique
from clicks_unpartitioned;
drop table clicks_unpartitioned;

-- Creators (minimal; discovery extends them), campaigns, tracking links, clicks and click rollups.
create table influencers (
  id text primary key,
  workspace_id text not null references workspaces (id),
  name text not null,
  email text,
  handles jsonb not null default '{}',
  status text not null default 'active' check (status in ('active', 'archived')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index influencers_workspace on influencers (workspace_id, created_at);

create table campaigns (
  id text primary key,
  workspace_id text not null references workspaces (id),
  name text not null,
  slug text not null,
  destination_url text not null,
  allowed_domains text[] not null,
  utm_enabled boolean not null default true,
  starts_at timestamptz,
  ends_at timestamptz,
  status text not null default 'active' check (status in ('draft', 'active', 'paused', 'ended', 'archived')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, slug)
);
create index campaigns_workspace on campaigns (workspace_id, created_at);

create table links (
  id text primary key,
  workspace_id text not null references workspaces (id),
  influencer_id text not null references influencers (id),
  campaign_id text not null references campaigns (id),
  code text not null unique,
  label text,
  destination_url text not null,
  utm jsonb not null default '{}',
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index links_workspace on links (workspace_id, created_at);
create index links_influencer on links (workspace_id, influencer_id);
create index links_campaign on links (workspace_id, campaign_id);

-- One row per request to /r/:code. The id is the click id handed to the destination.
create table clicks (
  id text primary key,
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
  is_unique boolean not null
);
create index clicks_workspace_time on clicks (workspace_id, clicked_at, id);

-- Uniqueness window per link and visitor; rows older than the window are pruned.
create table click_uniques (
  link_id text not null,
  visitor_key text not null,
  first_at timestamptz not null,
  expires_at timestamptz not null,
  primary key (link_id, visitor_key)
);
create index click_uniques_expiry on click_uniques (expires_at);

-- Rollups maintained in the same transaction as the clicks they count: reports never scan clicks.
create table click_stats_hourly (
  workspace_id text not null,
  link_id text not null,
  influencer_id text not null,
  campaign_id text not null,
  bucket timestamptz not null,
  clicks bigint not null,
  human_clicks bigint not null,
  unique_clicks bigint not null,
  bot_clicks bigint not null,
  primary key (link_id, bucket)
);
create index click_stats_hourly_ws on click_stats_hourly (workspace_id, bucket);

create table click_stats_daily (
  workspace_id text not null,
  link_id text not null,
  influencer_id text not null,
  campaign_id text not null,
  bucket date not null,
  clicks bigint not null,
  human_clicks bigint not null,
  unique_clicks bigint not null,
  bot_clicks bigint not null,
  primary key (link_id, bucket)
);
create index click_stats_daily_ws on click_stats_daily (workspace_id, bucket);

create table click_stats_daily_dim (
  workspace_id text not null,
  link_id text not null,
  influencer_id text not null,
  campaign_id text not null,
  bucket date not null,
  dimension text not null check (dimension in ('country', 'source', 'device')),
  value text not null,
  clicks bigint not null,
  human_clicks bigint not null,
  unique_clicks bigint not null,
  bot_clicks bigint not null,
  primary key (link_id, bucket, dimension, value)
);
create index click_stats_daily_dim_ws on click_stats_daily_dim (workspace_id, dimension, bucket);

-- Rollup deltas: the redirect appends pre-aggregated counts here (no hot-row updates on the
-- hot path); a background step folds them into the rollups above, and reports read both.
-- dimension '' holds the totals; 'country', 'source' and 'device' the breakdowns.
create table click_stats_delta (
  id bigint generated always as identity primary key,
  workspace_id text not null,
  link_id text not null,
  influencer_id text not null,
  campaign_id text not null,
  bucket timestamptz not null,
  dimension text not null,
  value text not null,
  clicks bigint not null,
  human_clicks bigint not null,
  unique_clicks bigint not null,
  bot_clicks bigint not null
);
create index click_stats_delta_ws on click_stats_delta (workspace_id, bucket);

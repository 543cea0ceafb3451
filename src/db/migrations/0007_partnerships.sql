-- Partnerships: a creator in a campaign moving through a pipeline, with terms, deliverables and gifts.
create table partnerships (
  id text primary key,
  workspace_id text not null references workspaces (id),
  campaign_id text not null references campaigns (id),
  influencer_id text not null references influencers (id),
  stage text not null check (stage in ('prospect', 'contacted', 'negotiating', 'active', 'completed', 'declined')),
  terms jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (campaign_id, influencer_id)
);
create index partnerships_workspace on partnerships (workspace_id, stage);

create table partnership_events (
  id bigint generated always as identity primary key,
  workspace_id text not null,
  partnership_id text not null references partnerships (id),
  from_stage text,
  to_stage text not null,
  actor text not null,
  note text,
  at timestamptz not null default now()
);
create index partnership_events_partnership on partnership_events (partnership_id, at);

create table deliverables (
  id text primary key,
  workspace_id text not null,
  partnership_id text not null references partnerships (id),
  type text not null,
  due_at timestamptz not null,
  status text not null check (status in ('due', 'submitted', 'approved', 'live')),
  post_url text,
  fee_amount bigint,
  fee_currency text,
  fee_commission_id text,
  live_at timestamptz,
  created_at timestamptz not null default now()
);
create index deliverables_partnership on deliverables (partnership_id, due_at);
create index deliverables_due on deliverables (workspace_id, status, due_at);

create table gift_shipments (
  id text primary key,
  workspace_id text not null,
  partnership_id text not null references partnerships (id),
  product text not null,
  value bigint not null,
  currency text not null,
  status text not null check (status in ('to_ship', 'shipped', 'delivered')),
  shipped_at timestamptz,
  delivered_at timestamptz,
  created_at timestamptz not null default now()
);
create index gift_shipments_partnership on gift_shipments (partnership_id);

-- Conversions (leads and sales), their history (refunds, chargebacks, reviews), coupons,
-- lifetime customer bindings, integrations (webhook secrets) and their delivery log.
create table coupons (
  id text primary key,
  workspace_id text not null references workspaces (id),
  influencer_id text not null references influencers (id),
  campaign_id text references campaigns (id),
  code text not null,
  single_use boolean not null default false,
  used_by_conversion_id text,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index coupons_code on coupons (workspace_id, upper(code));
create index coupons_influencer on coupons (workspace_id, influencer_id);

create table conversions (
  id text primary key,
  workspace_id text not null references workspaces (id),
  type text not null check (type in ('lead', 'sale')),
  order_id text,
  source text not null,
  status text not null check (status in ('active', 'review', 'rejected')),
  amount bigint not null default 0,
  currency text,
  tax bigint,
  shipping bigint,
  discount bigint,
  refunded_amount bigint not null default 0,
  chargeback boolean not null default false,
  customer_key text,
  customer_email_hash text,
  ip_hash text,
  coupon_code text,
  click_id text,
  influencer_id text,
  campaign_id text,
  link_id text,
  attribution_method text,
  attribution jsonb not null,
  fraud_flags jsonb not null default '[]',
  line_items jsonb not null default '[]',
  subscription jsonb,
  metadata jsonb not null default '{}',
  occurred_at timestamptz not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (refunded_amount >= 0 and refunded_amount <= amount)
);
-- Exactly once: the same order from any path, in parallel or days apart, is one row.
create unique index conversions_order on conversions (workspace_id, order_id) where order_id is not null;
create index conversions_workspace_time on conversions (workspace_id, occurred_at desc, id desc);
create index conversions_influencer on conversions (workspace_id, influencer_id, occurred_at);
create index conversions_status on conversions (workspace_id, status, occurred_at);
create index conversions_ip on conversions (workspace_id, ip_hash, occurred_at) where ip_hash is not null;
create index conversions_customer on conversions (workspace_id, customer_key, occurred_at) where customer_key is not null;

create table conversion_events (
  id bigint generated always as identity primary key,
  workspace_id text not null,
  conversion_id text not null references conversions (id),
  kind text not null check (kind in ('created', 'refund', 'chargeback', 'approved', 'rejected', 'duplicate')),
  external_id text,
  amount bigint,
  actor text not null,
  data jsonb not null default '{}',
  at timestamptz not null default now()
);
create unique index conversion_events_external on conversion_events (conversion_id, kind, external_id) where external_id is not null;
create index conversion_events_conversion on conversion_events (conversion_id, at);

create table customer_bindings (
  workspace_id text not null,
  customer_key text not null,
  influencer_id text not null,
  campaign_id text,
  conversion_id text not null,
  bound_at timestamptz not null,
  primary key (workspace_id, customer_key)
);

create table integrations (
  workspace_id text not null references workspaces (id),
  provider text not null check (provider in ('stripe', 'shopify', 'woocommerce', 'postback', 'snippet')),
  secret_encrypted text not null,
  secret_hint text not null,
  token_hash text unique,
  events text[] not null default '{}',
  options jsonb not null default '{}',
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (workspace_id, provider)
);

create table webhook_deliveries (
  id bigint generated always as identity primary key,
  workspace_id text not null,
  provider text not null,
  topic text,
  verified boolean not null,
  result text not null,
  conversion_id text,
  error text,
  received_at timestamptz not null default now()
);
create index webhook_deliveries_ws on webhook_deliveries (workspace_id, provider, received_at desc);

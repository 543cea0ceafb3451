-- Commission plans, commissions, the double-entry ledger, payout details and payout batches.
alter table campaigns add column commission_plan jsonb;
alter table influencers add column recruited_by text references influencers (id);

-- A creator's own plan in a campaign, overriding the campaign's.
create table commission_plan_overrides (
  workspace_id text not null references workspaces (id),
  campaign_id text not null references campaigns (id),
  influencer_id text not null references influencers (id),
  plan jsonb not null,
  created_at timestamptz not null default now(),
  primary key (campaign_id, influencer_id)
);

create table payout_batches (
  id text primary key,
  workspace_id text not null references workspaces (id),
  currency text not null,
  idempotency_key text not null,
  status text not null check (status in ('open', 'paid', 'partially_paid', 'failed')),
  total bigint not null,
  item_count integer not null,
  created_by text not null,
  created_at timestamptz not null default now(),
  unique (workspace_id, idempotency_key)
);

create table payout_items (
  id text primary key,
  workspace_id text not null,
  batch_id text not null references payout_batches (id),
  influencer_id text not null references influencers (id),
  currency text not null,
  amount bigint not null check (amount > 0),
  status text not null check (status in ('pending', 'paid', 'failed')),
  failure_reason text,
  method text,
  paid_at timestamptz,
  created_at timestamptz not null default now()
);
create index payout_items_batch on payout_items (batch_id);
create index payout_items_influencer on payout_items (workspace_id, influencer_id);

create table commissions (
  id text primary key,
  workspace_id text not null references workspaces (id),
  influencer_id text not null references influencers (id),
  campaign_id text,
  conversion_id text references conversions (id),
  kind text not null,
  amount bigint not null,
  currency text not null,
  status text not null check (status in ('pending', 'approved', 'paid', 'rejected', 'cancelled')),
  rule text not null,
  explanation text not null,
  inputs jsonb not null default '{}',
  plan jsonb,
  payable_on date not null,
  reason text,
  reversal_of text references commissions (id),
  payout_item_id text references payout_items (id),
  dedupe_key text,
  created_at timestamptz not null default now(),
  approved_at timestamptz,
  paid_at timestamptz,
  closed_at timestamptz
);
create index commissions_influencer on commissions (workspace_id, influencer_id, status);
create index commissions_conversion on commissions (conversion_id);
create index commissions_due on commissions (workspace_id, status, payable_on);
create unique index commissions_dedupe on commissions (workspace_id, dedupe_key) where dedupe_key is not null;

-- Double entry, append-only. Every transaction's entries sum to zero per currency.
create table ledger_entries (
  id bigint generated always as identity primary key,
  workspace_id text not null,
  txn_id text not null,
  account text not null,
  influencer_id text,
  currency text not null,
  amount bigint not null,
  commission_id text,
  payout_item_id text,
  memo text not null,
  at timestamptz not null default now()
);
create index ledger_entries_account on ledger_entries (workspace_id, influencer_id, account, currency);
create index ledger_entries_txn on ledger_entries (txn_id);

create table payout_details (
  workspace_id text not null references workspaces (id),
  influencer_id text not null references influencers (id),
  method text not null check (method in ('paypal', 'bank')),
  paypal_email text,
  iban text,
  bic text,
  account_holder text,
  minimum_payout jsonb not null default '{}',
  updated_at timestamptz not null default now(),
  primary key (workspace_id, influencer_id)
);

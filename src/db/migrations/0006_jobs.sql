-- The PostgreSQL-backed job queue, outgoing webhooks (endpoints, deliveries, attempts) and notices.

-- queued: waiting for its first run; running: claimed until locked_until (a lease, renewed while
-- the handler runs); failed: an attempt failed, retried at run_at; done / dead: finished.
create table jobs (
  id text primary key,
  workspace_id text references workspaces (id),
  kind text not null,
  payload jsonb not null default '{}',
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed', 'dead')),
  run_at timestamptz not null default now(),
  attempts integer not null default 0,
  max_attempts integer not null default 10 check (max_attempts >= 1),
  locked_until timestamptz,
  locked_by text,
  last_error text,
  dedupe_key text unique,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_due on jobs (run_at) where status in ('queued', 'failed');
create index jobs_leased on jobs (locked_until) where status = 'running';

create table webhook_endpoints (
  id text primary key,
  workspace_id text not null references workspaces (id),
  url text not null,
  description text not null default '',
  events text[] not null,
  enabled boolean not null default true,
  secret_encrypted text not null,
  secret_hint text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index webhook_endpoints_workspace on webhook_endpoints (workspace_id);

-- One event sent to one endpoint; body is the exact JSON text signed and sent on every attempt.
create table outgoing_deliveries (
  id text primary key,
  workspace_id text not null references workspaces (id),
  endpoint_id text not null references webhook_endpoints (id) on delete cascade,
  event_id text not null,
  event_type text not null,
  body text not null,
  status text not null check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  last_status_code integer,
  created_at timestamptz not null default now(),
  delivered_at timestamptz
);
create index outgoing_deliveries_endpoint on outgoing_deliveries (endpoint_id, created_at desc);

create table outgoing_delivery_attempts (
  id bigserial primary key,
  workspace_id text not null,
  delivery_id text not null references outgoing_deliveries (id) on delete cascade,
  status_code integer,
  error text,
  duration_ms integer not null,
  at timestamptz not null default now()
);
create index outgoing_delivery_attempts_delivery on outgoing_delivery_attempts (delivery_id, id);

-- In-app notices; recipient is 'workspace' (everyone in it) or an email address.
create table notifications (
  id text primary key,
  workspace_id text not null references workspaces (id),
  recipient text not null,
  subject text not null,
  body text not null,
  email_status text not null check (email_status in ('queued', 'sent', 'logged', 'failed')),
  read_at timestamptz,
  created_at timestamptz not null default now()
);
create index notifications_workspace on notifications (workspace_id, created_at desc, id desc);

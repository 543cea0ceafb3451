-- Workspaces (tenants), API keys, dashboard users and sessions, audit log.
create table workspaces (
  id text primary key,
  slug text not null unique,
  name text not null,
  settings jsonb not null default '{}',
  created_at timestamptz not null default now(),
  archived_at timestamptz
);

create table api_keys (
  id text primary key,
  workspace_id text not null references workspaces (id),
  name text not null,
  prefix text not null,
  key_hash text not null unique,
  scopes text[] not null,
  created_at timestamptz not null default now(),
  created_by text not null,
  last_used_at timestamptz,
  revoked_at timestamptz
);
create index api_keys_workspace on api_keys (workspace_id, created_at);

create table users (
  id text primary key,
  email text not null,
  name text,
  password_hash text not null,
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);
create unique index users_email on users (lower(email));

create table memberships (
  workspace_id text not null references workspaces (id),
  user_id text not null references users (id),
  role text not null check (role in ('owner', 'admin', 'member')),
  created_at timestamptz not null default now(),
  primary key (workspace_id, user_id)
);

create table sessions (
  id text primary key,
  token_hash text not null unique,
  user_id text not null references users (id),
  workspace_id text not null references workspaces (id),
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_seen_at timestamptz not null default now()
);
create index sessions_user on sessions (user_id);

create table audit_log (
  id bigint generated always as identity primary key,
  workspace_id text references workspaces (id),
  actor text not null,
  action text not null,
  subject_id text,
  data jsonb not null default '{}',
  at timestamptz not null default now()
);
create index audit_log_workspace on audit_log (workspace_id, at);

-- Instance-wide values shared by every process on this database (e.g. the signing secret).
create table instance_settings (
  key text primary key,
  value text not null,
  created_at timestamptz not null default now()
);

-- Creator portal: a creator's own login (invited by the brand), its invitations and sessions.
create table creator_accounts (
  id text primary key,
  workspace_id text not null references workspaces (id),
  influencer_id text not null references influencers (id),
  email text not null,
  password_hash text not null,
  created_at timestamptz not null default now(),
  last_login_at timestamptz,
  unique (workspace_id, influencer_id)
);
-- One account per address and workspace, so a login names at most one creator per brand.
create unique index creator_accounts_email on creator_accounts (workspace_id, lower(email));
create index creator_accounts_login on creator_accounts (lower(email));

-- The token is shown once (in the email and the brand's answer); only its SHA-256 is kept.
create table creator_invitations (
  id text primary key,
  workspace_id text not null references workspaces (id),
  influencer_id text not null references influencers (id),
  email text not null,
  token_hash text not null unique,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  created_by text not null,
  created_at timestamptz not null default now()
);
create index creator_invitations_influencer on creator_invitations (workspace_id, influencer_id, created_at);

create table creator_sessions (
  id text primary key,
  token_hash text not null unique,
  account_id text not null references creator_accounts (id) on delete cascade,
  workspace_id text not null references workspaces (id),
  influencer_id text not null,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index creator_sessions_account on creator_sessions (account_id);

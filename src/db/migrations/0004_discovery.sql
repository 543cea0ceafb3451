-- Creator discovery: social accounts with their posts, comments, audience, follower history and
-- follower samples; one computed metrics row per creator that search reads; workspace settings.
-- Child rows carry workspace_id so every query can filter by the tenant directly.

create table social_accounts (
  id bigint generated always as identity primary key,
  workspace_id text not null references workspaces (id),
  influencer_id text not null references influencers (id),
  platform text not null check (platform in ('instagram', 'tiktok', 'youtube', 'x', 'other')),
  -- Lower-case, without '@': handles are case-insensitive on every supported platform.
  handle text not null,
  display_name text,
  external_id text,
  url text,
  followers integer not null check (followers >= 0),
  following integer not null default 0 check (following >= 0),
  posts_count integer not null default 0 check (posts_count >= 0),
  bio text not null default '',
  location text,
  country text,
  language text,
  has_profile_picture boolean not null default true,
  verified boolean not null default false,
  is_private boolean not null default false,
  contact_email text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (workspace_id, platform, handle)
);
create index social_accounts_influencer on social_accounts (workspace_id, influencer_id);

create table account_follower_history (
  account_id bigint not null references social_accounts (id),
  workspace_id text not null,
  at timestamptz not null,
  followers integer not null check (followers >= 0),
  primary key (account_id, at)
);

create table social_posts (
  id bigint generated always as identity primary key,
  workspace_id text not null,
  account_id bigint not null references social_accounts (id),
  platform_post_id text not null,
  url text,
  posted_at timestamptz not null,
  format text not null check (format in ('image', 'carousel', 'reel', 'video', 'story', 'text')),
  caption text not null default '',
  hashtags text[] not null default '{}',
  mentions text[] not null default '{}',
  likes integer not null default 0 check (likes >= 0),
  comments integer not null default 0 check (comments >= 0),
  shares integer not null default 0 check (shares >= 0),
  saves integer not null default 0 check (saves >= 0),
  views bigint check (views >= 0),
  sponsored boolean not null default false,
  gifted boolean not null default false,
  has_cta boolean not null default false,
  face_shown boolean not null default false,
  unique (account_id, platform_post_id)
);
create index social_posts_recent on social_posts (account_id, posted_at desc);

-- A sample of comments, replaced as a whole when an import brings a new sample.
create table post_comments (
  id bigint generated always as identity primary key,
  workspace_id text not null,
  account_id bigint not null references social_accounts (id),
  platform_post_id text,
  author text not null,
  body text not null,
  posted_at timestamptz
);
create index post_comments_account on post_comments (account_id);

create table account_audience (
  workspace_id text not null,
  account_id bigint not null references social_accounts (id),
  dimension text not null check (dimension in ('country', 'age', 'gender')),
  key text not null,
  share double precision not null check (share >= 0 and share <= 1),
  source text,
  as_of date,
  primary key (account_id, dimension, key)
);

-- Follower accounts sampled from a creator's audience, scored with the fake-account model.
create table account_follower_samples (
  id bigint generated always as identity primary key,
  workspace_id text not null,
  account_id bigint not null references social_accounts (id),
  username text not null,
  biography text,
  followers integer not null,
  following integer not null,
  posts integer not null,
  has_profile_picture boolean not null,
  is_private boolean not null
);
create index account_follower_samples_account on account_follower_samples (account_id);

-- What search reads: one row per creator, recomputed from the rows above on import, refresh and
-- settings changes. `tags` holds the categorical filters as short tokens (platform, niche,
-- country, language, email, audience share deciles) so one GIN index serves any combination
-- of them; the b-tree indexes serve each sort order with keyset pagination.
create table creator_metrics (
  influencer_id text primary key references influencers (id),
  workspace_id text not null references workspaces (id),
  primary_platform text,
  primary_handle text,
  platforms text[] not null default '{}',
  followers integer not null default 0,
  following integer not null default 0,
  posts_count integer not null default 0,
  tier text not null,
  mid_tier boolean not null default false,
  er_median double precision,
  er_mean double precision,
  er_views_median double precision,
  er_views_mean double precision,
  er_vs_tier double precision,
  authenticity_score integer not null,
  authenticity jsonb not null default '{}',
  niches jsonb not null default '[]',
  niche_ids text[] not null default '{}',
  primary_niche text,
  -- Niches set by the brand; they replace the assigned ones and survive recomputation.
  manual_niches text[],
  country text,
  location text,
  language text,
  has_email boolean not null default false,
  audience jsonb not null default '{}',
  -- The brief-independent part of the fit score (engagement vs tier, authenticity), 0-1.
  quality double precision not null default 0,
  posts_per_week double precision,
  growth_30d double precision,
  sponsored_share double precision,
  search_text text not null default '',
  search_tsv tsvector generated always as (to_tsvector('simple', search_text)) stored,
  tags text[] not null default '{}',
  computed_at timestamptz not null default now()
);
create index creator_metrics_followers on creator_metrics (workspace_id, followers, influencer_id);
create index creator_metrics_er on creator_metrics (workspace_id, (coalesce(er_median, -1)), influencer_id);
create index creator_metrics_authenticity on creator_metrics (workspace_id, authenticity_score, influencer_id);
create index creator_metrics_quality on creator_metrics (workspace_id, quality, influencer_id);
-- Engagement and authenticity fall with tier, so a tier filter sorted by either needs the tier
-- first; a followers sort serves tier filters through the followers range of the tier.
create index creator_metrics_tier_er on creator_metrics (workspace_id, tier, (coalesce(er_median, -1)), influencer_id);
create index creator_metrics_tier_authenticity on creator_metrics (workspace_id, tier, authenticity_score, influencer_id);
create index creator_metrics_cohort on creator_metrics (workspace_id, tier, primary_niche, er_median);
create index creator_metrics_tags on creator_metrics using gin (tags);
create index creator_metrics_text on creator_metrics using gin (search_tsv);

create table discovery_settings (
  workspace_id text primary key references workspaces (id),
  tier_bands jsonb,
  tier_benchmarks jsonb,
  niche_taxonomy jsonb,
  youtube_api_key text,
  youtube_base_url text,
  updated_at timestamptz not null default now()
);

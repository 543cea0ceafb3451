import type { ColumnType, GeneratedAlways } from 'kysely';

/** Timestamps: written as Date or omitted for a default, read back as Date. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, T | string, T | string>;
/** int8 identity columns: read back as bigint, never written. */
type Identity = GeneratedAlways<bigint>;
/** jsonb that may be null: written as JSON text. */
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;
type WithDefault<T> = ColumnType<T, T | undefined, T>;

export type DiscoveryPlatform = 'instagram' | 'tiktok' | 'youtube' | 'x' | 'other';
export type DiscoveryPostFormat = 'image' | 'carousel' | 'reel' | 'video' | 'story' | 'text';

export interface SocialAccountsTable {
  id: Identity;
  workspace_id: string;
  influencer_id: string;
  platform: DiscoveryPlatform;
  handle: string;
  display_name: string | null;
  external_id: string | null;
  url: string | null;
  followers: number;
  following: WithDefault<number>;
  posts_count: WithDefault<number>;
  bio: WithDefault<string>;
  location: string | null;
  country: string | null;
  language: string | null;
  has_profile_picture: WithDefault<boolean>;
  verified: WithDefault<boolean>;
  is_private: WithDefault<boolean>;
  contact_email: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AccountFollowerHistoryTable {
  account_id: bigint;
  workspace_id: string;
  at: Timestamp;
  followers: number;
}

export interface SocialPostsTable {
  id: Identity;
  workspace_id: string;
  account_id: bigint;
  platform_post_id: string;
  url: string | null;
  posted_at: Timestamp;
  format: DiscoveryPostFormat;
  caption: WithDefault<string>;
  hashtags: WithDefault<string[]>;
  mentions: WithDefault<string[]>;
  likes: WithDefault<number>;
  comments: WithDefault<number>;
  shares: WithDefault<number>;
  saves: WithDefault<number>;
  /** int8: read as bigint. */
  views: ColumnType<bigint | null, bigint | number | null | undefined, bigint | number | null>;
  sponsored: WithDefault<boolean>;
  gifted: WithDefault<boolean>;
  has_cta: WithDefault<boolean>;
  face_shown: WithDefault<boolean>;
}

export interface PostCommentsTable {
  id: Identity;
  workspace_id: string;
  account_id: bigint;
  platform_post_id: string | null;
  author: string;
  body: string;
  posted_at: Date | null;
}

export interface AccountAudienceTable {
  workspace_id: string;
  account_id: bigint;
  dimension: 'country' | 'age' | 'gender';
  key: string;
  share: number;
  source: string | null;
  /** date: read back as a Date at UTC midnight. */
  as_of: ColumnType<Date | null, string | null | undefined, string | null>;
}

export interface AccountFollowerSamplesTable {
  id: Identity;
  workspace_id: string;
  account_id: bigint;
  username: string;
  biography: string | null;
  followers: number;
  following: number;
  posts: number;
  has_profile_picture: boolean;
  is_private: boolean;
}

export interface CreatorMetricsTable {
  influencer_id: string;
  workspace_id: string;
  primary_platform: DiscoveryPlatform | null;
  primary_handle: string | null;
  platforms: WithDefault<string[]>;
  followers: WithDefault<number>;
  following: WithDefault<number>;
  posts_count: WithDefault<number>;
  tier: string;
  mid_tier: WithDefault<boolean>;
  er_median: number | null;
  er_mean: number | null;
  er_views_median: number | null;
  er_views_mean: number | null;
  er_vs_tier: number | null;
  authenticity_score: number;
  authenticity: Json<Record<string, unknown>>;
  niches: Json<unknown[]>;
  niche_ids: WithDefault<string[]>;
  primary_niche: string | null;
  manual_niches: string[] | null;
  country: string | null;
  location: string | null;
  language: string | null;
  has_email: WithDefault<boolean>;
  audience: Json<Record<string, Record<string, number>>>;
  quality: WithDefault<number>;
  posts_per_week: number | null;
  growth_30d: number | null;
  sponsored_share: number | null;
  search_text: WithDefault<string>;
  search_tsv: GeneratedAlways<string>;
  tags: WithDefault<string[]>;
  computed_at: Timestamp;
}

export interface DiscoverySettingsTable {
  workspace_id: string;
  tier_bands: NullableJson;
  tier_benchmarks: NullableJson;
  niche_taxonomy: NullableJson;
  youtube_api_key: string | null;
  youtube_base_url: string | null;
  updated_at: Timestamp;
}

/** Tables of creator discovery (migration 0004). */
export interface DiscoveryTables {
  social_accounts: SocialAccountsTable;
  account_follower_history: AccountFollowerHistoryTable;
  social_posts: SocialPostsTable;
  post_comments: PostCommentsTable;
  account_audience: AccountAudienceTable;
  account_follower_samples: AccountFollowerSamplesTable;
  creator_metrics: CreatorMetricsTable;
  discovery_settings: DiscoverySettingsTable;
}

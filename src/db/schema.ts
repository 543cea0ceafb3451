import type { PartnershipTables } from './schema-partnerships.ts';
import type { CommissionTables } from './schema-commissions.ts';
import type { JobTables } from './schema-jobs.ts';
import type { ConversionTables } from './schema-conversions.ts';
import type { ColumnType, Generated } from 'kysely';
import type { DiscoveryTables } from './schema-discovery.ts';
import type { PortalTables } from './schema-portal.ts';

/** Timestamps: written as Date or omitted for a default, read back as Date. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = Record<string, unknown>> = ColumnType<T, T | string, T | string>;

export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  settings: Json;
  created_at: Timestamp;
  archived_at: Date | null;
}

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: string[];
  created_at: Timestamp;
  created_by: string;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string | null;
  password_hash: string;
  created_at: Timestamp;
  disabled_at: Date | null;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: 'owner' | 'admin' | 'member';
  created_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  workspace_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Date;
  last_seen_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  workspace_id: string | null;
  actor: string;
  action: string;
  subject_id: string | null;
  data: Json;
  at: Timestamp;
}

export interface InstanceSettingsTable {
  key: string;
  value: string;
  created_at: Timestamp;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: Timestamp;
}

/** Shared fixed-window rate-limit counters (migration 0010). */
export interface RateLimitsTable {
  key: string;
  hits: number;
  window_ends_at: Date;
}

export interface DB extends TrackingTables, ConversionTables, DiscoveryTables, CommissionTables, PartnershipTables, JobTables, PortalTables {
  workspaces: WorkspacesTable;
  api_keys: ApiKeysTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  instance_settings: InstanceSettingsTable;
  schema_migrations: SchemaMigrationsTable;
  rate_limits: RateLimitsTable;
}

export interface InfluencersTable {
  id: string;
  workspace_id: string;
  name: string;
  email: string | null;
  handles: Json<Record<string, string>>;
  recruited_by: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<'active' | 'archived', 'active' | 'archived' | undefined, 'active' | 'archived'>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type CampaignStatus = 'draft' | 'active' | 'paused' | 'ended' | 'archived';

export interface CampaignsTable {
  id: string;
  workspace_id: string;
  name: string;
  slug: string;
  destination_url: string;
  allowed_domains: string[];
  utm_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  commission_plan: ColumnType<Record<string, unknown> | null, Record<string, unknown> | string | null | undefined, Record<string, unknown> | string | null>;
  goal: ColumnType<'awareness' | 'leads' | 'sales' | null, 'awareness' | 'leads' | 'sales' | null | undefined, 'awareness' | 'leads' | 'sales' | null>;
  brief: ColumnType<Record<string, unknown>, Record<string, unknown> | string | undefined, Record<string, unknown> | string>;
  budget_amount: ColumnType<bigint | null, bigint | number | null | undefined, bigint | number | null>;
  budget_currency: ColumnType<string | null, string | null | undefined, string | null>;
  guidelines: ColumnType<string | null, string | null | undefined, string | null>;
  deliverables_template: ColumnType<unknown[], unknown[] | string | undefined, unknown[] | string>;
  starts_at: Date | null;
  ends_at: Date | null;
  status: ColumnType<CampaignStatus, CampaignStatus | undefined, CampaignStatus>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LinksTable {
  id: string;
  workspace_id: string;
  influencer_id: string;
  campaign_id: string;
  code: string;
  label: string | null;
  destination_url: string;
  utm: ColumnType<Record<string, string>, Record<string, string> | string | undefined, Record<string, string> | string>;
  disabled_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ClicksTable {
  id: string;
  workspace_id: string;
  link_id: string;
  influencer_id: string;
  campaign_id: string;
  clicked_at: Date;
  ip_hash: string | null;
  country: string | null;
  device: string;
  os: string | null;
  browser: string | null;
  in_app: string | null;
  source: string;
  referrer_host: string | null;
  bot: boolean;
  bot_reason: string | null;
  is_unique: boolean;
}

export interface ClickUniquesTable {
  link_id: string;
  visitor_key: string;
  first_at: Date;
  expires_at: Date;
}

interface ClickCounts {
  workspace_id: string;
  link_id: string;
  influencer_id: string;
  campaign_id: string;
  clicks: bigint;
  human_clicks: bigint;
  unique_clicks: bigint;
  bot_clicks: bigint;
}

export interface ClickStatsHourlyTable extends ClickCounts {
  bucket: Date;
}
export interface ClickStatsDailyTable extends ClickCounts {
  bucket: ColumnType<Date, string, string>;
}
export interface ClickStatsDailyDimTable extends ClickCounts {
  bucket: ColumnType<Date, string, string>;
  dimension: 'country' | 'source' | 'device';
  value: string;
}

export interface ClickStatsDeltaTable extends ClickCounts {
  id: Generated<string>;
  bucket: Date;
  dimension: '' | 'country' | 'source' | 'device';
  value: string;
}

export interface TrackingTables {
  click_stats_delta: ClickStatsDeltaTable;
  influencers: InfluencersTable;
  campaigns: CampaignsTable;
  links: LinksTable;
  clicks: ClicksTable;
  click_uniques: ClickUniquesTable;
  click_stats_hourly: ClickStatsHourlyTable;
  click_stats_daily: ClickStatsDailyTable;
  click_stats_daily_dim: ClickStatsDailyDimTable;
}

import type { ColumnType, Generated } from 'kysely';

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

export interface DB {
  workspaces: WorkspacesTable;
  api_keys: ApiKeysTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  instance_settings: InstanceSettingsTable;
  schema_migrations: SchemaMigrationsTable;
}

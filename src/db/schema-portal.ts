import type { ColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CreatorAccountsTable {
  id: string;
  workspace_id: string;
  influencer_id: string;
  email: string;
  password_hash: string;
  created_at: Timestamp;
  last_login_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface CreatorInvitationsTable {
  id: string;
  workspace_id: string;
  influencer_id: string;
  email: string;
  token_hash: string;
  expires_at: Date;
  accepted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_by: string;
  created_at: Timestamp;
}

export interface CreatorSessionsTable {
  id: string;
  token_hash: string;
  account_id: string;
  workspace_id: string;
  influencer_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Date;
}

/** The creator portal's accounts, invitations and sessions (migration 0009). */
export interface PortalTables {
  creator_accounts: CreatorAccountsTable;
  creator_invitations: CreatorInvitationsTable;
  creator_sessions: CreatorSessionsTable;
}

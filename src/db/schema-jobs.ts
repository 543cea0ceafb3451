import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, T | string, T | string>;

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'dead';

export interface JobsTable {
  id: string;
  workspace_id: string | null;
  kind: string;
  payload: Json<unknown>;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Date | null;
  locked_by: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  finished_at: Date | null;
}

export interface WebhookEndpointsTable {
  id: string;
  workspace_id: string;
  url: string;
  description: Generated<string>;
  events: string[];
  enabled: Generated<boolean>;
  secret_encrypted: string;
  secret_hint: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface OutgoingDeliveriesTable {
  id: string;
  workspace_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  body: string;
  status: DeliveryStatus;
  attempts: Generated<number>;
  last_status_code: number | null;
  created_at: Timestamp;
  delivered_at: Date | null;
}

export interface OutgoingDeliveryAttemptsTable {
  id: Generated<string>;
  workspace_id: string;
  delivery_id: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  at: Timestamp;
}

export type EmailStatus = 'queued' | 'sent' | 'logged' | 'failed';

export interface NotificationsTable {
  id: string;
  workspace_id: string;
  recipient: string;
  subject: string;
  body: string;
  email_status: EmailStatus;
  read_at: Date | null;
  created_at: Timestamp;
}

/** The job queue, outgoing webhooks and notices (migration 0006). */
export interface JobTables {
  jobs: JobsTable;
  webhook_endpoints: WebhookEndpointsTable;
  outgoing_deliveries: OutgoingDeliveriesTable;
  outgoing_delivery_attempts: OutgoingDeliveryAttemptsTable;
  notifications: NotificationsTable;
}

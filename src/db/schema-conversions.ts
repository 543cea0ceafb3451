import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, T | string, T | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface CouponsTable {
  id: string;
  workspace_id: string;
  influencer_id: string;
  campaign_id: string | null;
  code: string;
  single_use: Defaulted<boolean>;
  used_by_conversion_id: string | null;
  active: Defaulted<boolean>;
  created_at: Timestamp;
}

export interface ConversionsTable {
  id: string;
  workspace_id: string;
  type: 'lead' | 'sale';
  order_id: string | null;
  source: string;
  status: 'active' | 'review' | 'rejected';
  amount: Defaulted<bigint>;
  currency: string | null;
  tax: bigint | null;
  shipping: bigint | null;
  discount: bigint | null;
  refunded_amount: Defaulted<bigint>;
  chargeback: Defaulted<boolean>;
  customer_key: string | null;
  customer_email_hash: string | null;
  ip_hash: string | null;
  coupon_code: string | null;
  click_id: string | null;
  influencer_id: string | null;
  campaign_id: string | null;
  link_id: string | null;
  attribution_method: string | null;
  attribution: Json<Record<string, unknown>>;
  fraud_flags: Json<unknown[]>;
  line_items: Json<unknown[]>;
  subscription: Json<Record<string, unknown>> | null;
  metadata: Json<Record<string, unknown>>;
  occurred_at: Date;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConversionEventsTable {
  id: Generated<string>;
  workspace_id: string;
  conversion_id: string;
  kind: 'created' | 'refund' | 'chargeback' | 'approved' | 'rejected' | 'duplicate';
  external_id: string | null;
  amount: bigint | null;
  actor: string;
  data: Json<Record<string, unknown>>;
  at: Timestamp;
}

export interface CustomerBindingsTable {
  workspace_id: string;
  customer_key: string;
  influencer_id: string;
  campaign_id: string | null;
  conversion_id: string;
  bound_at: Date;
}

export interface IntegrationsTable {
  workspace_id: string;
  provider: 'stripe' | 'shopify' | 'woocommerce' | 'postback' | 'snippet';
  secret_encrypted: string;
  secret_hint: string;
  token_hash: string | null;
  events: Defaulted<string[]>;
  options: ColumnType<Record<string, unknown>, Record<string, unknown> | string | undefined, Record<string, unknown> | string>;
  enabled: Defaulted<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  workspace_id: string;
  provider: string;
  topic: string | null;
  verified: boolean;
  result: string;
  conversion_id: string | null;
  error: string | null;
  received_at: Timestamp;
}

export interface ConversionTables {
  coupons: CouponsTable;
  conversions: ConversionsTable;
  conversion_events: ConversionEventsTable;
  customer_bindings: CustomerBindingsTable;
  integrations: IntegrationsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

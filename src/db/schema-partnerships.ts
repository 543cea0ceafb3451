import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, T | string, T | string>;

export type Stage = 'prospect' | 'contacted' | 'negotiating' | 'active' | 'completed' | 'declined';

export interface PartnershipsTable {
  id: string;
  workspace_id: string;
  campaign_id: string;
  influencer_id: string;
  stage: Stage;
  terms: Json<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PartnershipEventsTable {
  id: Generated<string>;
  workspace_id: string;
  partnership_id: string;
  from_stage: string | null;
  to_stage: string;
  actor: string;
  note: string | null;
  at: Timestamp;
}

export interface DeliverablesTable {
  id: string;
  workspace_id: string;
  partnership_id: string;
  type: string;
  due_at: Date;
  status: 'due' | 'submitted' | 'approved' | 'live';
  post_url: string | null;
  fee_amount: bigint | null;
  fee_currency: string | null;
  fee_commission_id: string | null;
  live_at: Date | null;
  reminded_due_soon_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  reminded_overdue_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Timestamp;
}

export interface GiftShipmentsTable {
  id: string;
  workspace_id: string;
  partnership_id: string;
  product: string;
  value: bigint;
  currency: string;
  status: 'to_ship' | 'shipped' | 'delivered';
  shipped_at: Date | null;
  delivered_at: Date | null;
  created_at: Timestamp;
}

export interface PartnershipTables {
  partnerships: PartnershipsTable;
  partnership_events: PartnershipEventsTable;
  deliverables: DeliverablesTable;
  gift_shipments: GiftShipmentsTable;
}

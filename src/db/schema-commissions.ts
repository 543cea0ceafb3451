import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, T | string, T | string>;

export type CommissionStatus = 'pending' | 'approved' | 'paid' | 'rejected' | 'cancelled';

export interface CommissionPlanOverridesTable {
  workspace_id: string;
  campaign_id: string;
  influencer_id: string;
  plan: Json<Record<string, unknown>>;
  created_at: Timestamp;
}

export interface CommissionsTable {
  id: string;
  workspace_id: string;
  influencer_id: string;
  campaign_id: string | null;
  conversion_id: string | null;
  kind: string;
  amount: bigint;
  currency: string;
  status: CommissionStatus;
  rule: string;
  explanation: string;
  inputs: Json<Record<string, unknown>>;
  plan: Json<Record<string, unknown>> | null;
  payable_on: ColumnType<Date, string, string>;
  reason: string | null;
  reversal_of: string | null;
  payout_item_id: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  approved_at: Date | null;
  paid_at: Date | null;
  closed_at: Date | null;
}

export interface LedgerEntriesTable {
  id: Generated<string>;
  workspace_id: string;
  txn_id: string;
  account: string;
  influencer_id: string | null;
  currency: string;
  amount: bigint;
  commission_id: string | null;
  payout_item_id: string | null;
  memo: string;
  at: Timestamp;
}

export interface PayoutBatchesTable {
  id: string;
  workspace_id: string;
  currency: string;
  idempotency_key: string;
  status: 'open' | 'paid' | 'partially_paid' | 'failed';
  total: bigint;
  item_count: number;
  created_by: string;
  created_at: Timestamp;
}

export interface PayoutItemsTable {
  id: string;
  workspace_id: string;
  batch_id: string;
  influencer_id: string;
  currency: string;
  amount: bigint;
  status: 'pending' | 'paid' | 'failed';
  failure_reason: string | null;
  method: string | null;
  paid_at: Date | null;
  created_at: Timestamp;
}

export interface PayoutDetailsTable {
  workspace_id: string;
  influencer_id: string;
  method: 'paypal' | 'bank';
  paypal_email: string | null;
  iban: string | null;
  bic: string | null;
  account_holder: string | null;
  minimum_payout: Json<Record<string, number>>;
  updated_at: Timestamp;
}

export interface CommissionTables {
  commission_plan_overrides: CommissionPlanOverridesTable;
  commissions: CommissionsTable;
  ledger_entries: LedgerEntriesTable;
  payout_batches: PayoutBatchesTable;
  payout_items: PayoutItemsTable;
  payout_details: PayoutDetailsTable;
}

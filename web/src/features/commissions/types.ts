export type Commission = {
  id: string;
  influencerId: string;
  campaignId: string | null;
  conversionId: string | null;
  kind: string;
  amount: number;
  currency: string;
  status: 'pending' | 'approved' | 'paid' | 'rejected' | 'cancelled';
  payableOn: string;
  rule: string | null;
  explanation: string;
  inputs: Record<string, unknown>;
  reason: string | null;
  reversalOf: string | null;
  payoutItemId: string | null;
  createdAt: string;
  approvedAt: string | null;
  paidAt: string | null;
};

export type CommissionDetail = Commission & { adjustments: Commission[] };

export type Balance = { influencerId: string; currency: string; pending: number; payable: number; paid: number };

const KIND_WORDS: Record<string, string> = { sale: 'Sale', lead: 'Lead', click: 'Clicks', flat_fee: 'Flat fee', bonus: 'Bonus', adjustment: 'Adjustment' };
export const kindWords = (k: string) => KIND_WORDS[k] ?? k.replace(/_/g, ' ');

/** Whether the hold has ended (payable-on is a UTC calendar day, like the server's approve-due). */
export const isDue = (c: Commission) => c.status === 'pending' && c.payableOn <= new Date().toISOString().slice(0, 10);

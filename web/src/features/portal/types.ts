// The JSON the creator portal API answers (src/portal/*). Money is integer minor units.

export type Creator = { influencerId: string; name: string; email: string; workspaceName: string; workspaceSlug: string };
export type PortalSession = { creator: Creator; csrfToken: string };
export type Money = { currency: string; amount: number };

export type Balance = { currency: string; pending: number; approved: number; paid: number; clawedBack: number };

export type CommissionStatus = 'pending' | 'approved' | 'paid' | 'rejected' | 'cancelled';
export type Commission = {
  id: string;
  kind: string;
  campaignId: string | null;
  conversionId: string | null;
  amount: number;
  currency: string;
  status: CommissionStatus;
  payableOn: string;
  description: string;
  reason: string | null;
  clawback: boolean;
  createdAt: string;
  approvedAt: string | null;
  paidAt: string | null;
};
export type Earnings = { balances: Balance[]; commissions: Commission[]; nextCursor: string | null };

export type StatsDay = { date: string; clicks: number; uniqueClicks: number; conversions: number; earnings: Money[] };
export type Stats = { from: string; to: string; days: StatsDay[]; totals: Omit<StatsDay, 'date'> };

export type Campaign = { id: string; name: string; destinationUrl: string; allowedDomains: string[]; status: string; partnershipStage: string | null };

export type CreatorLink = {
  id: string;
  code: string;
  shortUrl: string;
  destinationUrl: string;
  label: string | null;
  campaignId: string;
  campaignName: string;
  disabled: boolean;
  createdAt: string;
  clicks: number;
  uniqueClicks: number;
  qrSvgUrl: string;
};

export type Coupon = { id: string; code: string; campaignId: string | null; singleUse: boolean; used: boolean; active: boolean; createdAt: string };

export type Conversion = {
  id: string;
  occurredAt: string;
  type: 'lead' | 'sale';
  amount: number;
  currency: string | null;
  status: 'confirmed' | 'in_review' | 'rejected';
  refundedAmount: number;
  refundState: 'none' | 'partial' | 'full';
  orderId: string | null;
  attributionMethod: string | null;
  campaignId: string | null;
};

export type Deliverable = {
  id: string;
  type: string;
  dueAt: string;
  status: string;
  postUrl: string | null;
  liveAt: string | null;
  partnershipId: string;
  campaignId: string;
  campaignName: string;
  fee: Money | null;
};

export type PayoutDetails = {
  method: 'paypal' | 'bank';
  paypalEmail: string | null;
  iban: string | null;
  bic: string | null;
  accountHolder: string | null;
  minimumPayout: Record<string, number>;
  updatedAt?: string;
};

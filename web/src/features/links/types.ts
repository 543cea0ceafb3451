export type Link = {
  id: string;
  code: string;
  shortUrl: string;
  destinationUrl: string;
  trackingUrl: string | null;
  label: string | null;
  utm: Record<string, string>;
  influencerId: string;
  campaignId: string;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
};

export type Campaign = { id: string; name: string; status: string; destinationUrl: string; allowedDomains: string[] };

export type Coupon = {
  id: string;
  code: string;
  influencerId: string;
  campaignId: string | null;
  singleUse: boolean;
  used: boolean;
  active: boolean;
  createdAt: string;
};

export type ClickRow = { key: string; label: string | null; clicks: number; humanClicks: number; uniqueClicks: number; botClicks: number };
export type ClickReport = { from: string; to: string; rows: ClickRow[] };

export const UTM_KEYS = ['source', 'medium', 'campaign', 'content', 'term'] as const;

export type Signal = { kind: 'click' | 'coupon' | 'customer'; ref: string; influencerId: string | null; status: string; detail: string };
export type FraudFlag = { code: string; message: string; evidence: Record<string, unknown> };

export type Conversion = {
  id: string;
  type: 'lead' | 'sale';
  orderId: string | null;
  source: string;
  status: 'active' | 'review' | 'rejected';
  amount: number;
  currency: string | null;
  tax: number | null;
  shipping: number | null;
  discount: number | null;
  netAmount: number;
  refundedAmount: number;
  refundState: 'none' | 'partial' | 'full';
  chargeback: boolean;
  influencerId: string | null;
  campaignId: string | null;
  linkId: string | null;
  clickId: string | null;
  couponCode: string | null;
  attribution: { model?: string; method?: string | null; reasons?: string[]; signals?: Signal[] };
  fraudFlags: FraudFlag[];
  lineItems: { sku?: string | null; category?: string | null; quantity: number; amount: number }[];
  occurredAt: string;
  createdAt: string;
};

export type HistoryEvent = { kind: string; externalId: string | null; amount: number | null; actor: string; data: Record<string, unknown>; at: string };
export type ConversionDetail = Conversion & { history: HistoryEvent[] };

const FLAG_WORDS: Record<string, string> = {
  NO_SIGNAL: 'No click or coupon',
  FAST_CONVERSION: 'Very fast purchase',
  IP_VELOCITY: 'Many orders from one IP',
  CUSTOMER_VELOCITY: 'Many orders from one customer',
  SELF_REFERRAL: 'Self-referral',
  COUPON_WITHOUT_CLICK: 'Coupon without click',
};
export const flagWords = (code: string) => FLAG_WORDS[code] ?? code.replace(/_/g, ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());

const METHOD_WORDS: Record<string, string> = { click: 'Link click', coupon: 'Coupon code', customer: 'Returning customer' };
export const methodWords = (m: string | null | undefined) => (m ? (METHOD_WORDS[m] ?? m) : 'Unattributed');
export const modelWords = (m: string | undefined) => (m === 'first_click' ? 'first click' : m === 'last_click' ? 'last click' : (m ?? '—'));

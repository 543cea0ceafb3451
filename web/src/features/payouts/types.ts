export type BatchSummary = {
  id: string;
  status: 'open' | 'paid' | 'partially_paid' | 'failed';
  currency: string;
  method: string | null;
  methods: string[];
  itemCount: number;
  paidCount: number;
  failedCount: number;
  total: number;
  createdBy: string;
  createdAt: string;
};

export type BatchItem = {
  id: string;
  influencerId: string;
  name: string;
  amount: number;
  currency: string;
  status: 'pending' | 'paid' | 'failed';
  method: string | null;
  failureReason: string | null;
  paidAt: string | null;
};

export type Batch = {
  id: string;
  currency: string;
  status: BatchSummary['status'];
  total: number;
  itemCount: number;
  idempotencyKey: string;
  createdAt: string;
  items: BatchItem[];
};

const METHOD_WORDS: Record<string, string> = { paypal: 'PayPal', bank: 'Bank transfer', mixed: 'PayPal and bank', unknown: 'Not set' };
export const methodWords = (m: string | null | undefined) => (m ? (METHOD_WORDS[m] ?? m) : '—');

export const EXPORTS = [
  { format: 'paypal-csv', label: 'PayPal payouts CSV', rail: 'paypal', hint: 'Upload in PayPal → Payouts → Upload a file.' },
  { format: 'paypal-json', label: 'PayPal Payouts API JSON', rail: 'paypal', hint: 'The request body for POST /v1/payments/payouts.' },
  { format: 'wise-csv', label: 'Wise batch CSV', rail: 'bank', hint: 'Upload in Wise → Batch payments.' },
  { format: 'sepa-xml', label: 'SEPA credit transfer XML (pain.001)', rail: 'bank', hint: 'Upload to your bank for a SEPA batch (euro only).' },
] as const;

/**
 * What the payouts domain hands to the exporters: one batch in one currency, already gathered
 * from the ledger. Amounts are integer minor units of `currency` (see src/shared/money.ts).
 */
export type PayoutLine = {
  /** Pay item id, e.g. `pit_…`; becomes the per-payment reference in every format. */
  itemId: string;
  influencerId: string;
  name: string;
  amount: bigint;
  currency: string;
  method: 'paypal' | 'bank';
  paypalEmail: string | null;
  iban: string | null;
  bic: string | null;
  accountHolder: string | null;
  note: string;
};

export type PayoutBatch = {
  /** `pay_…`; the idempotency key PayPal and banks see (sender_batch_id, MsgId). */
  id: string;
  createdAt: Date;
  currency: string;
  lines: PayoutLine[];
  /** The brand's account, needed for SEPA (the debtor). */
  debtor: { name: string; iban: string; bic: string | null } | null;
};

/** One reason a line (or the batch, `itemId: null`) cannot go into a file. */
export type LineProblem = { itemId: string | null; message: string };

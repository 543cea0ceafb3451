import { paypalRows } from './paypal-rows.ts';
import { oneLine } from './one-line.ts';
import { payoutExportError } from './export-error.ts';
import { paypalPayoutRequestSchema, type PaypalPayoutRequest } from './paypal-payout-request-schema.ts';
import type { PayoutBatch } from './types.ts';

/** The Payouts API takes at most 15,000 items per request (create_payout_request.items.maxItems). */
export const PAYPAL_API_MAX_ITEMS = 15000;

export type PaypalApiRequestOptions = {
  /** Subject of the email PayPal sends each recipient (≤ 255 characters). */
  emailSubject?: string;
  /** Body of that email, the same for all recipients (≤ 1000 characters). */
  emailMessage?: string;
};

const FORMAT = 'PayPal Payouts API request';
const DEFAULT_SUBJECT = 'You have a payout';
const DEFAULT_MESSAGE = 'Your affiliate commissions have been paid. Thank you for working with us!';

/**
 * The body of PayPal's `POST /v1/payments/payouts` for the batch's PayPal lines.
 * `sender_batch_id` is the batch id: PayPal rejects a reused id for 30 days, which makes a
 * retried request (same batch, e.g. after a 5xx) safe. Each item is recipient_type EMAIL with
 * `sender_item_id` = the pay item id, so PayPal's webhooks map back to our items.
 * Throws a VALIDATION AppError for unpayable lines (see paypalRows), more than 15,000 items,
 * or a subject/message over PayPal's limits.
 * @example paypalApiRequest(batch).items[0]
 * // { recipient_type: 'EMAIL', amount: { value: '9.87', currency: 'USD' }, receiver: 'ana@example.com', note: 'March', sender_item_id: 'pit_1' }
 */
export function paypalApiRequest(batch: PayoutBatch, options: PaypalApiRequestOptions = {}): PaypalPayoutRequest {
  const rows = paypalRows(batch, FORMAT, PAYPAL_API_MAX_ITEMS);
  const request: PaypalPayoutRequest = {
    sender_batch_header: {
      sender_batch_id: batch.id,
      email_subject: oneLine(options.emailSubject ?? DEFAULT_SUBJECT),
      email_message: oneLine(options.emailMessage ?? DEFAULT_MESSAGE),
    },
    items: rows.map((r) => ({
      recipient_type: 'EMAIL' as const,
      amount: { value: r.value, currency: r.currency },
      receiver: r.receiver,
      ...(r.note === '' ? {} : { note: r.note }),
      sender_item_id: r.itemId,
    })),
  };
  // Lines were checked above, so what can still fail here is an over-long subject or message.
  const parsed = paypalPayoutRequestSchema.safeParse(request);
  if (!parsed.success) {
    throw payoutExportError(batch.id, FORMAT, parsed.error.issues.map((i) => ({ itemId: null, message: `${i.path.join('.')}: ${i.message}` })));
  }
  return parsed.data;
}

import { validatePaypalEmail } from '../details/validate-paypal-email.ts';
import { oneLine } from './one-line.ts';
import { paypalAmount } from './paypal-amount.ts';
import { payoutExportError } from './export-error.ts';
import { selectLines } from './select-lines.ts';
import type { LineProblem, PayoutBatch } from './types.ts';

/** A PayPal payment ready to write: every field already in PayPal's own spelling. */
export type PaypalRow = { itemId: string; receiver: string; value: string; currency: string; note: string };

// payout_item.sender_item_id maxLength in PayPal's spec.
const MAX_ITEM_ID = 63;

/**
 * The PayPal lines of a batch, checked and converted once for both PayPal formats (bulk CSV
 * and Payouts API): a valid receiver email, an amount PayPal accepts in that currency, and a
 * note cut to PayPal's limit (4000 ASCII or 1000 non-ASCII characters).
 * Throws a VALIDATION AppError listing every line that cannot be paid.
 * @example paypalRows(batch, 'PayPal CSV', 5000)[0] // { itemId: 'pit_1', receiver: 'ana@example.com', value: '12.50', currency: 'USD', note: '…' }
 */
export function paypalRows(batch: PayoutBatch, format: string, maxRows: number): PaypalRow[] {
  const problems: LineProblem[] = [];
  const lines = selectLines(batch, 'paypal', format, maxRows, problems);
  const rows: PaypalRow[] = [];
  for (const line of lines) {
    const email = validatePaypalEmail(line.paypalEmail ?? '');
    const amount = paypalAmount(line.amount, line.currency);
    if (line.paypalEmail === null) problems.push({ itemId: line.itemId, message: 'has no PayPal email' });
    else if (!email.ok) problems.push({ itemId: line.itemId, message: email.message });
    if (!amount.ok) problems.push({ itemId: line.itemId, message: amount.message });
    if (line.itemId.length > MAX_ITEM_ID) problems.push({ itemId: line.itemId, message: `item id is longer than PayPal's ${MAX_ITEM_ID} characters` });
    if (email.ok && amount.ok) {
      rows.push({ itemId: line.itemId, receiver: email.email, value: amount.value, currency: line.currency, note: paypalNote(line.note) });
    }
  }
  if (problems.length > 0) throw payoutExportError(batch.id, format, problems);
  return rows;
}

function paypalNote(note: string): string {
  const text = oneLine(note);
  const max = /[^\x00-\x7f]/.test(text) ? 1000 : 4000;
  const chars = [...text]; // code points, so a cut never splits a surrogate pair
  return chars.length > max ? chars.slice(0, max).join('').trimEnd() : text;
}

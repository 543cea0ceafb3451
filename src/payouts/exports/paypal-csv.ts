import { csvRow } from './csv-row.ts';
import { paypalRows } from './paypal-rows.ts';
import type { PayoutBatch } from './types.ts';

/** PayPal's web bulk upload takes at most 5,000 rows per file. */
export const PAYPAL_CSV_MAX_ROWS = 5000;

/**
 * The PayPal Payouts web bulk-upload CSV for the batch's PayPal lines, as PayPal documents it:
 * no header row, one currency per file, CRLF records, columns
 * `recipient email, amount, currency, reference id (item id), note, wallet (PAYPAL)`.
 * The amount uses a dot decimal point, never grouping, so it never needs quoting.
 * Throws a VALIDATION AppError (listing every bad line) for missing/invalid emails, currencies
 * PayPal cannot pay, no PayPal lines, or more than 5,000 lines (the error says how to split).
 * @example paypalCsv(batch)
 * // 'ana@example.com,100.50,USD,pit_1,March commissions,PAYPAL\r\n'
 */
export function paypalCsv(batch: PayoutBatch): string {
  return paypalRows(batch, 'PayPal CSV', PAYPAL_CSV_MAX_ROWS)
    .map((r) => csvRow([r.receiver, r.value, r.currency, r.itemId, r.note, 'PAYPAL']))
    .join('');
}

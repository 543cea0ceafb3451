import { isCurrency } from '../../shared/currencies.ts';
import { toDecimalString } from '../../shared/money.ts';
import { validateIban } from '../details/validate-iban.ts';
import { csvRow } from './csv-row.ts';
import { oneLine } from './one-line.ts';
import { toSepaText } from './to-sepa-text.ts';
import { payoutExportError } from './export-error.ts';
import { selectLines } from './select-lines.ts';
import type { LineProblem, PayoutBatch } from './types.ts';

/** Wise batch payments take up to 1,000 transfers per file. */
export const WISE_CSV_MAX_ROWS = 1000;

/** The header of Wise's "send to bank accounts" template for IBAN recipients, verbatim. */
export const WISE_CSV_HEADER = 'name,recipientEmail,paymentReference,receiverType,amountCurrency,amount,sourceCurrency,targetCurrency,IBAN';

// Conservative: the shortest reference limit among the IBAN rails Wise pays into (35, as in
// SEPA's structured fields); Wise silently shortens or rejects longer ones depending on route.
const MAX_REFERENCE = 35;

export type WiseCsvOptions = {
  /** The Wise balance the batch is paid from; defaults to the batch currency (no conversion). */
  sourceCurrency?: string;
};

/**
 * Wise batch-payment CSV for the batch's bank lines, IBAN recipients only.
 * Each row is a fixed-target payment (`amountCurrency=target`): the creator receives exactly the
 * amount owed and Wise's fees and any conversion fall on the brand. `receiverType` is PERSON
 * because creators are paid as individuals; `recipientEmail` stays empty (bank-detail rows).
 * `paymentReference` is the line's note (falling back to the item id), in the SEPA Latin set,
 * cut to 35 characters. Throws a VALIDATION AppError listing every bad line, or when over 1,000.
 * @example wiseCsv(batch)
 * // 'name,recipientEmail,…,IBAN\r\nAna Lopez,,March commissions,PERSON,target,100.50,EUR,EUR,DE89370400440532013000\r\n'
 */
export function wiseCsv(batch: PayoutBatch, options: WiseCsvOptions = {}): string {
  const format = 'Wise CSV';
  const problems: LineProblem[] = [];
  const lines = selectLines(batch, 'bank', format, WISE_CSV_MAX_ROWS, problems);
  const source = options.sourceCurrency ?? batch.currency;
  if (!isCurrency(source)) problems.push({ itemId: null, message: `unknown source currency "${source}"` });
  const rows = lines.map((line) => {
    const iban = validateIban(line.iban ?? '');
    if (line.iban === null) problems.push({ itemId: line.itemId, message: 'has no IBAN; the Wise export covers IBAN recipients only' });
    else if (!iban.ok) problems.push({ itemId: line.itemId, message: iban.message });
    // The name must match the bank account, so the account holder wins over the display name.
    const name = oneLine(line.accountHolder ?? line.name);
    if (name === '') problems.push({ itemId: line.itemId, message: 'has no account holder name' });
    const reference = toSepaText(line.note, MAX_REFERENCE) || toSepaText(line.itemId, MAX_REFERENCE);
    // selectLines has reported an unknown currency already; this only keeps the loop going.
    const amount = isCurrency(line.currency) ? toDecimalString({ amount: line.amount, currency: line.currency }) : '';
    return csvRow([name, '', reference, 'PERSON', 'target', amount, source, line.currency, iban.ok ? iban.iban : '']);
  });
  if (problems.length > 0) throw payoutExportError(batch.id, format, problems);
  return `${WISE_CSV_HEADER}\r\n${rows.join('')}`;
}

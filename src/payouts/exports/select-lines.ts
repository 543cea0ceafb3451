import { isCurrency } from '../../shared/currencies.ts';
import { payoutExportError } from './export-error.ts';
import type { LineProblem, PayoutBatch, PayoutLine } from './types.ts';

/**
 * The lines of `batch` paid by `method`, after the checks every format shares: one currency
 * per file, positive amounts, unique item ids, and at least one line. Lines of the other
 * method are skipped, not rejected: a mixed batch is exported once per payout rail.
 * Problems are appended to `problems` so the exporter can add its own and throw once; only
 * more than `maxRows` lines throws at once (a VALIDATION AppError saying how to split).
 * @example selectLines(batch, 'paypal', 'PayPal CSV', 5000, problems) // the PayPal lines, in batch order
 */
export function selectLines(batch: PayoutBatch, method: PayoutLine['method'], format: string, maxRows: number, problems: LineProblem[]): PayoutLine[] {
  if (!isCurrency(batch.currency)) problems.push({ itemId: null, message: `unknown batch currency "${batch.currency}"` });
  const lines = batch.lines.filter((l) => l.method === method);
  if (lines.length === 0) {
    const rail = method === 'paypal' ? 'PayPal' : 'bank';
    problems.push({ itemId: null, message: `the batch has no ${rail} lines (${batch.lines.length} lines in all), so there is nothing to put in the file` });
  }
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line.itemId)) problems.push({ itemId: line.itemId, message: 'appears twice; a payment would be sent twice' });
    seen.add(line.itemId);
    if (line.currency !== batch.currency) {
      problems.push({ itemId: line.itemId, message: `is in ${line.currency} but the batch is in ${batch.currency}; one file holds one currency` });
    }
    if (line.amount <= 0n) problems.push({ itemId: line.itemId, message: `amount ${line.amount} minor units is not positive` });
  }
  if (lines.length > maxRows) throw tooManyRows(batch.id, format, lines.length, maxRows);
  return lines;
}

function tooManyRows(batchId: string, format: string, rows: number, limit: number) {
  const files = Math.ceil(rows / limit);
  const ranges = Array.from({ length: files }, (_, i) => `${i * limit + 1}–${Math.min(rows, (i + 1) * limit)}`);
  return payoutExportError(
    batchId,
    format,
    [{ itemId: null, message: `${format} takes at most ${limit} payments per file and this batch has ${rows}; split it into ${files} batches (lines ${ranges.join(', ')})` }],
    { limit, rows, files },
  );
}

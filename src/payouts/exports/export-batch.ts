import { paypalApiRequest, type PaypalApiRequestOptions } from './paypal-api-request.ts';
import { paypalCsv } from './paypal-csv.ts';
import { sepaPain001, type SepaPain001Options } from './sepa-pain001.ts';
import { wiseCsv, type WiseCsvOptions } from './wise-csv.ts';
import type { PayoutBatch } from './types.ts';

/** Every export format, for a route's zod enum. */
export const EXPORT_FORMATS = ['paypal-csv', 'paypal-json', 'wise-csv', 'sepa-xml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportOptions = { paypal?: PaypalApiRequestOptions; wise?: WiseCsvOptions; sepa?: SepaPain001Options };

/** A file ready to download; `itemIds` are the pay items it contains, in file order. */
export type ExportedFile = { filename: string; contentType: string; body: string; itemIds: string[] };

/**
 * One batch as one file in the chosen format. PayPal formats take the batch's PayPal lines,
 * Wise and SEPA its bank lines; a mixed batch is exported once per rail. Throws the exporter's
 * VALIDATION AppError (every problem listed in `details.problems`) when the file cannot be made.
 * @example exportBatch(batch, 'sepa-xml', { sepa: { executionDate: '2025-03-03' } })
 * // { filename: 'pay_7k2…-sepa-pain.001.001.03.xml', contentType: 'application/xml; charset=utf-8', body: '<?xml …', itemIds: ['pit_1'] }
 */
export function exportBatch(batch: PayoutBatch, format: ExportFormat, options: ExportOptions = {}): ExportedFile {
  const method = format === 'paypal-csv' || format === 'paypal-json' ? 'paypal' : 'bank';
  // Each exporter has already rejected the batch if any line of this rail could not be written.
  const file = (filename: string, contentType: string, body: string): ExportedFile => ({
    filename,
    contentType,
    body,
    itemIds: batch.lines.filter((l) => l.method === method).map((l) => l.itemId),
  });
  switch (format) {
    case 'paypal-csv':
      return file(`${batch.id}-paypal.csv`, 'text/csv; charset=utf-8', paypalCsv(batch));
    case 'paypal-json':
      return file(`${batch.id}-paypal-payouts.json`, 'application/json', `${JSON.stringify(paypalApiRequest(batch, options.paypal), null, 2)}\n`);
    case 'wise-csv':
      return file(`${batch.id}-wise.csv`, 'text/csv; charset=utf-8', wiseCsv(batch, options.wise));
    case 'sepa-xml':
      return file(`${batch.id}-sepa-pain.001.001.03.xml`, 'application/xml; charset=utf-8', sepaPain001(batch, options.sepa));
  }
}

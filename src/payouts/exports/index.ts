/** Payout batch exports (PayPal CSV and API request, Wise CSV, SEPA pain.001): pure, no I/O. */
export type { PayoutBatch, PayoutLine, LineProblem } from './types.ts';
export { exportBatch, EXPORT_FORMATS, type ExportFormat, type ExportOptions, type ExportedFile } from './export-batch.ts';
export { paypalCsv, PAYPAL_CSV_MAX_ROWS } from './paypal-csv.ts';
export { paypalApiRequest, PAYPAL_API_MAX_ITEMS, type PaypalApiRequestOptions } from './paypal-api-request.ts';
export { paypalPayoutRequestSchema, type PaypalPayoutRequest } from './paypal-payout-request-schema.ts';
export { paypalAmount } from './paypal-amount.ts';
export { wiseCsv, WISE_CSV_HEADER, WISE_CSV_MAX_ROWS, type WiseCsvOptions } from './wise-csv.ts';
export { sepaPain001, type SepaPain001Options } from './sepa-pain001.ts';
export { toSepaText } from './to-sepa-text.ts';
export { payoutExportError } from './export-error.ts';

import { validateImportRecords, type ValidatedImport } from './validate-import.ts';

/**
 * Reads the documented JSON format: an array of account records, or `{ "creators": [...] }`.
 * Row numbers are positions in that array, from 1.
 * @example parseCreatorsJson('[{"platform":"tiktok","handle":"ada","followers":900}]').records.length // 1
 */
export function parseCreatorsJson(input: string | unknown, rowNumbers?: readonly number[]): ValidatedImport {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (err) {
      return { records: [], rows: [], skippedRows: 0, errors: [{ row: 1, field: null, message: `not valid JSON: ${(err as Error).message}` }] };
    }
  }
  const list = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null && Array.isArray((value as { creators?: unknown }).creators)
      ? (value as { creators: unknown[] }).creators
      : null;
  if (!list) {
    return { records: [], rows: [], skippedRows: 0, errors: [{ row: 1, field: null, message: 'expected an array of account records or { "creators": [...] }' }] };
  }
  if (rowNumbers && rowNumbers.length !== list.length) {
    return { records: [], rows: [], skippedRows: 0, errors: [{ row: 1, field: null, message: `rows must give one number per record (${list.length})` }] };
  }
  return validateImportRecords(list, rowNumbers);
}

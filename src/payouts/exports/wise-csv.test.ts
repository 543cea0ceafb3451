import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { WISE_CSV_HEADER, wiseCsv } from './wise-csv.ts';
import { bankLine, batchOf, paypalLine } from './test-batch.ts';

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

const HEADER = 'name,recipientEmail,paymentReference,receiverType,amountCurrency,amount,sourceCurrency,targetCurrency,IBAN\r\n';

describe('wiseCsv', () => {
  it('starts with the documented header row, verbatim', () => {
    expect(WISE_CSV_HEADER + '\r\n').toBe(HEADER);
  });

  it('writes fixed-target IBAN rows, hand-checked (EUR)', () => {
    const b = batchOf('EUR', [
      bankLine('pit_1', 10050n, 'EUR'),
      bankLine('pit_2', 7n, 'EUR', { accountHolder: null, name: 'Bo Chen', iban: 'fr14 2004 1010 0505 0001 3m02 606', note: '' }),
      paypalLine('pit_3', 100n, 'EUR'), // other rail: skipped
    ]);
    expect(wiseCsv(b)).toBe(
      HEADER +
        'Ana Lopez,,March commissions,PERSON,target,100.50,EUR,EUR,DE89370400440532013000\r\n' +
        'Bo Chen,,pit-2,PERSON,target,0.07,EUR,EUR,FR1420041010050500013M02606\r\n',
    );
  });

  it('uses the target currency’s minor units (KWD has 3) and a separate source currency when paying from another balance', () => {
    const kwd = batchOf('KWD', [bankLine('pit_1', 1234n, 'KWD', { iban: 'KW81CBKU0000000000001234560101', note: 'Q1' })]);
    expect(wiseCsv(kwd, { sourceCurrency: 'USD' })).toBe(HEADER + 'Ana Lopez,,Q1,PERSON,target,1.234,USD,KWD,KW81CBKU0000000000001234560101\r\n');
    const jpy = batchOf('JPY', [bankLine('pit_1', 1500n, 'JPY', { note: 'Q1' })]);
    expect(wiseCsv(jpy, { sourceCurrency: 'EUR' })).toBe(HEADER + 'Ana Lopez,,Q1,PERSON,target,1500,EUR,JPY,DE89370400440532013000\r\n');
  });

  it('quotes names with commas and quotes; keeps non-Latin names (they must match the account) but cuts references to 35 SEPA-safe characters', () => {
    const b = batchOf('EUR', [
      bankLine('pit_1', 100n, 'EUR', { accountHolder: 'Lopez, Ana "AL"', note: 'Commissions, March & April 2025 — thank you!' }),
      bankLine('pit_2', 100n, 'EUR', { accountHolder: 'Ζωή Παπαδοπούλου', note: 'Προμήθειες Μαρτίου' }),
    ]);
    expect(wiseCsv(b)).toBe(
      HEADER +
        '"Lopez, Ana ""AL""",,"Commissions, March + April 2025 - t",PERSON,target,1.00,EUR,EUR,DE89370400440532013000\r\n' +
        'Ζωή Παπαδοπούλου,,Promitheies Martiou,PERSON,target,1.00,EUR,EUR,DE89370400440532013000\r\n',
    );
  });

  it('lists every line it cannot pay', () => {
    const b = batchOf('EUR', [
      bankLine('pit_1', 100n, 'EUR', { iban: null }),
      bankLine('pit_2', 100n, 'EUR', { iban: 'DE89 3704 0044 0532 0130 01' }),
      bankLine('pit_3', 100n, 'EUR', { accountHolder: ' ', name: '' }),
    ]);
    expect(thrown(() => wiseCsv(b, { sourceCurrency: 'XXX' })).details?.problems).toEqual([
      { itemId: null, message: 'unknown source currency "XXX"' },
      { itemId: 'pit_1', message: 'has no IBAN; the Wise export covers IBAN recipients only' },
      { itemId: 'pit_2', message: 'IBAN checksum does not match: check for a mistyped or swapped character' },
      { itemId: 'pit_3', message: 'has no account holder name' },
    ]);
  });

  it('refuses an empty batch and more than 1000 rows', () => {
    expect(thrown(() => wiseCsv(batchOf('EUR', []))).message).toContain('the batch has no bank lines (0 lines in all)');
    const lines = Array.from({ length: 1001 }, (_, i) => bankLine(`pit_${i}`, 100n, 'EUR'));
    expect(thrown(() => wiseCsv(batchOf('EUR', lines))).message).toContain('split it into 2 batches (lines 1–1000, 1001–1001)');
    expect(wiseCsv(batchOf('EUR', lines.slice(0, 1000))).split('\r\n').length).toBe(1002);
  });
});

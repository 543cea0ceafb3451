import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { paypalCsv } from './paypal-csv.ts';
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

describe('paypalCsv', () => {
  it('writes PayPal’s documented columns, no header, dot decimals with the currency’s minor units', () => {
    const usd = batchOf('USD', [
      paypalLine('pit_1', 10050n, 'USD'),
      paypalLine('pit_2', 5n, 'USD', { paypalEmail: 'Bo@Example.com', note: '' }),
      bankLine('pit_3', 999n, 'USD'), // other rail: skipped, not rejected
    ]);
    expect(paypalCsv(usd)).toBe(
      'ana@example.com,100.50,USD,pit_1,March commissions,PAYPAL\r\n' + 'Bo@example.com,0.05,USD,pit_2,,PAYPAL\r\n',
    );
    expect(paypalCsv(batchOf('EUR', [paypalLine('pit_1', 123456n, 'EUR')]))).toBe('ana@example.com,1234.56,EUR,pit_1,March commissions,PAYPAL\r\n');
    expect(paypalCsv(batchOf('JPY', [paypalLine('pit_1', 1500n, 'JPY')]))).toBe('ana@example.com,1500,JPY,pit_1,March commissions,PAYPAL\r\n');
  });

  it('writes HUF and TWD in whole units, as PayPal requires, and refuses fractions of them', () => {
    expect(paypalCsv(batchOf('HUF', [paypalLine('pit_1', 150000n, 'HUF')]))).toBe('ana@example.com,1500,HUF,pit_1,March commissions,PAYPAL\r\n');
    const e = thrown(() => paypalCsv(batchOf('TWD', [paypalLine('pit_1', 150050n, 'TWD')])));
    expect(e.message).toBe('Cannot export batch pay_0k3m9x2v7q1b8n4c as PayPal CSV: pit_1: PayPal accepts TWD only in whole units and 1500.50 has a fraction');
  });

  it('refuses KWD, which PayPal does not pay out in', () => {
    const e = thrown(() => paypalCsv(batchOf('KWD', [paypalLine('pit_1', 1234n, 'KWD')])));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('pit_1: PayPal does not pay out in KWD');
  });

  it('quotes commas and quotes, and folds line breaks so each payment is one line', () => {
    const b = batchOf('USD', [paypalLine('pit_1', 100n, 'USD', { note: 'Thanks, "Ana"!\r\nSee you\tsoon' })]);
    expect(paypalCsv(b)).toBe('ana@example.com,1.00,USD,pit_1,"Thanks, ""Ana""! See you soon",PAYPAL\r\n');
  });

  it('keeps non-Latin notes in UTF-8 and cuts them at PayPal’s 1000-character limit for non-ASCII', () => {
    const b = batchOf('USD', [paypalLine('pit_1', 100n, 'USD', { note: `谢谢 ${'é'.repeat(2000)}` })]);
    const note = paypalCsv(b).split(',')[4]!;
    expect(note.startsWith('谢谢 éé')).toBe(true);
    expect([...note].length).toBe(1000);
    const ascii = batchOf('USD', [paypalLine('pit_1', 100n, 'USD', { note: 'x'.repeat(5000) })]);
    expect(paypalCsv(ascii).split(',')[4]!.length).toBe(4000);
  });

  it('lists every line that cannot be paid, in one error', () => {
    const b = batchOf('USD', [
      paypalLine('pit_1', 100n, 'USD', { paypalEmail: null }),
      paypalLine('pit_2', 100n, 'USD', { paypalEmail: 'not-an-email' }),
      paypalLine('pit_3', 0n, 'USD'),
      paypalLine('pit_4', 100n, 'EUR'),
      paypalLine('pit_4', 100n, 'USD'),
    ]);
    const e = thrown(() => paypalCsv(b));
    expect(e.details?.problems).toEqual([
      { itemId: 'pit_3', message: 'amount 0 minor units is not positive' },
      { itemId: 'pit_4', message: 'is in EUR but the batch is in USD; one file holds one currency' },
      { itemId: 'pit_4', message: 'appears twice; a payment would be sent twice' },
      { itemId: 'pit_1', message: 'has no PayPal email' },
      { itemId: 'pit_2', message: '"not-an-email" is not an email address PayPal can pay (expected name@domain.tld)' },
    ]);
    expect(e.message).toMatch(/^Cannot export batch pay_0k3m9x2v7q1b8n4c as PayPal CSV: pit_3: amount 0 .*; pit_2: "not-an-email" .*\)$/);
    const six = batchOf('USD', Array.from({ length: 7 }, (_, i) => paypalLine(`pit_${i}`, 100n, 'USD', { paypalEmail: null })));
    expect(thrown(() => paypalCsv(six)).message).toMatch(/pit_4: has no PayPal email; and 2 more$/);
  });

  it('refuses a batch with no PayPal lines rather than writing an empty file', () => {
    const e = thrown(() => paypalCsv(batchOf('USD', [])));
    expect(e.message).toBe('Cannot export batch pay_0k3m9x2v7q1b8n4c as PayPal CSV: the batch has no PayPal lines (0 lines in all), so there is nothing to put in the file');
    expect(thrown(() => paypalCsv(batchOf('EUR', [bankLine('pit_1', 1n, 'EUR')]))).message).toContain('no PayPal lines (1 lines in all)');
  });

  it('accepts 5000 rows and explains how to split 5001 or more', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => paypalLine(`pit_${i}`, 100n, 'USD'));
    expect(paypalCsv(batchOf('USD', lines(5000))).split('\r\n').length).toBe(5001);
    const e = thrown(() => paypalCsv(batchOf('USD', lines(12345))));
    expect(e.message).toBe(
      'Cannot export batch pay_0k3m9x2v7q1b8n4c as PayPal CSV: PayPal CSV takes at most 5000 payments per file and this batch has 12345; ' +
        'split it into 3 batches (lines 1–5000, 5001–10000, 10001–12345)',
    );
    expect(e.details).toMatchObject({ limit: 5000, rows: 12345, files: 3 });
  });
});

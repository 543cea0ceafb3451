import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { EXPORT_FORMATS, exportBatch } from './index.ts';
import { bankLine, batchOf, paypalLine } from './test-batch.ts';

const mixed = batchOf('EUR', [
  paypalLine('pit_1', 1000n, 'EUR'),
  bankLine('pit_2', 2000n, 'EUR'),
  paypalLine('pit_3', 3000n, 'EUR', { paypalEmail: 'bo@example.com' }),
]);

describe('exportBatch', () => {
  it('names, types and fills one file per format, each with the items of its rail', () => {
    const opts = { sepa: { executionDate: '2025-03-03' }, paypal: { emailSubject: 'Paid!' }, wise: { sourceCurrency: 'USD' } };
    const files = Object.fromEntries(EXPORT_FORMATS.map((f) => [f, exportBatch(mixed, f, opts)]));
    expect(files['paypal-csv']).toEqual({
      filename: 'pay_0k3m9x2v7q1b8n4c-paypal.csv',
      contentType: 'text/csv; charset=utf-8',
      body: 'ana@example.com,10.00,EUR,pit_1,March commissions,PAYPAL\r\nbo@example.com,30.00,EUR,pit_3,March commissions,PAYPAL\r\n',
      itemIds: ['pit_1', 'pit_3'],
    });
    expect(files['paypal-json']).toMatchObject({ filename: 'pay_0k3m9x2v7q1b8n4c-paypal-payouts.json', contentType: 'application/json', itemIds: ['pit_1', 'pit_3'] });
    const json = JSON.parse(files['paypal-json']!.body);
    expect(json.sender_batch_header).toMatchObject({ sender_batch_id: 'pay_0k3m9x2v7q1b8n4c', email_subject: 'Paid!' });
    expect(json.items.map((i: { amount: unknown }) => i.amount)).toEqual([{ value: '10.00', currency: 'EUR' }, { value: '30.00', currency: 'EUR' }]);
    expect(files['wise-csv']).toMatchObject({ filename: 'pay_0k3m9x2v7q1b8n4c-wise.csv', contentType: 'text/csv; charset=utf-8', itemIds: ['pit_2'] });
    expect(files['wise-csv']!.body).toContain('\r\nAna Lopez,,March commissions,PERSON,target,20.00,USD,EUR,DE89370400440532013000\r\n');
    expect(files['sepa-xml']).toMatchObject({
      filename: 'pay_0k3m9x2v7q1b8n4c-sepa-pain.001.001.03.xml',
      contentType: 'application/xml; charset=utf-8',
      itemIds: ['pit_2'],
    });
    expect(files['sepa-xml']!.body).toContain('<ReqdExctnDt>2025-03-03</ReqdExctnDt>');
  });

  it('passes the exporter’s VALIDATION error through for an empty batch, in every format', () => {
    for (const f of EXPORT_FORMATS) {
      const run = () => exportBatch(batchOf('EUR', []), f, { sepa: { executionDate: '2025-03-03' } });
      expect(run, f).toThrow(AppError);
      expect(run, f).toThrow(/has no (PayPal|bank) lines/);
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { paypalApiRequest } from './paypal-api-request.ts';
import { paypalPayoutRequestSchema } from './paypal-payout-request-schema.ts';
import { bankLine, batchOf, paypalLine } from './test-batch.ts';

// PayPal's own OpenAPI spec, copied unchanged (see test/fixtures/payouts/README.md).
const SPEC = JSON.parse(readFileSync(new URL('../../../test/fixtures/payouts/paypal/payments_payouts_batch_v1.json', import.meta.url), 'utf8'));
const SCHEMAS: Record<string, JsonSchema> = SPEC.components.schemas;
const OPERATION = SPEC.paths['/v1/payments/payouts'].post;
const REQUEST_SCHEMA: JsonSchema = OPERATION.requestBody.content['application/json'].schema;

type JsonSchema = {
  $ref?: string; type?: string; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema;
  minLength?: number; maxLength?: number; minItems?: number; maxItems?: number; pattern?: string; enum?: unknown[];
};

const resolve = (s: JsonSchema): JsonSchema => (s.$ref ? resolve(SCHEMAS[s.$ref.replace('#/components/schemas/', '')]!) : s);

/**
 * Validates against the subset of JSON Schema the spec's request side uses ($ref, type,
 * properties, required, items, lengths, pattern, enum). `strict` also flags properties the spec
 * does not define: PayPal ignores unknown fields, so a typo would otherwise pass silently.
 */
function schemaErrors(value: unknown, schema: JsonSchema, path = '$', strict = true): string[] {
  const s = resolve(schema);
  const errs: string[] = [];
  const t = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (s.type && s.type !== t) return [`${path}: expected ${s.type}, got ${t}`];
  if (s.enum && !s.enum.includes(value)) errs.push(`${path}: not one of ${s.enum.join(', ')}`);
  if (typeof value === 'string') {
    if (s.minLength !== undefined && value.length < s.minLength) errs.push(`${path}: shorter than ${s.minLength}`);
    if (s.maxLength !== undefined && value.length > s.maxLength) errs.push(`${path}: longer than ${s.maxLength}`);
    if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(value)) errs.push(`${path}: does not match ${s.pattern}`);
  }
  if (Array.isArray(value)) {
    if (s.minItems !== undefined && value.length < s.minItems) errs.push(`${path}: fewer than ${s.minItems} items`);
    if (s.maxItems !== undefined && value.length > s.maxItems) errs.push(`${path}: more than ${s.maxItems} items`);
    value.forEach((v, i) => errs.push(...(s.items ? schemaErrors(v, s.items, `${path}[${i}]`, strict) : [])));
  }
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    for (const r of s.required ?? []) if (!(r in obj)) errs.push(`${path}.${r}: required`);
    for (const [k, v] of Object.entries(obj)) {
      const prop = s.properties?.[k];
      if (prop) errs.push(...schemaErrors(v, prop, `${path}.${k}`, strict));
      else if (strict) errs.push(`${path}.${k}: not defined in the spec`);
    }
  }
  return errs;
}

const batch = batchOf('USD', [
  paypalLine('pit_1', 987n, 'USD', { note: 'Thanks for your patronage!' }),
  paypalLine('pit_2', 11234n, 'USD', { paypalEmail: 'bo@example.com', note: '' }),
  bankLine('pit_3', 500n, 'USD'),
]);

describe('paypalApiRequest', () => {
  it('builds the documented request body, hand-checked', () => {
    expect(paypalApiRequest(batch, { emailSubject: 'You have a payout!', emailMessage: 'Thanks for\npromoting us' })).toEqual({
      sender_batch_header: { sender_batch_id: 'pay_0k3m9x2v7q1b8n4c', email_subject: 'You have a payout!', email_message: 'Thanks for promoting us' },
      items: [
        { recipient_type: 'EMAIL', amount: { value: '9.87', currency: 'USD' }, receiver: 'ana@example.com', note: 'Thanks for your patronage!', sender_item_id: 'pit_1' },
        { recipient_type: 'EMAIL', amount: { value: '112.34', currency: 'USD' }, receiver: 'bo@example.com', sender_item_id: 'pit_2' },
      ],
    });
  });

  it('validates against create_payout_request in PayPal’s spec, for USD, EUR, JPY and HUF', () => {
    const batches = [
      batch,
      batchOf('EUR', [paypalLine('pit_1', 1n, 'EUR', { note: `Merci ${'é'.repeat(1500)}` })]),
      batchOf('JPY', [paypalLine('pit_1', 1500n, 'JPY')]),
      batchOf('HUF', [paypalLine('pit_1', 990000n, 'HUF')]),
    ];
    for (const b of batches) expect(schemaErrors(paypalApiRequest(b), REQUEST_SCHEMA)).toEqual([]);
    expect(paypalApiRequest(batches[2]!).items[0]!.amount).toEqual({ value: '1500', currency: 'JPY' });
    expect(paypalApiRequest(batches[3]!).items[0]!.amount).toEqual({ value: '9900', currency: 'HUF' });
  });

  it('the validator is real: it passes the spec’s own example and fails tampered bodies', () => {
    const example = OPERATION.requestBody.content['application/json'].examples.create_payout_request.value;
    expect(schemaErrors(example, REQUEST_SCHEMA, '$', false)).toEqual([]);
    const good = paypalApiRequest(batch);
    const noReceiver = structuredClone(good) as { items: Record<string, unknown>[] };
    delete noReceiver.items[0]!.receiver;
    expect(schemaErrors(noReceiver, REQUEST_SCHEMA)).toEqual(['$.items[0].receiver: required']);
    expect(schemaErrors({ ...good, items: [] }, REQUEST_SCHEMA)).toEqual(['$.items: fewer than 1 items']);
    expect(schemaErrors({ ...good, items: [{ ...good.items[0], amount: { value: 9.87, currency: 'USD' } }] }, REQUEST_SCHEMA)).toEqual([
      '$.items[0].amount.value: expected string, got number',
    ]);
    expect(schemaErrors({ ...good, items: [{ ...good.items[0], reciever: 'x' }] }, REQUEST_SCHEMA)).toEqual(['$.items[0].reciever: not defined in the spec']);
    expect(schemaErrors({ ...good, items: [{ ...good.items[0], note: 'a\nb' }] }, REQUEST_SCHEMA)).toEqual(['$.items[0].note: does not match ^.*$']);
  });

  it('every field the zod re-statement names exists in the spec, and the spec’s required fields are required', () => {
    const specFields = (name: string) => Object.keys(SCHEMAS[name]!.properties!);
    const zodShape = (s: z.ZodObject) => Object.keys(s.shape);
    const header = paypalPayoutRequestSchema.shape.sender_batch_header;
    const item = paypalPayoutRequestSchema.shape.items.element;
    expect(zodShape(paypalPayoutRequestSchema)).toEqual(expect.arrayContaining(SCHEMAS.create_payout_request!.required!));
    expect(specFields('create_payout_request')).toEqual(expect.arrayContaining(zodShape(paypalPayoutRequestSchema)));
    expect(specFields('sender_batch_header')).toEqual(expect.arrayContaining(zodShape(header)));
    expect(specFields('payout_item')).toEqual(expect.arrayContaining(zodShape(item)));
    expect(specFields('currency')).toEqual(expect.arrayContaining(zodShape(item.shape.amount)));
    for (const r of SCHEMAS.payout_item!.required!) expect(item.shape[r as keyof typeof item.shape].safeParse(undefined).success, r).toBe(false);
    for (const r of SCHEMAS.currency!.required!) expect(item.shape.amount.shape[r as 'value'].safeParse(undefined).success, r).toBe(false);
    // The limits we restate match the spec's.
    expect(SCHEMAS.payout_item!.properties!.sender_item_id!.maxLength).toBe(63);
    expect(SCHEMAS.payout_item!.properties!.receiver!.maxLength).toBe(127);
    expect(SCHEMAS.payout_item!.properties!.note!.maxLength).toBe(4000);
    expect(SCHEMAS.sender_batch_header!.properties!.email_subject!.maxLength).toBe(255);
    expect(SCHEMAS.create_payout_request!.properties!.items!.maxItems).toBe(15000);
  });

  it('refuses what PayPal would reject, with the reasons', () => {
    const err = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as AppError;
      }
      throw new Error('expected an error');
    };
    expect(err(() => paypalApiRequest(batchOf('KWD', [paypalLine('pit_1', 1234n, 'KWD')]))).message).toContain('PayPal does not pay out in KWD');
    expect(err(() => paypalApiRequest(batchOf('USD', [bankLine('pit_1', 1n, 'USD')]))).message).toContain('no PayPal lines');
    const long = err(() => paypalApiRequest(batch, { emailSubject: 'x'.repeat(256) }));
    expect(long.code).toBe('VALIDATION');
    expect(long.message).toContain('sender_batch_header.email_subject');
    const longId = err(() => paypalApiRequest(batchOf('USD', [paypalLine(`pit_${'x'.repeat(60)}`, 1n, 'USD')])));
    expect(longId.message).toContain("item id is longer than PayPal's 63 characters");
  });
});

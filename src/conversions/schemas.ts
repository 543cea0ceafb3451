import { z } from 'zod';
import { isCurrency } from '../shared/currencies.ts';

/** An amount in minor units: a JSON integer within ±(2^53 − 1) (bigger ones lose precision in JSON). */
export const MinorAmount = z
  .number({ message: 'must be a number in minor units (e.g. 1999 for 19.99 USD)' })
  .int('must be a whole number of minor units (e.g. 1999 for 19.99 USD, 1999 for ¥1999)')
  .refine((n) => Number.isSafeInteger(n), 'is beyond 2^53 − 1 and cannot be represented exactly')
  .refine((n) => n >= 0, 'must not be negative');

export const Currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code in capitals, e.g. USD')
  .refine(isCurrency, 'currency is not an active ISO 4217 code');

const LineItem = z.strictObject({
  sku: z.string().max(200).nullable().optional(),
  category: z.string().max(200).nullable().optional(),
  quantity: z.number().int().positive().max(1_000_000),
  amount: MinorAmount,
});

export const ConversionInput = z
  .strictObject({
    type: z.enum(['lead', 'sale'], { message: 'type must be "lead" or "sale"' }),
    orderId: z.string().trim().min(1).max(200).optional(),
    amount: MinorAmount.optional(),
    currency: Currency.optional(),
    tax: MinorAmount.optional(),
    shipping: MinorAmount.optional(),
    discount: MinorAmount.optional(),
    customerId: z.string().trim().min(1).max(200).optional(),
    customerEmail: z.string().trim().toLowerCase().pipe(z.email({ message: 'customerEmail must be a valid address' })).optional(),
    couponCode: z.string().trim().min(1).max(64).optional(),
    clickId: z.string().trim().min(1).max(100).optional(),
    lineItems: z.array(LineItem).max(500).optional(),
    occurredAt: z.iso.datetime({ offset: true, message: 'occurredAt must be an ISO 8601 date-time' }).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    subscription: z.strictObject({ id: z.string().min(1).max(200), isRenewal: z.boolean() }).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.type === 'sale') {
      if (!c.orderId) ctx.addIssue({ code: 'custom', path: ['orderId'], message: 'orderId is required for a sale (it makes repeats idempotent)' });
      if (c.amount === undefined) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'amount is required for a sale' });
      if (!c.currency) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'currency is required for a sale' });
    }
    if (c.currency && c.amount !== undefined) {
      const parts = [c.tax, c.shipping].filter((v): v is number => v !== undefined);
      if (parts.reduce((s, v) => s + v, 0) > c.amount) ctx.addIssue({ code: 'custom', path: ['tax'], message: 'tax + shipping exceed amount' });
    }
  });
export type ConversionInput = z.infer<typeof ConversionInput>;

export const RefundInput = z.strictObject({
  refundId: z.string().trim().min(1).max(200),
  amount: MinorAmount.refine((n) => n > 0, 'must be greater than zero'),
  currency: Currency,
  reason: z.string().max(500).optional(),
  chargeback: z.boolean().default(false),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
});
export type RefundInput = z.input<typeof RefundInput>;

export const ReviewInput = z.strictObject({
  decision: z.enum(['approve', 'reject'], { message: 'decision must be "approve" or "reject"' }),
  note: z.string().max(1000).optional(),
});

export const ListConversionsInput = z.strictObject({
  status: z.enum(['active', 'review', 'rejected']).optional(),
  influencerId: z.string().max(100).optional(),
  type: z.enum(['lead', 'sale']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

import { z } from 'zod';

// PayPal's JSON Schema uses `pattern: "^.*$"` on every string, which forbids line breaks.
const line = (max: number) => z.string().max(max).regex(/^.*$/);

/**
 * The part of PayPal's `create_payout_request` (Payouts API 1.9, POST /v1/payments/payouts)
 * that Advocate sends, restated in zod with the spec's limits: required fields, maximum
 * lengths, 1–15,000 items. `strictObject` because a field we misspell would otherwise be
 * silently ignored by PayPal. `paypal-api-request.test.ts` checks these names against the spec.
 * @example paypalPayoutRequestSchema.parse(body) // throws ZodError when body breaks the spec
 */
export const paypalPayoutRequestSchema = z.strictObject({
  sender_batch_header: z.strictObject({
    sender_batch_id: line(256).min(1),
    email_subject: line(255).optional(),
    email_message: line(1000).optional(),
  }),
  items: z
    .array(
      z.strictObject({
        recipient_type: z.literal('EMAIL'),
        amount: z.strictObject({
          value: z.string().regex(/^\d+(\.\d+)?$/, 'a plain decimal string such as "9.87"'),
          currency: z.string().regex(/^[A-Z]{3}$/),
        }),
        receiver: line(127).min(1),
        note: line(4000).optional(),
        sender_item_id: line(63).min(1),
      }),
    )
    .min(1)
    .max(15000),
});

export type PaypalPayoutRequest = z.infer<typeof paypalPayoutRequestSchema>;

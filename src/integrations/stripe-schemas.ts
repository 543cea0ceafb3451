/**
 * The parts of Stripe objects the normalisers read. Objects are loose (Stripe adds fields in
 * every API version) and every field is optional or nullable unless a conversion cannot exist
 * without it. Both the pre-2025 shapes (`invoice.subscription`, `charge.invoice`) and the
 * current ones (`invoice.parent.subscription_details`) are accepted.
 */
import { z } from 'zod';

const int = z.number().int();
/** An expandable reference: an id, or the expanded object carrying one. */
const ref = z
  .union([z.string(), z.looseObject({ id: z.string() })])
  .nullish()
  .transform((v) => (typeof v === 'string' ? v : (v?.id ?? null)));
const metadata = z.record(z.string(), z.unknown()).nullish().transform((m) => m ?? {});

/** A promotion code reference; expanded, it carries the code the buyer typed. */
const promotionCode = z
  .union([z.string(), z.looseObject({ id: z.string(), code: z.string().nullish() })])
  .nullish()
  .transform((v) => (v == null ? null : typeof v === 'string' ? { id: v, code: null } : { id: v.id, code: v.code ?? null }));

const discountEntry = z.union([
  z.string().transform((id) => ({ discountId: id, coupon: null, promotion: null })),
  z.looseObject({ id: z.string().nullish(), coupon: ref, promotion_code: promotionCode }).transform((d) => ({
    discountId: d.id ?? null,
    coupon: d.coupon,
    promotion: d.promotion_code,
  })),
]);

export const StripeEvent = z.looseObject({
  id: z.string(),
  type: z.string(),
  created: int,
  livemode: z.boolean().nullish(),
  data: z.looseObject({ object: z.record(z.string(), z.unknown()) }),
});

export const CheckoutSession = z.looseObject({
  id: z.string().min(1),
  mode: z.string().nullish(),
  payment_status: z.string().nullish(),
  amount_total: int.nullish(),
  currency: z.string().nullish(),
  total_details: z
    .looseObject({ amount_discount: int.nullish(), amount_shipping: int.nullish(), amount_tax: int.nullish() })
    .nullish(),
  customer: ref,
  customer_details: z.looseObject({ email: z.string().nullish() }).nullish(),
  customer_email: z.string().nullish(),
  client_reference_id: z.string().nullish(),
  metadata,
  discounts: z.array(discountEntry).nullish(),
  payment_intent: ref,
  invoice: ref,
  subscription: ref,
  livemode: z.boolean().nullish(),
});
export type CheckoutSession = z.infer<typeof CheckoutSession>;

const invoiceLine = z.looseObject({
  amount: int,
  quantity: int.nullish(),
  discount_amounts: z.array(z.looseObject({ amount: int })).nullish(),
  period: z.looseObject({ start: int.nullish() }).nullish(),
  proration: z.boolean().nullish(),
  type: z.string().nullish(),
  subscription: ref,
  price: z.looseObject({ product: ref }).nullish(),
  pricing: z.looseObject({ price_details: z.looseObject({ product: z.string().nullish() }).nullish() }).nullish(),
  parent: z
    .looseObject({
      type: z.string().nullish(),
      subscription_item_details: z.looseObject({ subscription: z.string().nullish(), proration: z.boolean().nullish() }).nullish(),
    })
    .nullish(),
});
export type InvoiceLine = z.infer<typeof invoiceLine>;

export const Invoice = z.looseObject({
  id: z.string().min(1),
  currency: z.string(),
  amount_paid: int,
  billing_reason: z.string().nullish(),
  customer: ref,
  customer_email: z.string().nullish(),
  metadata,
  subscription: ref,
  subscription_details: z.looseObject({ metadata }).nullish(),
  parent: z
    .looseObject({ type: z.string().nullish(), subscription_details: z.looseObject({ subscription: ref, metadata }).nullish() })
    .nullish(),
  lines: z.looseObject({ data: z.array(invoiceLine) }).nullish(),
  tax: int.nullish(),
  total_taxes: z.array(z.looseObject({ amount: int })).nullish(),
  total_discount_amounts: z.array(z.looseObject({ amount: int })).nullish(),
  amount_shipping: int.nullish(),
  discounts: z.array(discountEntry).nullish(),
  status_transitions: z.looseObject({ paid_at: int.nullish() }).nullish(),
  payment_intent: ref,
  charge: ref,
  livemode: z.boolean().nullish(),
});
export type Invoice = z.infer<typeof Invoice>;

const refund = z.looseObject({
  id: z.string(),
  amount: int,
  currency: z.string().nullish(),
  created: int.nullish(),
  reason: z.string().nullish(),
  status: z.string().nullish(),
});

export const Charge = z.looseObject({
  id: z.string().min(1),
  amount_refunded: int,
  currency: z.string(),
  payment_intent: ref,
  invoice: ref,
  metadata,
  refunds: z.looseObject({ data: z.array(refund) }).nullish(),
});
export type Charge = z.infer<typeof Charge>;

export const Dispute = z.looseObject({
  id: z.string().min(1),
  amount: int,
  currency: z.string(),
  charge: ref,
  payment_intent: ref,
  reason: z.string().nullish(),
  created: int.nullish(),
});
export type Dispute = z.infer<typeof Dispute>;


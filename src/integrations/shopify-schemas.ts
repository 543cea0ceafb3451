/**
 * The parts of Shopify's orders/* and refunds/create webhook bodies the normalisers read. Bodies
 * are parsed with `parseJsonLossless`, so a 64-bit id arrives as a number when it is below 2^53
 * and as its exact decimal string above; `shopifyId` accepts both and always yields the string.
 */
import { z } from 'zod';

/** A Shopify id as its exact decimal string. */
export const shopifyId = z.union([
  z.number().int().nonnegative().transform(String),
  z.string().regex(/^\d{1,20}$/, 'must be a decimal id'),
]);
/** A decimal amount as Shopify sends it: a string ("12.34"), in a few older fields a number. */
const decimal = z.union([z.string(), z.number()]);
const moneySet = z.looseObject({ shop_money: z.looseObject({ amount: decimal, currency_code: z.string().nullish() }) }).nullish();

const lineItem = z.looseObject({
  sku: z.string().nullish(),
  quantity: z.number().int(),
  price: decimal,
  price_set: moneySet,
  total_discount: decimal.nullish(),
  discount_allocations: z.array(z.looseObject({ amount: decimal, amount_set: moneySet })).nullish(),
  product_id: shopifyId.nullish(),
});

export const ShopifyOrder = z.looseObject({
  id: shopifyId.nullish(),
  admin_graphql_api_id: z.string().nullish(),
  name: z.string().nullish(),
  currency: z.string(),
  presentment_currency: z.string().nullish(),
  financial_status: z.string().nullish(),
  cancelled_at: z.string().nullish(),
  test: z.boolean().nullish(),
  total_price: decimal.nullish(),
  current_total_price: decimal.nullish(),
  total_tax: decimal.nullish(),
  total_discounts: decimal.nullish(),
  total_shipping_price_set: moneySet,
  shipping_lines: z.array(z.looseObject({ price: decimal.nullish(), discounted_price: decimal.nullish(), discounted_price_set: moneySet })).nullish(),
  discount_codes: z.array(z.looseObject({ code: z.string().nullish() })).nullish(),
  landing_site: z.string().nullish(),
  note_attributes: z.array(z.looseObject({ name: z.string().nullish(), value: z.unknown() })).nullish(),
  customer: z.looseObject({ id: shopifyId.nullish(), email: z.string().nullish() }).nullish(),
  email: z.string().nullish(),
  contact_email: z.string().nullish(),
  line_items: z.array(lineItem).nullish(),
  processed_at: z.string().nullish(),
  created_at: z.string().nullish(),
});
export type ShopifyOrder = z.infer<typeof ShopifyOrder>;

export const ShopifyRefund = z.looseObject({
  id: shopifyId,
  order_id: shopifyId,
  note: z.string().nullish(),
  processed_at: z.string().nullish(),
  created_at: z.string().nullish(),
  transactions: z
    .array(z.looseObject({ id: shopifyId.nullish(), kind: z.string(), status: z.string().nullish(), amount: decimal, currency: z.string().nullish() }))
    .nullish(),
  total_duties_set: moneySet,
  refund_line_items: z.array(z.looseObject({ subtotal_set: moneySet })).nullish(),
});
export type ShopifyRefund = z.infer<typeof ShopifyRefund>;

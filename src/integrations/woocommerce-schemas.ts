/**
 * The parts of a WooCommerce order webhook body (the REST API v3 order resource) the normaliser
 * reads. Money fields are decimal strings in the order currency.
 */
import { z } from 'zod';

const id = z.union([z.number().int().nonnegative().transform(String), z.string().regex(/^\d{1,20}$/)]);
const decimal = z.union([z.string(), z.number()]);

export const WooOrder = z.looseObject({
  id,
  number: z.union([z.string(), z.number()]).nullish(),
  status: z.string(),
  currency: z.string(),
  total: decimal,
  total_tax: decimal.nullish(),
  shipping_total: decimal.nullish(),
  discount_total: decimal.nullish(),
  customer_id: z.number().int().nullish(),
  billing: z.looseObject({ email: z.string().nullish() }).nullish(),
  coupon_lines: z.array(z.looseObject({ code: z.string().nullish() })).nullish(),
  meta_data: z.array(z.looseObject({ key: z.string(), value: z.unknown() })).nullish(),
  line_items: z
    .array(z.looseObject({ sku: z.string().nullish(), quantity: z.number().int(), total: decimal, product_id: z.number().int().nullish() }))
    .nullish(),
  refunds: z.array(z.looseObject({ id: z.number().int(), refund: z.string().nullish(), total: decimal })).nullish(),
  date_created_gmt: z.string().nullish(),
  date_modified_gmt: z.string().nullish(),
  date_paid_gmt: z.string().nullish(),
});
export type WooOrder = z.infer<typeof WooOrder>;

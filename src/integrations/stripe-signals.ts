/**
 * Attribution signals and money in a Stripe object, shared by the checkout, invoice and refund
 * normalisers.
 */
import { cleanClickId } from './click-id-from-url.ts';
import { cleanText } from './clean-text.ts';
import { PayloadError } from './payload-error.ts';
import { stripeAmountToMinor } from './stripe-amount.ts';
import { DEFAULT_CLICK_ID_PARAM } from './types.ts';

type Discount = { discountId: string | null; coupon: string | null; promotion: { id: string; code: string | null } | null };

/**
 * The click id: an explicit metadata key first (the workspace's param, then `adv_click`,
 * `click_id`), then `client_reference_id`, which merchants may also use for their own ids.
 * @example stripeClickId([{ adv_click: 'abc' }], null) // 'abc'
 */
export function stripeClickId(metadatas: Record<string, unknown>[], clientReferenceId: string | null | undefined, param = DEFAULT_CLICK_ID_PARAM): string | null {
  for (const key of new Set([param, 'adv_click', 'click_id'])) {
    for (const m of metadatas) {
      const id = cleanClickId(m[key]);
      if (id) return id;
    }
  }
  return cleanClickId(clientReferenceId);
}

/**
 * The coupon signal and the ids behind it. Webhooks carry promotion codes unexpanded
 * (`promo_…`), so the code the buyer typed is known only when expanded; otherwise the
 * promotion code id stands in, then a coupon applied directly (coupon ids can be custom names).
 * @example stripeCoupon([{ discountId: null, coupon: 'ALICE10', promotion: null }]) // { code: 'ALICE10', ids: { stripeCouponId: 'ALICE10' } }
 */
export function stripeCoupon(discounts: readonly Discount[] | null | undefined): { code: string | null; ids: Record<string, string> } {
  const first = discounts?.find((d) => d.promotion || d.coupon) ?? discounts?.[0];
  if (!first) return { code: null, ids: {} };
  const ids: Record<string, string> = {};
  if (first.promotion) ids.stripePromotionCodeId = first.promotion.id;
  if (first.coupon) ids.stripeCouponId = first.coupon;
  if (first.discountId) ids.stripeDiscountId = first.discountId;
  const code = cleanText(first.promotion?.code, 64) ?? cleanText(first.promotion?.id, 64) ?? cleanText(first.coupon, 64);
  return { code, ids };
}

/**
 * A converter from Stripe amounts in `currency` to ISO minor units; throws PayloadError so the
 * entry point answers `ignored` with the reason.
 * @example stripeMoney('jpy')(3000) // 3000n
 */
export function stripeMoney(currency: string): { (amount: number): bigint; (amount: number | null | undefined): bigint | null; currency: string } {
  const upper = currency.toUpperCase();
  const convert = ((amount: number | null | undefined) => {
    if (amount === null || amount === undefined) return null;
    const r = stripeAmountToMinor(amount, currency);
    if (!r.ok) throw new PayloadError(r.message);
    return r.value.amount;
  }) as { (amount: number): bigint; (amount: number | null | undefined): bigint | null; currency: string };
  convert.currency = upper;
  return convert;
}

/** Unix seconds → Date. @example fromUnix(1700000000) // 2023-11-14T22:13:20.000Z */
export function fromUnix(seconds: number): Date {
  return new Date(seconds * 1000);
}

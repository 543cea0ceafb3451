import type { ConversionRow } from './conversion-row.ts';

const num = (v: bigint | null) => (v === null ? null : Number(v));

/** The API view of a conversion: money in minor units (JSON-safe: inputs are ≤ 2^53), net of tax and shipping. */
export function toConversionDto(r: ConversionRow) {
  const net = r.amount - (r.tax ?? 0n) - (r.shipping ?? 0n);
  return {
    id: r.id,
    type: r.type,
    orderId: r.order_id,
    source: r.source,
    status: r.status,
    amount: Number(r.amount),
    currency: r.currency,
    tax: num(r.tax),
    shipping: num(r.shipping),
    discount: num(r.discount),
    netAmount: Number(net),
    refundedAmount: Number(r.refunded_amount),
    refundState: r.refunded_amount === 0n ? 'none' : r.refunded_amount >= r.amount ? 'full' : 'partial',
    chargeback: r.chargeback,
    influencerId: r.influencer_id,
    campaignId: r.campaign_id,
    linkId: r.link_id,
    clickId: r.click_id,
    couponCode: r.coupon_code,
    attribution: r.attribution,
    fraudFlags: r.fraud_flags,
    lineItems: r.line_items,
    subscription: r.subscription,
    metadata: r.metadata,
    occurredAt: r.occurred_at.toISOString(),
    createdAt: r.created_at.toISOString(),
  };
}
export type ConversionDto = ReturnType<typeof toConversionDto>;

import { listConversions } from '../conversions/list-conversions.ts';
import type { CreatorContext } from './creator-context.ts';

export type CreatorConversionDto = {
  id: string;
  occurredAt: string;
  type: 'lead' | 'sale';
  amount: number;
  currency: string | null;
  /** confirmed: counted; in_review: the brand checks it before it counts; rejected: it does not count. */
  status: 'confirmed' | 'in_review' | 'rejected';
  refundedAmount: number;
  refundState: 'none' | 'partial' | 'full';
  /** The last 4 characters of the brand's order id, masked: "****1234". */
  orderId: string | null;
  /** How the sale was credited to the creator: click, coupon, customer (a returning customer), … */
  attributionMethod: string | null;
  campaignId: string | null;
};

const STATUS = { active: 'confirmed', review: 'in_review', rejected: 'rejected' } as const;

/** Masks an order id to its last four characters (shorter ones keep only the mask). */
export const maskOrderId = (orderId: string | null): string | null => (orderId === null ? null : `****${orderId.length > 4 ? orderId.slice(-4) : ''}`);

/**
 * The creator's conversions, newest first (keyset pages): what sold and when, never the fraud
 * flags, attribution reasons, customer or click data the brand sees.
 */
export async function listCreatorConversions({ ctx, input }: { ctx: CreatorContext; input: { limit: number; cursor?: string | undefined } }) {
  const { rows, nextCursor } = await listConversions({ ctx, input: { influencerId: ctx.influencerId, limit: input.limit, ...(input.cursor ? { cursor: input.cursor } : {}) } });
  const data: CreatorConversionDto[] = rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    type: r.type,
    amount: Number(r.amount),
    currency: r.currency,
    status: STATUS[r.status],
    refundedAmount: Number(r.refunded_amount),
    refundState: r.refunded_amount === 0n ? 'none' : r.refunded_amount >= r.amount ? 'full' : 'partial',
    orderId: maskOrderId(r.order_id),
    attributionMethod: r.attribution_method,
    campaignId: r.campaign_id,
  }));
  return { data, nextCursor };
}

import { z } from 'zod';
import { Currency, MinorAmount } from '../conversions/schemas.ts';

export const STAGES = ['prospect', 'contacted', 'negotiating', 'active', 'completed', 'declined'] as const;
const DateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
const Money = z.strictObject({ amount: MinorAmount, currency: Currency });

export const DeliverableSpec = z.strictObject({
  type: z.string().trim().min(1).max(40),
  count: z.number().int().min(1).max(30),
});

export const Terms = z.strictObject({
  flatFee: Money.optional(),
  /** A commission plan for this creator in this campaign (overrides the campaign's). */
  commissionPlan: z.unknown().optional(),
  usageRights: z.string().max(500).optional(),
  exclusivity: z.string().max(500).optional(),
  startsAt: DateTime.optional(),
  endsAt: DateTime.optional(),
  /** Long-term: recurring monthly deliverables for 3–6 months, renewable. */
  longTerm: z.strictObject({ months: z.number().int().min(3, 'a long-term partnership runs 3 to 6 months').max(6, 'a long-term partnership runs 3 to 6 months'), perMonth: z.array(DeliverableSpec).min(1).max(10), feePerDeliverable: Money.optional() }).optional(),
});

export const CreatePartnershipInput = z.strictObject({
  campaignId: z.string().max(100),
  influencerId: z.string().max(100),
  stage: z.enum(STAGES).default('prospect'),
  terms: Terms.default({}),
  note: z.string().max(1000).optional(),
});

export const MoveInput = z.strictObject({ stage: z.enum(STAGES, { message: `stage must be one of ${STAGES.join(', ')}` }), note: z.string().max(1000).optional() });

export const CreateDeliverableInput = z.strictObject({ type: z.string().trim().min(1).max(40), dueAt: DateTime, fee: Money.optional() });

export const UpdateDeliverableInput = z
  .strictObject({ status: z.enum(['due', 'submitted', 'approved', 'live']).optional(), postUrl: z.url({ protocol: /^https?$/, message: 'postUrl must be an http(s) URL' }).optional() })
  .refine((v) => v.status !== undefined || v.postUrl !== undefined, 'give status or postUrl');

export const CreateGiftInput = z.strictObject({ product: z.string().trim().min(1).max(200), value: MinorAmount, currency: Currency });
export const UpdateGiftInput = z.strictObject({ status: z.enum(['to_ship', 'shipped', 'delivered']) });

export const ListPartnershipsInput = z.strictObject({
  campaignId: z.string().max(100).optional(),
  stage: z.enum(STAGES).optional(),
  flag: z.enum(['gifted_not_posted', 'overdue']).optional(),
  days: z.coerce.number().int().min(1).max(365).default(14),
});

import { z } from 'zod';

/** The events a brand's systems can subscribe to. */
export const EVENT_TYPES = [
  'conversion.created',
  'commission.approved',
  'payout.paid',
  'deliverable.due_soon',
  'deliverable.overdue',
  'gift.not_posted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

// Any http(s) URL is accepted, private and loopback hosts included: self-hosters post to their own
// internal systems. Only workspace admins can add endpoints; run behind an egress filter if that matters.
const Url = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'url must be an http:// or https:// URL');
const Events = z
  .array(z.enum(EVENT_TYPES, { message: `events must be among ${EVENT_TYPES.join(', ')}` }))
  .min(1, 'events needs at least one event type')
  .transform((e) => [...new Set(e)]);

export const CreateEndpointInput = z.strictObject({
  url: Url,
  events: Events,
  description: z.string().trim().max(500).default(''),
  enabled: z.boolean().default(true),
});
export type CreateEndpointInput = z.input<typeof CreateEndpointInput>;

export const UpdateEndpointInput = z.strictObject({
  url: Url.optional(),
  events: Events.optional(),
  description: z.string().trim().max(500).optional(),
  enabled: z.boolean().optional(),
  /** A new signing secret (answered once); the old one stops signing at once. */
  rotateSecret: z.boolean().optional(),
});
export type UpdateEndpointInput = z.input<typeof UpdateEndpointInput>;

export const IdParams = z.strictObject({ id: z.string().min(1).max(100) });
export const ListDeliveriesQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** The job payload of one delivery attempt. */
export const DeliveryJob = z.strictObject({ deliveryId: z.string(), workspaceId: z.string() });
export const DELIVERY_JOB = 'webhook.deliver';

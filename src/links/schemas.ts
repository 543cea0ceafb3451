import { z } from 'zod';

const UtmValue = z.string().trim().min(1, 'UTM values must not be empty').max(200, 'UTM values are at most 200 characters');

export const UtmOverrides = z.strictObject({
  source: UtmValue.optional(),
  medium: UtmValue.optional(),
  campaign: UtmValue.optional(),
  content: UtmValue.optional(),
  term: UtmValue.optional(),
});

const Label = z.string().trim().min(1, 'label must not be empty').max(120, 'label is at most 120 characters');

export const CreateLinkInput = z.strictObject({
  influencerId: z.string().min(1).max(100),
  campaignId: z.string().min(1).max(100),
  destinationUrl: z.string().trim().min(1).max(2048, 'destinationUrl is at most 2048 characters').optional(),
  label: Label.optional(),
  utm: UtmOverrides.optional(),
});
export type CreateLinkInput = z.infer<typeof CreateLinkInput>;

export const UpdateLinkInput = z.strictObject({
  disabled: z.boolean().optional(),
  label: Label.nullable().optional(),
  destinationUrl: z.string().trim().min(1).max(2048).optional(),
  utm: UtmOverrides.optional(),
});
export type UpdateLinkInput = z.infer<typeof UpdateLinkInput>;

export const ListLinksInput = z.strictObject({
  influencerId: z.string().max(100).optional(),
  campaignId: z.string().max(100).optional(),
  disabled: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ListLinksInput = z.infer<typeof ListLinksInput>;

export type LinkDto = {
  id: string;
  code: string;
  shortUrl: string;
  destinationUrl: string;
  /** The destination with UTM parameters; the redirect adds the click id to it. */
  trackingUrl: string | null;
  label: string | null;
  utm: Record<string, string>;
  influencerId: string;
  campaignId: string;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
};

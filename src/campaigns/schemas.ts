import { z } from 'zod';
import { normaliseDomain } from '../links/build-destination-url.ts';
import { destinationUrlProblem } from './check-campaign-targets.ts';

export const CAMPAIGN_STATUSES = ['draft', 'active', 'paused', 'ended', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const SLUG_MAX = 80;

export const CampaignSlug = z
  .string()
  .min(1, 'slug must not be empty')
  .max(SLUG_MAX, `slug must be at most ${SLUG_MAX} characters`)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'slug may hold only lower-case letters, digits and inner hyphens');

const Name = z.string().trim().min(1, 'name must not be empty').max(200, 'name must be at most 200 characters');

export const DestinationUrl = z
  .string()
  .trim()
  .max(2048, 'destinationUrl must be at most 2048 characters')
  .superRefine((url, ctx) => {
    const problem = destinationUrlProblem(url);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Normalised on the way in (`Shop.Example.COM.` → `shop.example.com`); public suffixes refused. */
export const AllowedDomain = z
  .string()
  .max(260, 'a domain must be at most 260 characters')
  .transform((s, ctx) => {
    const r = normaliseDomain(s);
    if (r.ok) return r.domain;
    ctx.addIssue({ code: 'custom', message: r.error });
    return z.NEVER;
  });

export const AllowedDomains = z
  .array(AllowedDomain)
  .min(1, 'allowedDomains must hold at least one domain')
  .max(100, 'allowedDomains may hold at most 100 domains')
  .transform((domains) => [...new Set(domains)]);

const DateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time such as 2025-06-01T00:00:00Z' });

export const GOALS = ['awareness', 'leads', 'sales'] as const;
export const Brief = z.strictObject({
  text: z.string().max(5000).default(''),
  niches: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  targetAudience: z
    .strictObject({
      countries: z.array(z.string().regex(/^[A-Z]{2}$/, 'countries are ISO 3166 alpha-2 codes')).max(50).default([]),
      ages: z.array(z.enum(['13-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'])).max(7).default([]),
      genders: z.array(z.enum(['female', 'male', 'other'])).max(3).default([]),
    })
    .prefault({}),
});
export const Budget = z.strictObject({ amount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code') });
/** e.g. 2 reels + 3 stories, due N days after the partnership becomes active. */
export const DeliverablesTemplate = z.array(z.strictObject({ type: z.string().trim().min(1).max(40), count: z.number().int().min(1).max(30), dueInDays: z.number().int().min(0).max(365) })).max(20);

export const CreateCampaignInput = z.strictObject({
  name: Name,
  /** Derived from the name when omitted (`Summer Sale` → `summer-sale`, then `summer-sale-2`, …). */
  slug: CampaignSlug.optional(),
  destinationUrl: DestinationUrl,
  /** Defaults to the destination's host. */
  allowedDomains: AllowedDomains.optional(),
  utmEnabled: z.boolean().default(true),
  startsAt: DateTime.nullable().optional(),
  endsAt: DateTime.nullable().optional(),
  status: z.enum(CAMPAIGN_STATUSES, { message: `status must be one of ${CAMPAIGN_STATUSES.join(', ')}` }).default('active'),
  /** Commission plan (validated by the commissions domain), e.g. { "type": "percent", "percent": 10 }. */
  commissionPlan: z.unknown().optional(),
  goal: z.enum(GOALS, { message: 'goal must be awareness, leads or sales' }).optional(),
  brief: Brief.optional(),
  budget: Budget.optional(),
  guidelines: z.string().max(10000).optional(),
  deliverablesTemplate: DeliverablesTemplate.optional(),
});
export type CreateCampaignInput = z.input<typeof CreateCampaignInput>;

/** PATCH: omitted fields stay; `startsAt`/`endsAt: null` clear them; `allowedDomains` replaces the list. */
export const UpdateCampaignInput = z
  .strictObject({
    name: Name.optional(),
    slug: CampaignSlug.optional(),
    destinationUrl: DestinationUrl.optional(),
    allowedDomains: AllowedDomains.optional(),
    utmEnabled: z.boolean().optional(),
    startsAt: DateTime.nullable().optional(),
    endsAt: DateTime.nullable().optional(),
    status: z.enum(CAMPAIGN_STATUSES, { message: `status must be one of ${CAMPAIGN_STATUSES.join(', ')}` }).optional(),
    commissionPlan: z.unknown().optional(),
    goal: z.enum(GOALS, { message: 'goal must be awareness, leads or sales' }).nullable().optional(),
    brief: Brief.optional(),
    budget: Budget.nullable().optional(),
    guidelines: z.string().max(10000).nullable().optional(),
    deliverablesTemplate: DeliverablesTemplate.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'give at least one field to change');
export type UpdateCampaignInput = z.input<typeof UpdateCampaignInput>;

const LIMIT_MESSAGE = 'limit must be a whole number from 1 to 200';
const PageLimit = z.coerce.number({ message: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, LIMIT_MESSAGE).max(200, LIMIT_MESSAGE).default(50);

export const ListCampaignsInput = z.strictObject({
  limit: PageLimit,
  cursor: z.string().min(1).max(500).optional(),
  status: z.enum(CAMPAIGN_STATUSES, { message: `status must be one of ${CAMPAIGN_STATUSES.join(', ')}` }).optional(),
  q: z.string().trim().min(1, 'q must not be empty').max(200, 'q must be at most 200 characters').optional(),
});
export type ListCampaignsInput = z.input<typeof ListCampaignsInput>;

export const CampaignIdParams = z.strictObject({ id: z.string().min(1).max(100) });

export type CampaignDto = {
  id: string;
  name: string;
  slug: string;
  destinationUrl: string;
  allowedDomains: string[];
  utmEnabled: boolean;
  startsAt: string | null;
  endsAt: string | null;
  status: CampaignStatus;
  commissionPlan: Record<string, unknown> | null;
  goal: string | null;
  brief: Record<string, unknown>;
  budget: { amount: number; currency: string } | null;
  guidelines: string | null;
  deliverablesTemplate: unknown[];
  createdAt: string;
  updatedAt: string;
};

export type CampaignPage = { data: CampaignDto[]; nextCursor: string | null };

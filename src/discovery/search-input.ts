import { z } from 'zod';
import { PLATFORMS } from './import-schemas.ts';

export const SEARCH_TIERS = ['below-nano', 'nano', 'micro', 'mid-tier', 'macro', 'mega'] as const;
export const SEARCH_SORTS = ['fit', 'engagement', 'followers', 'authenticity'] as const;

/** A comma-separated query parameter: `platform=instagram,tiktok` means either. */
const list = <T extends z.ZodType<string, string>>(item: T, name: string) =>
  z
    // A string from the query, or the array it became (verbs parse what routes already parsed).
    .union([z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean)), z.array(z.string())])
    .pipe(z.array(item).min(1, `${name} must not be empty`).max(30, `${name}: at most 30 values`));

const share = (name: string) =>
  z.coerce.number({ message: `${name} must be a number` }).min(0, `${name} is a fraction from 0 to 1 (0.3 = 30%)`).max(1, `${name} is a fraction from 0 to 1 (0.3 = 30%)`);
const rate = (name: string) =>
  z.coerce.number({ message: `${name} must be a number` }).min(0, `${name} must not be negative`).max(1, `${name} is a fraction: 0.02 means 2%`);
// Follower counts are stored as integer (the import caps them the same way).
const followers = (name: string) => z.coerce.number({ message: `${name} must be a number` }).int(`${name} must be a whole number`).min(0).max(2_147_483_647, `${name} must be at most 2147483647`);
const NicheId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'niche ids are lower-case letters, digits and dashes');
const Country = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'countries are ISO 3166-1 alpha-2 codes such as DE');

export const SearchInfluencersInput = z
  .strictObject({
    platform: list(z.enum(PLATFORMS, { message: `platform must be one of ${PLATFORMS.join(', ')}` }), 'platform').optional(),
    tier: list(z.enum(SEARCH_TIERS, { message: `tier must be one of ${SEARCH_TIERS.join(', ')}` }), 'tier').optional(),
    minFollowers: followers('minFollowers').optional(),
    maxFollowers: followers('maxFollowers').optional(),
    minEngagementRate: rate('minEngagementRate').optional(),
    maxEngagementRate: rate('maxEngagementRate').optional(),
    niche: list(NicheId, 'niche').optional(),
    country: list(Country, 'country').optional(),
    /** Case-insensitive part of the location text, e.g. "berlin". */
    location: z.string().trim().min(1).max(100).optional(),
    language: list(z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, 'languages are ISO 639-1 codes such as en'), 'language').optional(),
    hasEmail: z.union([z.boolean(), z.enum(['true', 'false'], { message: 'hasEmail must be true or false' }).transform((v) => v === 'true')]).optional(),
    audienceCountry: Country.optional(),
    minAudienceCountryShare: share('minAudienceCountryShare').optional(),
    audienceAge: z.string().trim().min(1).max(20).optional(),
    minAudienceAgeShare: share('minAudienceAgeShare').optional(),
    audienceGender: z.enum(['female', 'male', 'other'], { message: 'audienceGender must be female, male or other' }).optional(),
    minAudienceGenderShare: share('minAudienceGenderShare').optional(),
    minAuthenticity: z.coerce.number({ message: 'minAuthenticity must be a number' }).min(0).max(100, 'minAuthenticity is a score from 0 to 100').optional(),
    /** What the brand is looking for, in words; ranks by fit. */
    brief: z.string().trim().min(1).max(2000, 'brief is at most 2000 characters').optional(),
    /** Niches the fit score should reward; defaults to the niche filter. */
    briefNiches: list(NicheId, 'briefNiches').optional(),
    sort: z.enum(SEARCH_SORTS, { message: `sort must be one of ${SEARCH_SORTS.join(', ')}` }).optional(),
    limit: z.coerce.number({ message: 'limit must be a whole number from 1 to 100' }).int().min(1).max(100, 'limit must be a whole number from 1 to 100').default(20),
    cursor: z.string().min(1).max(1000).optional(),
  })
  .superRefine((v, ctx) => {
    for (const [dim, min] of [['audienceCountry', 'minAudienceCountryShare'], ['audienceAge', 'minAudienceAgeShare'], ['audienceGender', 'minAudienceGenderShare']] as const) {
      if (v[min] !== undefined && v[dim] === undefined) ctx.addIssue({ code: 'custom', path: [min], message: `${min} needs ${dim}` });
    }
    if (v.minFollowers !== undefined && v.maxFollowers !== undefined && v.minFollowers > v.maxFollowers) ctx.addIssue({ code: 'custom', path: ['minFollowers'], message: 'minFollowers must not exceed maxFollowers' });
    if (v.minEngagementRate !== undefined && v.maxEngagementRate !== undefined && v.minEngagementRate > v.maxEngagementRate) {
      ctx.addIssue({ code: 'custom', path: ['minEngagementRate'], message: 'minEngagementRate must not exceed maxEngagementRate' });
    }
  });
export type SearchInfluencersInput = z.input<typeof SearchInfluencersInput>;
export type SearchFilters = z.infer<typeof SearchInfluencersInput>;

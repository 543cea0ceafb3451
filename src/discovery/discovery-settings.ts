/**
 * Workspace-editable discovery settings: tier bands, tier ER benchmarks, the niche taxonomy and
 * the YouTube connector's key and base URL. Stored per workspace, validated on the way in and out;
 * a stored value that no longer validates falls back to the default.
 */
import { z } from 'zod';
import type { Db } from '../shared/context.ts';
import { DEFAULT_NICHE_TAXONOMY, type NicheDefinition } from './niche-taxonomy.ts';
import { DEFAULT_TIER_BANDS, DEFAULT_TIER_BENCHMARKS, type BenchmarkKey, type ErRange, type TierBands } from './tiers.ts';

export const DEFAULT_YOUTUBE_BASE_URL = 'https://www.googleapis.com/youtube/v3';

const Followers = z.number().int('tier bands are whole follower counts').min(0);
export const TierBandsInput = z
  .strictObject({ nano: Followers, micro: Followers, midTier: Followers, macro: Followers, mega: Followers })
  .refine((b) => b.nano < b.micro && b.micro < b.midTier && b.midTier < b.macro && b.macro < b.mega, 'tier bands must increase strictly: nano < micro < midTier < macro < mega');

const Rate = z.number().min(0, 'benchmarks are fractions from 0 to 1 (0.0181 = 1.81%)').max(1, 'benchmarks are fractions from 0 to 1 (0.0181 = 1.81%)');
const ErRangeInput = z.strictObject({ low: Rate, high: Rate }).refine((r) => r.low <= r.high, 'low must not exceed high');
export const TierBenchmarksInput = z.strictObject({ nano: ErRangeInput, micro: ErRangeInput, 'mid-tier': ErRangeInput, macro: ErRangeInput, mega: ErRangeInput });

const Term = z.string().trim().min(1).max(80);
export const NicheDefinitionInput = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'niche ids are lower-case letters, digits and dashes (at most 40)'),
  label: z.string().trim().min(1).max(80),
  keywords: z.array(Term).max(300),
  hashtags: z.array(Term.transform((t) => t.replace(/^#/, '').toLowerCase())).max(300),
});
export const NicheTaxonomyInput = z
  .array(NicheDefinitionInput)
  .min(1, 'the taxonomy needs at least one niche')
  .max(100)
  .refine((list) => new Set(list.map((n) => n.id)).size === list.length, 'niche ids must be unique');

export const YoutubeSettingsInput = z.strictObject({
  apiKey: z.string().trim().min(1).max(200).nullable().optional(),
  baseUrl: z.url({ protocol: /^https?$/, message: 'baseUrl must be an http(s) URL' }).max(500).nullable().optional(),
});

/** PUT body: each section given replaces the stored one; null restores the default; omitted sections stay. */
export const UpdateDiscoverySettingsInput = z
  .strictObject({
    tierBands: TierBandsInput.nullable().optional(),
    tierBenchmarks: TierBenchmarksInput.nullable().optional(),
    nicheTaxonomy: NicheTaxonomyInput.nullable().optional(),
    youtube: YoutubeSettingsInput.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'give at least one of tierBands, tierBenchmarks, nicheTaxonomy, youtube');
export type UpdateDiscoverySettingsInput = z.input<typeof UpdateDiscoverySettingsInput>;

export type DiscoverySettings = {
  bands: TierBands;
  benchmarks: Readonly<Record<BenchmarkKey, ErRange>>;
  taxonomy: readonly NicheDefinition[];
  custom: { tierBands: boolean; tierBenchmarks: boolean; nicheTaxonomy: boolean };
  youtube: { apiKey: string | null; baseUrl: string };
};

export type DiscoverySettingsDto = {
  tierBands: TierBands;
  tierBenchmarks: Record<BenchmarkKey, ErRange>;
  nicheTaxonomy: NicheDefinition[];
  /** Which sections differ from the defaults. */
  custom: DiscoverySettings['custom'];
  youtube: { baseUrl: string; apiKeySet: boolean };
};

const parseOr = <T>(schema: z.ZodType<T>, stored: unknown, fallback: T): [T, boolean] => {
  if (stored === null || stored === undefined) return [fallback, false];
  const parsed = schema.safeParse(typeof stored === 'string' ? JSON.parse(stored) : stored);
  return parsed.success ? [parsed.data, true] : [fallback, false];
};

/** The workspace's settings with defaults filled in. */
export async function readDiscoverySettings(db: Db, workspaceId: string): Promise<DiscoverySettings> {
  const row = await db.selectFrom('discovery_settings').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
  const [bands, customBands] = parseOr<TierBands>(TierBandsInput, row?.tier_bands, DEFAULT_TIER_BANDS);
  const [benchmarks, customBenchmarks] = parseOr<Record<BenchmarkKey, ErRange>>(TierBenchmarksInput, row?.tier_benchmarks, { ...DEFAULT_TIER_BENCHMARKS });
  const [taxonomy, customTaxonomy] = parseOr<readonly NicheDefinition[]>(NicheTaxonomyInput, row?.niche_taxonomy, DEFAULT_NICHE_TAXONOMY);
  return {
    bands,
    benchmarks,
    taxonomy,
    custom: { tierBands: customBands, tierBenchmarks: customBenchmarks, nicheTaxonomy: customTaxonomy },
    youtube: { apiKey: row?.youtube_api_key ?? null, baseUrl: row?.youtube_base_url ?? DEFAULT_YOUTUBE_BASE_URL },
  };
}

/** The API shape: the YouTube key never leaves the server, only whether one is set. */
export function toDiscoverySettingsDto(s: DiscoverySettings): DiscoverySettingsDto {
  return {
    tierBands: { ...s.bands },
    tierBenchmarks: { ...s.benchmarks },
    nicheTaxonomy: s.taxonomy.map((n) => ({ ...n, keywords: [...n.keywords], hashtags: [...n.hashtags] })),
    custom: s.custom,
    youtube: { baseUrl: s.youtube.baseUrl, apiKeySet: s.youtube.apiKey !== null },
  };
}

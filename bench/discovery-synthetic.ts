/**
 * Seeded synthetic creators for the search benchmark, as rows of `creator_metrics` built the way
 * refresh builds them (same tags, same quality formula): heavy-tailed followers, engagement
 * scattered around each tier's benchmark, a share of bought and pod-like audiences.
 */
import { DEFAULT_NICHE_TAXONOMY } from '../src/discovery/niche-taxonomy.ts';
import { createRng } from '../src/discovery/rng.ts';
import { creatorTags } from '../src/discovery/search-tags.ts';
import { expectedEngagement, tierFor } from '../src/discovery/tiers.ts';

const PLATFORMS: [string, number][] = [['instagram', 0.45], ['tiktok', 0.3], ['youtube', 0.15], ['x', 0.07], ['other', 0.03]];
const COUNTRIES: [string, number, string, string[]][] = [
  ['US', 0.3, 'en', ['New York', 'Los Angeles', 'Austin', 'Chicago', 'Miami']],
  ['GB', 0.08, 'en', ['London', 'Manchester', 'Bristol']],
  ['DE', 0.08, 'de', ['Berlin', 'Hamburg', 'Munich', 'Cologne']],
  ['FR', 0.06, 'fr', ['Paris', 'Lyon', 'Marseille']],
  ['ES', 0.06, 'es', ['Madrid', 'Barcelona', 'Valencia']],
  ['IT', 0.05, 'it', ['Milan', 'Rome', 'Turin']],
  ['BR', 0.1, 'pt', ['São Paulo', 'Rio de Janeiro']],
  ['IN', 0.1, 'en', ['Mumbai', 'Bengaluru', 'Delhi']],
  ['MX', 0.05, 'es', ['Mexico City', 'Guadalajara']],
  ['CA', 0.04, 'en', ['Toronto', 'Vancouver']],
  ['AU', 0.04, 'en', ['Sydney', 'Melbourne']],
  ['NL', 0.02, 'nl', ['Amsterdam', 'Utrecht']],
  ['SE', 0.02, 'sv', ['Stockholm', 'Gothenburg']],
];
const AGES = ['13-17', '18-24', '25-34', '35-44', '45-54', '55+'];
const FEMALE: Record<string, number> = { 'beauty-skincare': 0.82, parenting: 0.78, wellness: 0.7, 'sustainable-fashion': 0.75, fashion: 0.65, gaming: 0.25, automotive: 0.15, tech: 0.3, finance: 0.35, sports: 0.3 };

export type SyntheticBatch = { influencers: Record<string, unknown[]>; metrics: Record<string, unknown[]> };

/** `{"a","b"}`: a PostgreSQL array literal, passed as text and cast, so unnest can carry arrays. */
const arrayLiteral = (xs: readonly string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

export function syntheticCreators(seed: number) {
  const rand = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const weighted = <T extends [string, number, ...unknown[]]>(xs: readonly T[]): T => {
    let r = rand();
    for (const x of xs) if ((r -= x[1]) < 0) return x;
    return xs[0]!;
  };
  // Zipf-like niche popularity: lifestyle and fashion are crowded, automotive is not.
  const niches = DEFAULT_NICHE_TAXONOMY.map((n, i) => [n.id, 1 / (i + 2)] as [string, number]);
  const total = niches.reduce((s, n) => s + n[1], 0);
  for (const n of niches) n[1] /= total;
  const byId = new Map(DEFAULT_NICHE_TAXONOMY.map((n) => [n.id, n]));

  /** The next `size` creators of workspace `ws`, as columns for unnest. */
  return function batch(ws: string, start: number, size: number): SyntheticBatch {
    const inf: Record<string, unknown[]> = { id: [], workspace_id: [], name: [], handles: [] };
    const m: Record<string, unknown[]> = {};
    const put = (k: string, v: unknown) => (m[k] ??= []).push(v);
    for (let n = start; n < start + size; n++) {
      const id = `inf_bench${n.toString(36).padStart(8, '0')}`;
      const platform = weighted(PLATFORMS)[0];
      const second = rand() < 0.2 ? weighted(PLATFORMS)[0] : platform;
      const [country, , language, cities] = weighted(COUNTRIES);
      const niche = weighted(niches)[0];
      const other = rand() < 0.4 ? weighted(niches)[0] : niche;
      const followers = Math.round(Math.min(80_000_000, Math.max(300, Math.exp(Math.log(8_000) + 1.4 * normal()))));
      const tier = tierFor(followers);
      const expected = expectedEngagement(followers) ?? { low: 0.04, high: 0.04 };
      const persona = rand();
      const factor = persona < 0.08 ? 0.15 : persona < 0.13 ? 4 : Math.exp(0.5 * normal());
      const er = ((expected.low + expected.high) / 2) * factor;
      const authenticity = persona < 0.08 ? 30 + Math.floor(rand() * 30) : persona < 0.13 ? 50 + Math.floor(rand() * 25) : Math.min(100, 80 + Math.floor(rand() * 25));
      const erVsTier = er / ((expected.low + expected.high) / 2);
      const quality = (0.15 * Math.min(1, erVsTier / 1.5) + 0.1 * (authenticity / 100)) / 0.25;
      const nicheIds = other === niche ? [niche] : [niche, other];
      const home = 0.3 + rand() * 0.5;
      const audience: Record<string, Record<string, number>> = { country: { [country]: Math.round(home * 100) / 100 }, age: {}, gender: {} };
      for (let k = 0; k < 3; k++) {
        const c = weighted(COUNTRIES)[0];
        if (c !== country) audience.country![c] = Math.round(((1 - home) / 4) * 100) / 100;
      }
      const peak = 1 + rand() * 2.5;
      const w = AGES.map((_, i) => Math.exp(-((i - peak) ** 2) / 1.5));
      const sum = w.reduce((a, b) => a + b, 0);
      AGES.forEach((a, i) => (audience.age![a] = Math.floor((w[i]! / sum) * 100) / 100));
      const female = Math.min(0.95, Math.max(0.05, (FEMALE[niche] ?? 0.5) + 0.1 * normal()));
      audience.gender = { female: Math.round(female * 100) / 100, male: Math.round((0.98 - female) * 100) / 100 };
      const hasEmail = rand() < 0.55;
      const platforms = [...new Set([platform, second])];
      const words = (k: number) => Array.from({ length: k }, () => {
        const def = byId.get(rand() < 0.7 ? niche : other)!;
        return def.keywords[Math.floor(rand() * def.keywords.length)]!;
      });
      inf.id!.push(id);
      inf.workspace_id!.push(ws);
      inf.name!.push(`Creator ${n}`);
      inf.handles!.push(JSON.stringify({ [platform]: `creator${n}` }));
      put('influencer_id', id);
      put('workspace_id', ws);
      put('primary_platform', platform);
      put('primary_handle', `creator${n}`);
      put('platforms', arrayLiteral(platforms));
      put('followers', followers);
      put('tier', tier.tier);
      put('mid_tier', tier.midTier);
      put('er_median', er);
      put('er_mean', er * (1 + Math.abs(0.2 * normal())));
      put('er_views_median', platform === 'youtube' || platform === 'tiktok' ? er * (0.5 + rand() * 2.5) : null);
      put('er_vs_tier', erVsTier);
      put('authenticity_score', authenticity);
      put('niches', JSON.stringify(nicheIds.map((id2, i) => ({ id: id2, label: byId.get(id2)!.label, score: i === 0 ? 0.7 : 0.3, matchedTerms: [] }))));
      put('niche_ids', arrayLiteral(nicheIds));
      put('primary_niche', niche);
      put('country', country);
      put('location', `${cities[Math.floor(rand() * cities.length)]}, ${country}`);
      put('language', language);
      put('has_email', hasEmail);
      put('audience', JSON.stringify(audience));
      put('quality', quality);
      put('search_text', `${byId.get(niche)!.label} creator. ${words(40).join(' ')} #${byId.get(niche)!.hashtags[0]} #${byId.get(other)!.hashtags[0]}`);
      put('tags', arrayLiteral(creatorTags({ platforms, nicheIds, country, language, hasEmail, audience })));
    }
    return { influencers: inf, metrics: m };
  };
}

/** Column name → SQL array type for unnest. */
export const METRIC_TYPES: Record<string, string> = {
  influencer_id: 'text', workspace_id: 'text', primary_platform: 'text', primary_handle: 'text', platforms: 'text', followers: 'int4', tier: 'text',
  mid_tier: 'bool', er_median: 'float8', er_mean: 'float8', er_views_median: 'float8', er_vs_tier: 'float8', authenticity_score: 'int4', niches: 'text',
  niche_ids: 'text', primary_niche: 'text', country: 'text', location: 'text', language: 'text', has_email: 'bool', audience: 'text', quality: 'float8',
  search_text: 'text', tags: 'text',
};
/** Columns passed as text and cast per row: arrays and JSON. */
export const METRIC_CASTS: Record<string, string> = { platforms: 'text[]', niche_ids: 'text[]', tags: 'text[]', niches: 'jsonb', audience: 'jsonb' };

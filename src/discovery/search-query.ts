import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../shared/context.ts';
import { containsPattern } from '../shared/page-cursor.ts';
import type { SEARCH_TIERS, SearchFilters } from './search-input.ts';
import type { TierBands } from './tiers.ts';
import { audienceTagsAtLeast, tag } from './search-tags.ts';
import type { AudienceDimension } from './types.ts';

/** Columns a search result needs; search_text only when fit is computed. */
export const RESULT_COLUMNS = [
  'm.influencer_id',
  'm.primary_platform',
  'm.primary_handle',
  'm.platforms',
  'm.followers',
  'm.tier',
  'm.mid_tier',
  'm.er_median',
  'm.er_views_median',
  'm.er_vs_tier',
  'm.authenticity_score',
  'm.niches',
  'm.niche_ids',
  'm.country',
  'm.location',
  'm.language',
  'm.has_email',
  'm.audience',
  'm.quality',
] as const;

/** The engagement sort key: the median ER, with creators without one last. */
export const ER = sql<number>`coalesce(m.er_median, -1)`;

/** Any share above zero: "audience in DE" without a minimum. */
const ANY_SHARE = 1e-9;

/**
 * The workspace's active creators matching the filters, as a query to order and page. Categorical
 * filters become one `tags @> …` (all of) and `tags && …` (one of) per list, served by the GIN
 * index; ranges are plain comparisons the sort indexes can check while scanning.
 */
export function filteredCreators(db: Db, workspaceId: string, f: SearchFilters, bands: TierBands) {
  const all: string[] = [];
  const anyOf: string[][] = [];
  const addList = (values: readonly string[] | undefined, toTag: (v: string) => string) => {
    if (!values?.length) return;
    if (values.length === 1) all.push(toTag(values[0]!));
    else anyOf.push(values.map(toTag));
  };
  addList(f.platform, tag.platform);
  addList(f.niche, tag.niche);
  addList(f.country, tag.country);
  addList(f.language, tag.language);
  if (f.hasEmail === true) all.push(tag.email);
  const audience: [AudienceDimension, string, number][] = [];
  if (f.audienceCountry) audience.push(['country', f.audienceCountry, f.minAudienceCountryShare ?? ANY_SHARE]);
  if (f.audienceAge) audience.push(['age', f.audienceAge, f.minAudienceAgeShare ?? ANY_SHARE]);
  if (f.audienceGender) audience.push(['gender', f.audienceGender, f.minAudienceGenderShare ?? ANY_SHARE]);
  for (const [dimension, key, min] of audience) anyOf.push(audienceTagsAtLeast(dimension, key, min));

  let q = db
    .selectFrom('creator_metrics as m')
    .innerJoin('influencers as i', 'i.id', 'm.influencer_id')
    .where('m.workspace_id', '=', workspaceId)
    .where('i.workspace_id', '=', workspaceId)
    .where('i.status', '=', 'active');
  if (all.length) q = q.where(sql<SqlBool>`m.tags @> ${sql.val(all)}::text[]`);
  for (const set of anyOf) q = q.where(sql<SqlBool>`m.tags && ${sql.val(set)}::text[]`);
  if (f.tier?.length) {
    // Tiers are follower bands: the range lets the followers index serve the filter, and the
    // stored tier (recomputed whenever the bands change) keeps a non-contiguous list exact.
    const ranges = f.tier.map((t) => tierRange(t, bands));
    q = q.where('m.followers', '>=', Math.min(...ranges.map((r) => r[0])));
    const upper = ranges.some((r) => r[1] === null) ? null : Math.max(...ranges.map((r) => r[1]!));
    if (upper !== null) q = q.where('m.followers', '<', upper);
    const plain = f.tier.filter((t) => t !== 'mid-tier');
    q = q.where((eb) => eb.or([...(plain.length ? [eb('m.tier', 'in', plain)] : []), ...(f.tier!.includes('mid-tier') ? [eb.and([eb('m.tier', '=', 'micro'), eb('m.mid_tier', '=', true)])] : [])]));
  }
  if (f.hasEmail === false) q = q.where('m.has_email', '=', false);
  if (f.minFollowers !== undefined) q = q.where('m.followers', '>=', f.minFollowers);
  if (f.maxFollowers !== undefined) q = q.where('m.followers', '<=', f.maxFollowers);
  // Written on the ER index's expression (null = -1) so a range can bound an index scan.
  if (f.minEngagementRate !== undefined || f.maxEngagementRate !== undefined) q = q.where(ER, '>=', f.minEngagementRate ?? 0);
  if (f.maxEngagementRate !== undefined) q = q.where(ER, '<=', f.maxEngagementRate);
  // Scores are whole numbers (an integer column): 'at least 50.5' is 'at least 51'.
  if (f.minAuthenticity !== undefined) q = q.where('m.authenticity_score', '>=', Math.ceil(f.minAuthenticity));
  if (f.location) q = q.where('m.location', 'ilike', containsPattern(f.location));
  // The tags matched the share's decile; this is the exact comparison.
  for (const [dimension, key, min] of audience) {
    const stored = dimension === 'country' ? key.toUpperCase() : dimension === 'gender' ? key.toLowerCase() : key;
    q = q.where(sql<SqlBool>`(m.audience -> ${dimension} ->> ${stored})::float8 >= ${min}`);
  }
  return q;
}

/** Followers range [from, to) of a search tier under the workspace's bands; to is null for mega. */
export function tierRange(tier: (typeof SEARCH_TIERS)[number], b: TierBands): [number, number | null] {
  switch (tier) {
    case 'below-nano':
      return [0, b.nano];
    case 'nano':
      return [b.nano, b.micro];
    case 'micro':
      return [b.micro, b.macro];
    case 'mid-tier':
      return [b.midTier, b.macro];
    case 'macro':
      return [b.macro, b.mega];
    case 'mega':
      return [b.mega, null];
  }
}

/** Terms of a brief as a prefix OR-query for the full-text index ('vegan:* | protein:*'). */
export function briefTsQuery(tokens: readonly string[]): string | null {
  const safe = [...new Set(tokens)].filter((t) => /^[\p{L}\p{N}]+$/u.test(t)).slice(0, 32);
  return safe.length ? safe.map((t) => `${t}:*`).join(' | ') : null;
}

/** Rows that match a brief by text or by niche; the fit candidates are taken from these first. */
export function matchesBrief(tsQuery: string | null, niches: readonly string[]): Expression<SqlBool> | null {
  const parts = [];
  if (tsQuery) parts.push(sql<SqlBool>`m.search_tsv @@ to_tsquery('simple', ${tsQuery})`);
  if (niches.length) parts.push(sql<SqlBool>`m.niche_ids && ${sql.val([...niches])}::text[]`);
  if (parts.length === 0) return null;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

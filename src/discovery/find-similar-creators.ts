import { sql } from 'kysely';
import { z } from 'zod';
import type { Context } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { hasPrefix } from '../shared/ids.ts';
import { readDiscoverySettings } from './discovery-settings.ts';
import { buildFitIndex, fitScore, type FitResult } from './fit-score.ts';
import { toFitCreator } from './search-influencers.ts';
import { briefTsQuery, matchesBrief, RESULT_COLUMNS } from './search-query.ts';
import { tokenize } from './text.ts';
import { toCreatorSummary, type CreatorSummaryDto, type SummaryRow } from './to-creator-summary.ts';
import type { Brief } from './types.ts';

export const FindSimilarInput = z.strictObject({
  limit: z.coerce.number({ message: 'limit must be a whole number from 1 to 50' }).int().min(1).max(50, 'limit must be a whole number from 1 to 50').default(10),
});

/** Lookalikes share content, niches and audience; engagement and authenticity are shown, not matched. */
const SIMILARITY_WEIGHTS = { relevance: 0.4, niche: 0.35, audience: 0.25, engagement: 0, authenticity: 0 };
/** Candidates within this factor of the creator's followers: a mega creator is no lookalike of a nano one. */
const FOLLOWER_FACTOR = 5;
const CANDIDATES = 300;
/** Words of the creator's content that describe them best (most frequent), used as the query. */
const QUERY_TERMS = 25;

export type SimilarCreatorDto = CreatorSummaryDto & { similarity: FitResult };

/**
 * Creators like a given one: of similar size (within ×5 of its followers), sharing its words or
 * niches, ranked by the fit score's relevance, niche and audience terms with the creator itself as
 * the brief (its most frequent content words, its niches, its main audience countries, ages and
 * genders).
 * @example await findSimilarCreators({ ctx, input: { id: 'inf_...', limit: 10 } })
 */
export async function findSimilarCreators({ ctx, input }: { ctx: Context; input: { id: string; limit?: number } }): Promise<{ data: SimilarCreatorDto[] }> {
  const { limit } = FindSimilarInput.parse({ limit: input.limit });
  if (!hasPrefix(input.id, 'influencer')) throw notFound('Influencer', input.id);
  const columns = [...RESULT_COLUMNS, 'm.search_text', 'i.name'] as const;
  const base = () =>
    ctx.db
      .selectFrom('creator_metrics as m')
      .innerJoin('influencers as i', 'i.id', 'm.influencer_id')
      .select(columns)
      .where('m.workspace_id', '=', ctx.workspaceId)
      .where('i.workspace_id', '=', ctx.workspaceId);
  const target = await base().where('m.influencer_id', '=', input.id).executeTakeFirst();
  if (!target) {
    const exists = await ctx.db.selectFrom('influencers').select('id').where('workspace_id', '=', ctx.workspaceId).where('id', '=', input.id).executeTakeFirst();
    if (!exists) throw notFound('Influencer', input.id);
    return { data: [] }; // a creator without accounts has nothing to compare
  }
  const me = toFitCreator(target as SummaryRow & { search_text: string; audience: unknown });
  const counts = new Map<string, number>();
  for (const t of tokenize(me.bio)) counts.set(t, (counts.get(t) ?? 0) + 1);
  const terms = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, QUERY_TERMS).map(([t]) => t);
  const top = (dimension: string, n: number) => (me.audience ?? []).filter((a) => a.dimension === dimension && a.share >= 0.1).sort((a, b) => b.share - a.share).slice(0, n).map((a) => a.key);
  const brief: Brief = {
    text: terms.join(' '),
    niches: target.niche_ids,
    targetAudience: { countries: top('country', 3), ageBands: top('age', 2), genders: top('gender', 1) },
  };
  let q = base()
    .where('i.status', '=', 'active')
    .where('m.influencer_id', '!=', input.id)
    .where('m.followers', '>=', Math.floor(target.followers / FOLLOWER_FACTOR))
    .where('m.followers', '<=', Math.ceil(target.followers * FOLLOWER_FACTOR));
  const relevant = matchesBrief(briefTsQuery(terms), brief.niches);
  if (relevant) q = q.where(relevant);
  const pool = await q.orderBy(sql`m.quality`, 'desc').orderBy('m.influencer_id', 'desc').limit(CANDIDATES).execute();
  const settings = await readDiscoverySettings(ctx.db, ctx.workspaceId);
  const creators = pool.map((r) => toFitCreator(r as SummaryRow & { search_text: string; audience: unknown }));
  const options = { index: buildFitIndex([me, ...creators]), weights: SIMILARITY_WEIGHTS, taxonomy: settings.taxonomy, bands: settings.bands, benchmarks: settings.benchmarks };
  const ranked = pool
    .map((row, i) => ({ row, similarity: fitScore(brief, creators[i]!, options) }))
    .sort((a, b) => b.similarity.score - a.similarity.score || (a.row.influencer_id < b.row.influencer_id ? 1 : -1))
    .slice(0, limit);
  return { data: ranked.map(({ row, similarity }) => ({ ...toCreatorSummary(row as SummaryRow), similarity })) };
}

import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Context } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { readDiscoverySettings, type DiscoverySettings } from './discovery-settings.ts';
import { buildFitIndex, fitScore, type FitCreator, type FitResult } from './fit-score.ts';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor.ts';
import { SearchInfluencersInput, type SearchFilters } from './search-input.ts';
import { briefTsQuery, ER, filteredCreators, matchesBrief, RESULT_COLUMNS } from './search-query.ts';
import { tokenize } from './text.ts';
import { toCreatorSummary, type CreatorSummaryDto, type SummaryRow } from './to-creator-summary.ts';
import type { AudienceDimension, AudienceShare, Brief, NicheScore } from './types.ts';

/** Fit is computed in memory over this many candidates: those matching the brief best by quality. */
export const FIT_POOL = 300;

export type SearchResultDto = CreatorSummaryDto & { fit?: FitResult };
export type SearchPage = { data: SearchResultDto[]; nextCursor: string | null; sort: string };

const SORT_EXPRESSIONS = {
  followers: sql<number>`m.followers`,
  engagement: ER,
  authenticity: sql<number>`m.authenticity_score`,
};

/**
 * Searches the workspace's creators. Sorted by followers, engagement or authenticity it pages with
 * a keyset cursor on an index; sorted by fit it ranks the best FIT_POOL candidates (creators
 * matching the brief's words or niches, by quality) with the fit score, explained term by term.
 * @example await searchInfluencers({ ctx, input: { niche: 'fitness', minEngagementRate: '0.02', sort: 'engagement' } })
 */
export async function searchInfluencers({ ctx, input }: { ctx: Context; input: SearchInfluencersInput }): Promise<SearchPage> {
  const f = SearchInfluencersInput.parse(input);
  const sort = f.sort ?? (f.brief || f.briefNiches ? 'fit' : 'followers');
  const settings = await readDiscoverySettings(ctx.db, ctx.workspaceId);
  if (sort === 'fit') return searchByFit(ctx, f, settings);
  const expr = SORT_EXPRESSIONS[sort];
  let q = filteredCreators(ctx.db, ctx.workspaceId, f, settings.bands).select(RESULT_COLUMNS).select('i.name').select(expr.as('sort_value'));
  if (f.cursor) {
    const c = decodeSearchCursor(f.cursor, sort);
    if (c.s !== 'fit') q = q.where(sql<boolean>`(${expr}, m.influencer_id) < (${c.v}, ${c.id})`);
  }
  const rows = await q.orderBy(expr, 'desc').orderBy('m.influencer_id', 'desc').limit(f.limit + 1).execute();
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => toCreatorSummary(r as SummaryRow)),
    nextCursor: rows.length > f.limit && last ? encodeSearchCursor({ s: sort, v: Number(last.sort_value), id: last.influencer_id }) : null,
    sort,
  };
}

async function searchByFit(ctx: Context, f: SearchFilters, settings: DiscoverySettings): Promise<SearchPage> {
  const brief: Brief = {
    text: f.brief ?? '',
    niches: f.briefNiches ?? f.niche ?? [],
    targetAudience: {
      ...(f.audienceCountry ? { countries: [f.audienceCountry] } : {}),
      ...(f.audienceAge ? { ageBands: [f.audienceAge] } : {}),
      ...(f.audienceGender ? { genders: [f.audienceGender] } : {}),
    },
  };
  const digest = createHash('sha256').update(JSON.stringify({ ...f, cursor: undefined, limit: undefined })).digest('base64url').slice(0, 16);
  let offset = 0;
  if (f.cursor) {
    const c = decodeSearchCursor(f.cursor, 'fit');
    if (c.s !== 'fit' || c.q !== digest) throw new AppError('VALIDATION', 'cursor: it belongs to another search (the filters or the brief changed)');
    offset = c.o;
  }
  const base = () => filteredCreators(ctx.db, ctx.workspaceId, f, settings.bands).select(RESULT_COLUMNS).select(['i.name', 'm.search_text']);
  const relevant = matchesBrief(briefTsQuery(tokenize(brief.text)), brief.niches);
  const byQuality = <T extends ReturnType<typeof base>>(q: T) => q.orderBy('m.quality', 'desc').orderBy('m.influencer_id', 'desc');
  let pool = await byQuality(relevant ? base().where(relevant) : base()).limit(FIT_POOL).execute();
  if (relevant && pool.length < FIT_POOL) {
    // Too few match the brief: the rest of the pool are the best others, which fit will rank lower.
    const rest = await byQuality(base().where(sql<boolean>`not ${relevant}`)).limit(FIT_POOL - pool.length).execute();
    pool = [...pool, ...rest];
  }
  const creators = pool.map((r) => toFitCreator(r as SummaryRow & { search_text: string; audience: unknown }));
  const index = buildFitIndex(creators);
  const options = { index, taxonomy: settings.taxonomy, bands: settings.bands, benchmarks: settings.benchmarks };
  const ranked = pool
    .map((row, i) => ({ row, fit: fitScore(brief, creators[i]!, options) }))
    .sort((a, b) => b.fit.score - a.fit.score || (a.row.influencer_id < b.row.influencer_id ? 1 : -1));
  const page = ranked.slice(offset, offset + f.limit);
  return {
    data: page.map(({ row, fit }) => ({ ...toCreatorSummary(row as SummaryRow), fit })),
    nextCursor: offset + f.limit < ranked.length ? encodeSearchCursor({ s: 'fit', o: offset + f.limit, q: digest }) : null,
    sort: 'fit',
  };
}

/** The stored row as the fit score sees a creator: its search text stands for bio and captions. */
export function toFitCreator(row: SummaryRow & { search_text: string; audience: unknown }): FitCreator {
  const audience = (typeof row.audience === 'string' ? JSON.parse(row.audience) : row.audience) as Record<string, Record<string, number>>;
  const shares: AudienceShare[] = Object.entries(audience).flatMap(([dimension, keys]) =>
    Object.entries(keys).map(([key, share]) => ({ dimension: dimension as AudienceDimension, key, share })),
  );
  return {
    id: row.influencer_id,
    bio: row.search_text,
    followers: row.followers,
    posts: [],
    niches: (typeof row.niches === 'string' ? JSON.parse(row.niches) : row.niches) as NicheScore[],
    audience: shares,
    medianEr: row.er_median,
    authenticityScore: row.authenticity_score,
  };
}

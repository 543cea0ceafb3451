import { sql } from 'kysely';
import type { Context } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { hasPrefix } from '../shared/ids.ts';
import { computeEngagement, interactions, type EngagementReport, type RateSummary } from './compute-engagement.ts';
import { computeCreatorMetrics } from './creator-metrics.ts';
import { readDiscoverySettings } from './discovery-settings.ts';
import { loadCreators, type AccountData, type StoredAudience } from './load-creators.ts';
import type { AuthenticityReport } from './score-authenticity.ts';
import type { TierBands } from './tiers.ts';
import type { NicheScore } from './types.ts';

const PERCENTILE_FORMULA = 'percentile = (creators in the same tier and main niche with a lower median ER + half of those with an equal one) / creators in that cohort × 100';
const COMPARISON_FORMULA = 'ratio = median ER by followers / midpoint of the tier benchmark; below when under its low end, above when over its high end';

export type CreatorProfileDto = {
  influencer: { id: string; name: string; email: string | null; status: string };
  accounts: (ReturnType<typeof toAccountDto> & { engagement: { byFollowers: RateSummary; byViews: RateSummary } })[];
  metrics: {
    platform: string;
    followers: number;
    tier: { id: string; label: string; midTier: boolean; min: number; max: number | null; bands: TierBands };
    engagement: EngagementReport;
    benchmark: { key: string; low: number; high: number; custom: boolean; source: string } | null;
    comparison: { engagementRate: number | null; benchmarkMidpoint: number | null; ratio: number | null; verdict: 'below' | 'within' | 'above' | null; formula: string };
    percentile: { value: number; tier: string; niche: string; cohortSize: number; formula: string } | null;
  } | null;
  authenticity: (Pick<AuthenticityReport, 'score' | 'reasons' | 'skipped' | 'audience'> & { formula: string }) | null;
  niches: { assigned: NicheScore[]; manual: string[] | null };
  audience: (StoredAudience & { platform: string })[];
  posts: { loaded: number; byFormat: EngagementReport['byFormat']; recent: ReturnType<typeof toPostDto>[] };
};

function toAccountDto(a: AccountData, primary: boolean) {
  return {
    platform: a.platform,
    handle: a.handle,
    displayName: a.displayName,
    url: a.url,
    followers: a.followers,
    following: a.following,
    postsCount: a.postsCount,
    bio: a.bio,
    location: a.location,
    country: a.country,
    language: a.language,
    hasProfilePicture: a.hasProfilePicture,
    verified: a.verified,
    isPrivate: a.isPrivate,
    contactEmail: a.contactEmail,
    primary,
    updatedAt: a.updatedAt.toISOString(),
  };
}

function toPostDto(a: AccountData, p: AccountData['posts'][number]) {
  return {
    platform: a.platform,
    handle: a.handle,
    id: p.id,
    url: p.url,
    postedAt: p.postedAt.toISOString(),
    format: p.format,
    caption: p.caption,
    hashtags: p.hashtags,
    mentions: p.mentions,
    likes: p.likes,
    comments: p.comments,
    shares: p.shares,
    saves: p.saves,
    views: p.views,
    sponsored: p.sponsored,
    gifted: p.gifted,
    hasCta: p.hasCta,
    faceShown: p.faceShown,
    /** (likes + comments + shares + saves) / the account's followers. */
    engagementRate: a.followers > 0 ? interactions(p) / a.followers : null,
    engagementRateByViews: p.views ? interactions(p) / p.views : null,
  };
}

/**
 * A creator's full profile, computed from the stored data with the workspace's settings: accounts,
 * engagement with its formulas, ER beside the tier benchmark and its percentile in tier × niche,
 * the authenticity score with each reason and its evidence, niches, audience and recent posts.
 * @example await getCreatorProfile({ ctx, input: { id: 'inf_...' } })
 */
export async function getCreatorProfile({ ctx, input }: { ctx: Context; input: { id: string } }): Promise<CreatorProfileDto> {
  if (!hasPrefix(input.id, 'influencer')) throw notFound('Influencer', input.id);
  const data = (await loadCreators(ctx.db, ctx.workspaceId, [input.id])).get(input.id);
  if (!data) throw notFound('Influencer', input.id);
  const settings = await readDiscoverySettings(ctx.db, ctx.workspaceId);
  const m = computeCreatorMetrics(data, settings);
  const accounts = data.accounts
    .slice()
    .sort((a, b) => (a === m?.primary ? -1 : b === m?.primary ? 1 : b.followers - a.followers))
    .map((a) => {
      const e = computeEngagement({ followers: a.followers, posts: a.posts });
      return { ...toAccountDto(a, a === m?.primary), engagement: { byFollowers: e.byFollowers, byViews: e.byViews } };
    });
  const recent = data.accounts
    .flatMap((a) => a.posts.map((p) => ({ a, p })))
    .sort((x, y) => y.p.postedAt.getTime() - x.p.postedAt.getTime())
    .slice(0, 12)
    .map(({ a, p }) => toPostDto(a, p));
  const profile: CreatorProfileDto = {
    influencer: { id: data.influencerId, name: data.name, email: data.email, status: data.status },
    accounts,
    metrics: null,
    authenticity: null,
    niches: { assigned: m?.niches ?? [], manual: data.manualNiches },
    audience: data.accounts.flatMap((a) => a.audience.map((s) => ({ platform: a.platform, ...s }))),
    posts: { loaded: data.accounts.reduce((s, a) => s + a.posts.length, 0), byFormat: m?.engagement.byFormat ?? [], recent },
  };
  if (!m) return profile;
  const er = m.engagement.byFollowers.median;
  const mid = m.expected ? (m.expected.low + m.expected.high) / 2 : null;
  profile.metrics = {
    platform: m.primary.platform,
    followers: m.primary.followers,
    tier: { id: m.tier.tier, label: m.tier.label, midTier: m.tier.midTier, min: m.tier.min, max: m.tier.max, bands: settings.bands },
    engagement: m.engagement,
    benchmark:
      m.expected && m.tier.benchmarkKey
        ? { key: m.tier.benchmarkKey, low: m.expected.low, high: m.expected.high, custom: settings.custom.tierBenchmarks, source: settings.custom.tierBenchmarks ? 'set by this workspace' : 'published industry benchmarks (nano 2.71%, micro 1.81%, mid-tier 1.24%, macro 0.61–0.87%, mega 0.68–0.94%)' }
        : null,
    comparison: {
      engagementRate: er,
      benchmarkMidpoint: mid,
      ratio: m.erVsTier,
      verdict: er === null || !m.expected ? null : er < m.expected.low ? 'below' : er > m.expected.high ? 'above' : 'within',
      formula: COMPARISON_FORMULA,
    },
    percentile: er === null || !m.nicheIds[0] ? null : await percentileInCohort(ctx, m.tier.tier, m.nicheIds[0], er),
  };
  profile.authenticity = {
    score: m.authenticity.score,
    formula: 'score = max(0, 100 − the penalties of the reasons below); skipped checks had too little data',
    reasons: m.authenticity.reasons,
    skipped: m.authenticity.skipped,
    audience: m.authenticity.audience,
  };
  return profile;
}

/** The mid-rank percentile of `percentileWithin`, counted in SQL over the stored cohort. */
async function percentileInCohort(ctx: Context, tier: string, niche: string, er: number) {
  const r = await sql<{ below: bigint; equal: bigint; total: bigint }>`
    select count(*) filter (where er_median < ${er}) as below, count(*) filter (where er_median = ${er}) as equal, count(*) as total
    from creator_metrics
    where workspace_id = ${ctx.workspaceId} and tier = ${tier} and primary_niche = ${niche} and er_median is not null`.execute(ctx.db);
  const { below, equal, total } = r.rows[0]!;
  if (Number(total) === 0) return null;
  return { value: ((Number(below) + Number(equal) / 2) / Number(total)) * 100, tier, niche, cohortSize: Number(total), formula: PERCENTILE_FORMULA };
}

/**
 * Everything discovery computes about one creator, from the stored data and the workspace's
 * settings: engagement, tier, authenticity, niches and the search row. Pure; refresh stores the
 * result and the profile shows it.
 */
import { computeEngagement, DEFAULT_ER_WINDOW, type EngagementReport } from './compute-engagement.ts';
import type { DiscoverySettings } from './discovery-settings.ts';
import { fitScore } from './fit-score.ts';
import type { AccountData, CreatorData } from './load-creators.ts';
import { assignNiches } from './niche.ts';
import { scoreAuthenticity, type AuthenticityReport } from './score-authenticity.ts';
import { creatorTags } from './search-tags.ts';
import { expectedEngagement, tierFor, type ErRange, type TierAssignment } from './tiers.ts';
import type { NicheScore, SocialAccount } from './types.ts';

/** A niche is a search tag of a creator when it is their main one or at least this share of their content. */
export const NICHE_TAG_MIN_SHARE = 0.15;
/** Search text kept per creator (bio and recent captions): enough for relevance, bounded in size. */
export const SEARCH_TEXT_MAX = 2_000;
const PLATFORM_ORDER = ['instagram', 'tiktok', 'youtube', 'x', 'other'];

export type AudienceMap = Record<string, Record<string, number>>;

export type CreatorMetrics = {
  influencerId: string;
  primary: AccountData;
  platforms: string[];
  engagement: EngagementReport;
  tier: TierAssignment;
  expected: ErRange | null;
  /** Median ER ÷ the midpoint of the tier's benchmark; null without ER or benchmark. */
  erVsTier: number | null;
  authenticity: AuthenticityReport;
  niches: NicheScore[];
  nicheIds: string[];
  audience: AudienceMap;
  quality: number;
  country: string | null;
  location: string | null;
  language: string | null;
  hasEmail: boolean;
  searchText: string;
  tags: string[];
};

/** The account metrics are computed on: the one with most followers. */
export function primaryAccount(accounts: readonly AccountData[]): AccountData | null {
  return (
    accounts
      .slice()
      .sort((a, b) => b.followers - a.followers || PLATFORM_ORDER.indexOf(a.platform) - PLATFORM_ORDER.indexOf(b.platform) || a.handle.localeCompare(b.handle))[0] ?? null
  );
}

export function toSocialAccount(a: AccountData): SocialAccount {
  return {
    platform: a.platform,
    handle: a.handle,
    ...(a.displayName ? { displayName: a.displayName } : {}),
    followers: a.followers,
    following: a.following,
    postsCount: a.postsCount,
    bio: a.bio,
    hasProfilePicture: a.hasProfilePicture,
    verified: a.verified,
    isPrivate: a.isPrivate,
    externalUrl: a.url,
  };
}

/** Audience shares by dimension, keys normalised as search tags expect (DE, 18-24, female). */
export function audienceMap(account: AccountData): AudienceMap {
  const out: AudienceMap = {};
  for (const a of account.audience) (out[a.dimension] ??= {})[a.key] = a.share;
  return out;
}

/** Brand-set niches shown in the shape of assigned ones, sharing the content equally. */
function manualNicheScores(ids: readonly string[], settings: DiscoverySettings): NicheScore[] {
  const labels = new Map(settings.taxonomy.map((n) => [n.id, n.label]));
  return ids.map((id) => ({ id, label: labels.get(id) ?? id, score: 1 / ids.length, matchedTerms: ['set by the brand'] }));
}

/**
 * Computes the metrics of a creator with at least one account; null for one without.
 * @example const m = computeCreatorMetrics(creator, settings); m?.engagement.byFollowers.median
 */
export function computeCreatorMetrics(data: CreatorData, settings: DiscoverySettings): CreatorMetrics | null {
  const primary = primaryAccount(data.accounts);
  if (!primary) return null;
  const opts = { bands: settings.bands, benchmarks: settings.benchmarks };
  const engagement = computeEngagement({ followers: primary.followers, posts: primary.posts, followerHistory: primary.history });
  const tier = tierFor(primary.followers, settings.bands);
  const expected = expectedEngagement(primary.followers, settings.bands, settings.benchmarks);
  const authenticity = scoreAuthenticity(
    { account: toSocialAccount(primary), posts: primary.posts, comments: primary.comments, followerHistory: primary.history, followerSample: primary.followerSample },
    opts,
  );
  const allPosts = data.accounts.flatMap((a) => a.posts);
  const niches =
    data.manualNiches && data.manualNiches.length > 0
      ? manualNicheScores(data.manualNiches, settings)
      : assignNiches({ bio: data.accounts.map((a) => a.bio).join('\n'), captions: allPosts.map((p) => p.caption), hashtags: allPosts.flatMap((p) => p.hashtags) }, { taxonomy: settings.taxonomy });
  const nicheIds = niches.filter((n, i) => i === 0 || n.score >= NICHE_TAG_MIN_SHARE).map((n) => n.id);
  const er = engagement.byFollowers.median;
  const erVsTier = er !== null && expected ? er / ((expected.low + expected.high) / 2) : null;
  // The brief-independent terms of the fit score; search uses it to pick fit candidates.
  const quality = fitScore({ text: '', niches: [] }, { id: data.influencerId, bio: '', followers: primary.followers, posts: [], medianEr: er, authenticityScore: authenticity.score }, opts).score / 100;
  const platforms = [...new Set(data.accounts.map((a) => a.platform))].sort((a, b) => PLATFORM_ORDER.indexOf(a) - PLATFORM_ORDER.indexOf(b));
  const audience = audienceMap(primary);
  const country = primary.country ?? data.accounts.find((a) => a.country)?.country ?? null;
  const language = primary.language ?? data.accounts.find((a) => a.language)?.language ?? null;
  const hasEmail = data.email !== null || data.accounts.some((a) => a.contactEmail !== null);
  const recentText = data.accounts.flatMap((a) => a.posts.slice(0, DEFAULT_ER_WINDOW).map((p) => `${p.caption} ${p.hashtags.join(' ')}`));
  const searchText = [...data.accounts.map((a) => a.bio), ...recentText].join('\n').slice(0, SEARCH_TEXT_MAX);
  return {
    influencerId: data.influencerId,
    primary,
    platforms,
    engagement,
    tier,
    expected,
    erVsTier,
    authenticity,
    niches,
    nicheIds,
    audience,
    quality,
    country,
    location: primary.location ?? data.accounts.find((a) => a.location)?.location ?? null,
    language,
    hasEmail,
    searchText,
    tags: creatorTags({ platforms, nicheIds, country, language, hasEmail, audience }),
  };
}

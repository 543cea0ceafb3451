import type { NicheScore, Platform } from './types.ts';

export type CreatorSummaryDto = {
  influencerId: string;
  name: string;
  platform: Platform | null;
  handle: string | null;
  platforms: string[];
  followers: number;
  /** Median ER by followers over the last 12 posts, a fraction (0.0181 = 1.81%). */
  engagementRate: number | null;
  engagementRateByViews: number | null;
  /** engagementRate ÷ the midpoint of the tier's benchmark. */
  engagementVsTier: number | null;
  authenticityScore: number;
  tier: string;
  midTier: boolean;
  niches: { id: string; label: string; score: number }[];
  country: string | null;
  location: string | null;
  language: string | null;
  hasEmail: boolean;
};

export type SummaryRow = {
  influencer_id: string;
  name: string;
  primary_platform: Platform | null;
  primary_handle: string | null;
  platforms: string[];
  followers: number;
  tier: string;
  mid_tier: boolean;
  er_median: number | null;
  er_views_median: number | null;
  er_vs_tier: number | null;
  authenticity_score: number;
  niches: unknown[];
  country: string | null;
  location: string | null;
  language: string | null;
  has_email: boolean;
};

const round = (x: number | null, d = 6) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

/** A creator as search and similar-creator lists show it. */
export function toCreatorSummary(row: SummaryRow): CreatorSummaryDto {
  const niches = (typeof row.niches === 'string' ? JSON.parse(row.niches) : row.niches) as NicheScore[];
  return {
    influencerId: row.influencer_id,
    name: row.name,
    platform: row.primary_platform,
    handle: row.primary_handle,
    platforms: row.platforms,
    followers: row.followers,
    engagementRate: round(row.er_median),
    engagementRateByViews: round(row.er_views_median),
    engagementVsTier: round(row.er_vs_tier, 3),
    authenticityScore: row.authenticity_score,
    tier: row.tier,
    midTier: row.mid_tier,
    niches: niches.map((n) => ({ id: n.id, label: n.label, score: Math.round(n.score * 1000) / 1000 })),
    country: row.country,
    location: row.location,
    language: row.language,
    hasEmail: row.has_email,
  };
}

// Shapes of the discovery API answers this feature reads (src/discovery/*).

export const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'x', 'other'] as const;
export const PLATFORM_LABELS: Record<string, string> = { instagram: 'Instagram', tiktok: 'TikTok', youtube: 'YouTube', x: 'X', other: 'Other' };
export const TIERS = ['below-nano', 'nano', 'micro', 'mid-tier', 'macro', 'mega'] as const;
export const TIER_NAMES: Record<string, string> = { 'below-nano': 'Below nano', nano: 'Nano', micro: 'Micro', 'mid-tier': 'Mid-tier', macro: 'Macro', mega: 'Mega' };
const DEFAULT_BANDS = { nano: 1000, micro: 10000, midTier: 50000, macro: 100000, mega: 1000000 };
const k = (n: number) => new Intl.NumberFormat('en', { notation: 'compact' }).format(n);

/** Tier filter labels with the workspace's follower bands ("Micro (10K–100K)"). */
export function tierLabels(bands: Record<string, number> | undefined): Record<string, string> {
  const b = { ...DEFAULT_BANDS, ...(bands ?? {}) };
  return {
    'below-nano': `Below nano (<${k(b.nano)})`,
    nano: `Nano (${k(b.nano)}–${k(b.micro)})`,
    micro: `Micro (${k(b.micro)}–${k(b.macro)})`,
    'mid-tier': `Mid-tier (${k(b.midTier)}–${k(b.macro)}, upper micro)`,
    macro: `Macro (${k(b.macro)}–${k(b.mega)})`,
    mega: `Mega (${k(b.mega)}+)`,
  };
}
export const SORTS = [
  { value: '', label: 'Best fit when a brief is given, else followers' },
  { value: 'fit', label: 'Fit to the brief' },
  { value: 'engagement', label: 'Engagement rate' },
  { value: 'followers', label: 'Followers' },
  { value: 'authenticity', label: 'Authenticity' },
] as const;

export type FitTerm = { name: string; value: number | null; weight: number; contribution: number; explanation: string };
export type Fit = { score: number; terms: FitTerm[] };

export type CreatorSummary = {
  influencerId: string;
  name: string;
  platform: string | null;
  handle: string | null;
  platforms: string[];
  followers: number;
  engagementRate: number | null;
  engagementRateByViews: number | null;
  engagementVsTier: number | null;
  authenticityScore: number;
  tier: string;
  midTier: boolean;
  niches: { id: string; label: string; score: number }[];
  country: string | null;
  location: string | null;
  language: string | null;
  hasEmail: boolean;
  fit?: Fit;
  similarity?: Fit;
};

export type SearchPage = { data: CreatorSummary[]; nextCursor: string | null; sort: string };

export type DiscoverySettings = {
  tierBands: Record<string, number>;
  tierBenchmarks: Record<string, { low: number; high: number }>;
  nicheTaxonomy: { id: string; label: string }[];
};

export type RateSummary = { median: number | null; mean: number | null; posts: number; formula: string; reason: string | null };

export type Account = {
  platform: string;
  handle: string;
  displayName: string | null;
  url: string | null;
  followers: number;
  following: number;
  postsCount: number;
  bio: string;
  location: string | null;
  country: string | null;
  language: string | null;
  verified: boolean;
  isPrivate: boolean;
  contactEmail: string | null;
  primary: boolean;
  updatedAt: string;
  engagement: { byFollowers: RateSummary; byViews: RateSummary };
};

export type AuthenticityReason = { code: string; penalty: number; message: string; evidence: Record<string, number | string | boolean | null> };

export type Profile = {
  influencer: { id: string; name: string; email: string | null; status: string };
  accounts: Account[];
  metrics: {
    platform: string;
    followers: number;
    tier: { id: string; label: string; midTier: boolean; min: number; max: number | null };
    engagement: {
      byFollowers: RateSummary;
      byViews: RateSummary;
      cadence: { postsPerWeek: number | null; medianGapDays: number | null; formula: string; reason: string | null };
      growth: { days30: number | null; days90: number | null; formula: string; reason: string | null };
      sponsored: { share: number | null; sponsored: number; gifted: number; posts: number; formula: string };
    };
    benchmark: { key: string; low: number; high: number; custom: boolean; source: string } | null;
    comparison: { engagementRate: number | null; benchmarkMidpoint: number | null; ratio: number | null; verdict: 'below' | 'within' | 'above' | null; formula: string };
    percentile: { value: number; tier: string; niche: string; cohortSize: number; formula: string } | null;
  } | null;
  authenticity: {
    score: number;
    formula: string;
    reasons: AuthenticityReason[];
    skipped: { code: string; skipped: string }[];
    audience: { followerSample: { size: number; fake: number } | null; spamComments: { total: number; spam: number } | null };
  } | null;
  niches: { assigned: { id: string; label: string; score: number; matchedTerms: string[] }[]; manual: string[] | null };
  audience: { platform: string; dimension: 'country' | 'age' | 'gender'; key: string; share: number; source: string | null; asOf: string | null }[];
  posts: {
    loaded: number;
    byFormat: { format: string; posts: number; medianEr: number | null; meanEr: number | null }[];
    recent: { platform: string; handle: string; id: string; url: string | null; postedAt: string; format: string; caption: string; likes: number; comments: number; shares: number; saves: number; views: number | null; sponsored: boolean; gifted: boolean; engagementRate: number | null }[];
  };
};

export type Campaign = { id: string; name: string; status: string; commissionPlan: Record<string, unknown> | null; budget: { amount: number; currency: string } | null };

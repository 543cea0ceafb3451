/**
 * Engagement metrics of one creator (issue section "Engagement"): ER by followers and by views,
 * engagement by format, posting cadence, follower growth and sponsored share. Every figure is a
 * fraction and comes with the formula used, so the UI can show how it was computed.
 */
import { median, mean } from './stats.ts';
import type { FollowerSnapshot, Post, PostFormat } from './types.ts';

export interface EngagementInput {
  followers: number;
  posts: readonly Post[];
  followerHistory?: readonly FollowerSnapshot[];
}

export interface EngagementOptions {
  /** Number of most recent posts ER, cadence and sponsored share are computed over. */
  window?: number;
}

export interface RateSummary {
  median: number | null;
  mean: number | null;
  /** Posts that entered the computation. */
  posts: number;
  formula: string;
  /** Why the rate is null, else null. */
  reason: string | null;
}

export interface FormatEngagement {
  format: PostFormat;
  posts: number;
  medianEr: number | null;
  meanEr: number | null;
}

export interface EngagementReport {
  followers: number;
  postsConsidered: number;
  byFollowers: RateSummary;
  byViews: RateSummary;
  byFormat: FormatEngagement[];
  cadence: { postsPerWeek: number | null; medianGapDays: number | null; formula: string; reason: string | null };
  growth: { days30: number | null; days90: number | null; formula: string; reason: string | null };
  sponsored: { share: number | null; sponsored: number; gifted: number; posts: number; formula: string; reason: string | null };
}

export const DEFAULT_ER_WINDOW = 12;
const DAY_MS = 86_400_000;

/** Interactions counted as engagement; the same sum everywhere so rates stay comparable. */
export function interactions(p: Post): number {
  return p.likes + p.comments + p.shares + p.saves;
}

function rates(values: number[], formula: string, emptyReason: string): RateSummary {
  return {
    median: median(values),
    mean: mean(values),
    posts: values.length,
    formula,
    reason: values.length === 0 ? emptyReason : null,
  };
}

/** Followers at `t`, linearly interpolated between snapshots; null outside the history. */
function followersAt(history: readonly FollowerSnapshot[], t: number): number | null {
  for (let i = 0; i < history.length; i++) {
    const s = history[i] as FollowerSnapshot;
    if (s.at.getTime() === t) return s.followers;
    if (s.at.getTime() > t) {
      const prev = history[i - 1];
      if (!prev) return null;
      const f = (t - prev.at.getTime()) / (s.at.getTime() - prev.at.getTime());
      return prev.followers + f * (s.followers - prev.followers);
    }
  }
  return null;
}

function growth(historyIn: readonly FollowerSnapshot[] | undefined): EngagementReport['growth'] {
  const formula = 'growth(d) = (followers now − followers d days earlier) / followers d days earlier, interpolating between snapshots';
  const history = (historyIn ?? []).slice().sort((a, b) => a.at.getTime() - b.at.getTime());
  const latest = history[history.length - 1];
  if (!latest || history.length < 2) return { days30: null, days90: null, formula, reason: 'fewer than two follower snapshots' };
  const over = (days: number) => {
    const before = followersAt(history, latest.at.getTime() - days * DAY_MS);
    return before === null || before === 0 ? null : (latest.followers - before) / before;
  };
  const days30 = over(30);
  const days90 = over(90);
  const spanDays = (latest.at.getTime() - (history[0] as FollowerSnapshot).at.getTime()) / DAY_MS;
  const reason = days30 === null || days90 === null ? `history covers ${Math.round(spanDays)} days` : null;
  return { days30, days90, formula, reason };
}

/**
 * Computes the engagement report.
 *
 * @example
 * const r = computeEngagement({ followers: 10_000, posts });
 * r.byFollowers.median; // 0.0181 → show as 1.81%
 */
export function computeEngagement(input: EngagementInput, options: EngagementOptions = {}): EngagementReport {
  const window = options.window ?? DEFAULT_ER_WINDOW;
  const all = input.posts.slice().sort((a, b) => b.postedAt.getTime() - a.postedAt.getTime());
  const recent = all.slice(0, window);
  const noPosts = recent.length === 0;
  const zeroFollowers = input.followers <= 0;

  const byFollowersReason = noPosts ? 'no posts' : 'account has 0 followers';
  const byFollowers = rates(
    noPosts || zeroFollowers ? [] : recent.map((p) => interactions(p) / input.followers),
    `ER = (likes + comments + shares + saves) / followers, per post, over the last ${window} posts; median and mean`,
    byFollowersReason,
  );

  const withViews = recent.filter((p) => p.views !== null && p.views > 0);
  const byViews = rates(
    withViews.map((p) => interactions(p) / (p.views as number)),
    `ER by views = (likes + comments + shares + saves) / views, per post with views, over the last ${window} posts; median and mean`,
    noPosts ? 'no posts' : 'no recent post reports views',
  );

  const formats = [...new Set(all.map((p) => p.format))];
  const byFormat = formats.map((format) => {
    const ers = zeroFollowers ? [] : all.filter((p) => p.format === format).map((p) => interactions(p) / input.followers);
    return { format, posts: all.filter((p) => p.format === format).length, medianEr: median(ers), meanEr: mean(ers) };
  });

  const times = recent.map((p) => p.postedAt.getTime()).sort((a, b) => a - b);
  const gaps = times.slice(1).map((t, i) => (t - (times[i] as number)) / DAY_MS);
  const spanDays = times.length > 1 ? ((times[times.length - 1] as number) - (times[0] as number)) / DAY_MS : 0;
  const cadence = {
    // n posts span n − 1 gaps; counting n would overstate cadence for short windows.
    postsPerWeek: spanDays > 0 ? (recent.length - 1) / (spanDays / 7) : null,
    medianGapDays: median(gaps),
    formula: `posts per week = (posts − 1) / (days from first to last of the last ${window} posts / 7); median gap between consecutive posts in days`,
    reason: recent.length < 2 ? 'fewer than two posts' : spanDays === 0 ? 'all posts share one timestamp' : null,
  };

  const sponsoredCount = recent.filter((p) => p.sponsored).length;
  const sponsored = {
    share: noPosts ? null : sponsoredCount / recent.length,
    sponsored: sponsoredCount,
    gifted: recent.filter((p) => p.gifted).length,
    posts: recent.length,
    formula: `sponsored share = sponsored posts / posts, over the last ${window} posts`,
    reason: noPosts ? 'no posts' : null,
  };

  return {
    followers: input.followers,
    postsConsidered: recent.length,
    byFollowers,
    byViews,
    byFormat,
    cadence,
    growth: growth(input.followerHistory),
    sponsored,
  };
}

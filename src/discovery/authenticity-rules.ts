/**
 * Rule-based authenticity checks. Each rule looks at one kind of evidence and either fires (a
 * reason with a penalty and the numbers behind it), passes (null) or is skipped for lack of data.
 * Thresholds are heuristics, named here with the reasoning so they can be reviewed and tuned.
 */
import type { CommentSignals } from './comment-signals.ts';
import type { EngagementReport } from './compute-engagement.ts';
import type { ErRange, TierAssignment } from './tiers.ts';
import type { AuthenticityReason, FollowerSnapshot, Post, SocialAccount } from './types.ts';

export interface RuleContext {
  account: SocialAccount;
  engagement: EngagementReport;
  /** The posts ER was computed over (most recent first). */
  recentPosts: readonly Post[];
  tier: TierAssignment;
  expected: ErRange | null;
  comments: CommentSignals | null;
  history: readonly FollowerSnapshot[];
  /** Fake share of the follower sample per the learned model, with the sample size. */
  followerSample: { size: number; fake: number } | null;
}

export interface SkippedRule {
  code: string;
  skipped: string;
}

export type RuleOutcome = AuthenticityReason | SkippedRule | null;

/** Creators follow fewer accounts than follow them; above 1:1 growth likely came from follow-for-follow. */
export const MAX_FOLLOWING_PER_FOLLOWER = 1;
/** Instagram caps following at 7,500; the SRF fakes cluster just under it (follow/unfollow churn). */
export const FOLLOWING_CHURN_LEVEL = 7_000;
/** Fewer posts than this makes a profile look unused (a 3×3 grid is the usual first screen). */
export const MIN_POSTS_FOR_COMPLETE_PROFILE = 9;
/** ER below this fraction of the tier's low benchmark suggests an audience that does not engage: bought followers. */
export const ER_FAR_BELOW_FACTOR = 0.25;
export const ER_BELOW_FACTOR = 0.5;
/** ER above this multiple of the tier's high benchmark is rare organically; with generic comments it suggests pods. */
export const ER_FAR_ABOVE_FACTOR = 3;
/** Share of generic + emoji-only comments that, with very high ER, points to pods. */
export const POD_GENERIC_SHARE = 0.3;
/** Fewer recent posts than this make ER too noisy to judge. */
export const MIN_POSTS_FOR_ER = 3;
/** Organic posts get roughly 20–100 likes per comment; far outside that, one side was bought. */
export const LIKES_PER_COMMENT_LOW = 5;
export const LIKES_PER_COMMENT_HIGH = 300;
/** Shares are judged only on a sample this large; a handful of comments proves nothing. */
export const MIN_COMMENTS = 20;
/** Organic comment sections have some short praise; above these shares it dominates. */
export const GENERIC_SHARE_LIMIT = 0.35;
export const EMOJI_ONLY_SHARE_LIMIT = 0.3;
export const DUPLICATE_SHARE_LIMIT = 0.1;
export const SPAM_SHARE_LIMIT = 0.1;
/** Pods: several regulars under most posts, writing a large share of all comments. */
export const MIN_POSTS_FOR_POD_CHECK = 6;
export const POD_MIN_REGULARS = 5;
export const POD_REGULAR_COMMENT_SHARE = 0.4;
/** A jump of 10%+ within a week, 5× faster than the account's usual pace, is a purchase, not a viral post's trickle. */
export const SPIKE_MIN_JUMP = 0.1;
export const SPIKE_MAX_DAYS = 7;
export const SPIKE_PACE_MULTIPLE = 5;
/** Platforms purge bought followers in bulk: a 5%+ loss within a week. */
export const DROP_MIN_LOSS = 0.05;
/** Real accounts' followers are ~10% fake in the SRF sample; double that is a bought audience. */
export const FAKE_FOLLOWER_SHARE_LIMIT = 0.2;
export const FAKE_FOLLOWER_SHARE_SEVERE = 0.4;
export const MIN_FOLLOWER_SAMPLE = 20;

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/** Engagement rates are small; two decimals, as benchmarks are quoted (1.81%). */
export const pctEr = (x: number) => `${(x * 100).toFixed(2)}%`;
export const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

export function followRatioRule({ account }: RuleContext): RuleOutcome {
  if (account.followers <= 0) return { code: 'FOLLOW_RATIO', skipped: 'account has 0 followers' };
  const ratio = account.following / account.followers;
  if (ratio <= MAX_FOLLOWING_PER_FOLLOWER) return null;
  return {
    code: 'FOLLOW_RATIO',
    penalty: 10,
    message: `Follows ${account.following.toLocaleString('en-US')} accounts but has ${account.followers.toLocaleString('en-US')} followers (${ratio.toFixed(2)} following per follower): typical of follow-for-follow growth.`,
    evidence: { followers: account.followers, following: account.following, followingPerFollower: round(ratio), limit: MAX_FOLLOWING_PER_FOLLOWER },
  };
}

export function followingChurnRule({ account }: RuleContext): RuleOutcome {
  if (account.following < FOLLOWING_CHURN_LEVEL) return null;
  return {
    code: 'FOLLOWING_NEAR_LIMIT',
    penalty: 10,
    message: `Follows ${account.following.toLocaleString('en-US')} accounts, near Instagram's 7,500 cap: a sign of mass follow/unfollow.`,
    evidence: { following: account.following, level: FOLLOWING_CHURN_LEVEL },
  };
}

export function profileCompletenessRule({ account }: RuleContext): RuleOutcome {
  const missing: string[] = [];
  if (!account.hasProfilePicture) missing.push('profile picture');
  if (account.bio.trim() === '') missing.push('bio');
  if (account.postsCount < MIN_POSTS_FOR_COMPLETE_PROFILE) missing.push(`at least ${MIN_POSTS_FOR_COMPLETE_PROFILE} posts`);
  if (missing.length === 0) return null;
  return {
    code: 'PROFILE_INCOMPLETE',
    penalty: 5 * missing.length,
    message: `Profile lacks ${missing.join(', ')}.`,
    evidence: { hasProfilePicture: account.hasProfilePicture, bioLength: account.bio.trim().length, postsCount: account.postsCount },
  };
}

export function erVersusTierRule({ engagement, tier, expected, comments }: RuleContext): RuleOutcome {
  const er = engagement.byFollowers.median;
  if (!expected) return { code: 'ER_VS_TIER', skipped: `no benchmark for ${tier.label.toLowerCase()} accounts` };
  if (er === null || engagement.byFollowers.posts < MIN_POSTS_FOR_ER) {
    return { code: 'ER_VS_TIER', skipped: engagement.byFollowers.reason ?? `fewer than ${MIN_POSTS_FOR_ER} posts` };
  }
  const evidence = { medianEr: round(er), expectedLow: expected.low, expectedHigh: expected.high, tier: tier.label };
  if (er < expected.low * ER_BELOW_FACTOR) {
    const far = er < expected.low * ER_FAR_BELOW_FACTOR;
    return {
      code: far ? 'ER_FAR_BELOW_TIER' : 'ER_BELOW_TIER',
      penalty: far ? 20 : 10,
      message: `Median ER ${pctEr(er)} is ${far ? 'far ' : ''}below the ${tier.label.toLowerCase()} benchmark ${pctEr(expected.low)}: many followers do not engage, as with bought followers.`,
      evidence,
    };
  }
  if (er > expected.high * ER_FAR_ABOVE_FACTOR && comments && comments.total >= MIN_COMMENTS) {
    const genericShare = (comments.generic + comments.emojiOnly) / comments.total;
    if (genericShare >= POD_GENERIC_SHARE) {
      return {
        code: 'ER_FAR_ABOVE_TIER_GENERIC',
        penalty: 15,
        message: `Median ER ${pctEr(er)} is over ${ER_FAR_ABOVE_FACTOR}× the ${tier.label.toLowerCase()} benchmark ${pctEr(expected.high)} while ${pct(genericShare)} of comments are generic or emoji-only: typical of engagement pods.`,
        evidence: { ...evidence, genericOrEmojiShare: round(genericShare) },
      };
    }
  }
  return null;
}

export function likeCommentRatioRule({ recentPosts }: RuleContext): RuleOutcome {
  const usable = recentPosts.filter((p) => p.likes + p.comments > 0);
  if (usable.length < MIN_POSTS_FOR_ER) return { code: 'LIKE_COMMENT_RATIO', skipped: `fewer than ${MIN_POSTS_FOR_ER} posts with engagement` };
  const likes = usable.reduce((a, p) => a + p.likes, 0);
  const comments = usable.reduce((a, p) => a + p.comments, 0);
  const ratio = comments === 0 ? Infinity : likes / comments;
  const evidence = { likes, comments, likesPerComment: Number.isFinite(ratio) ? round(ratio, 2) : null, posts: usable.length, low: LIKES_PER_COMMENT_LOW, high: LIKES_PER_COMMENT_HIGH };
  if (ratio > LIKES_PER_COMMENT_HIGH) {
    return {
      code: 'LIKES_WITHOUT_COMMENTS',
      penalty: 10,
      message: `${Number.isFinite(ratio) ? ratio.toFixed(0) : 'All'} likes per comment over the last ${usable.length} posts: likes arrive without conversation, as with bought likes.`,
      evidence,
    };
  }
  if (ratio < LIKES_PER_COMMENT_LOW) {
    return {
      code: 'COMMENTS_WITHOUT_LIKES',
      penalty: 10,
      message: `Only ${ratio.toFixed(1)} likes per comment over the last ${usable.length} posts: comments outpace likes, as with comment pods or bought comments.`,
      evidence,
    };
  }
  return null;
}

/**
 * Authenticity score of a creator, 0–100 with reasons (issue section "Authenticity").
 *
 * Starts at 100 and subtracts the penalty of every rule that fires. Each reason names its
 * evidence; rules that could not run (too few comments, no history, …) are listed as skipped
 * so a high score on thin data is not mistaken for a clean bill of health.
 */
import {
  erVersusTierRule,
  followingChurnRule,
  followRatioRule,
  likeCommentRatioRule,
  profileCompletenessRule,
  type RuleContext,
  type RuleOutcome,
  type SkippedRule,
} from './authenticity-rules.ts';
import { commentShareRules, fakeFollowerRule, followerStepRules, podAuthorsRule } from './audience-rules.ts';
import { analyzeComments } from './comment-signals.ts';
import { computeEngagement, DEFAULT_ER_WINDOW } from './compute-engagement.ts';
import { getDefaultFakeAccountModel, scoreAccounts, type FakeAccountModel } from './fake-account-model.ts';
import { getDefaultSpamModel, type SpamModel } from './spam-comment-model.ts';
import {
  DEFAULT_TIER_BANDS,
  DEFAULT_TIER_BENCHMARKS,
  expectedEngagement,
  tierFor,
  type BenchmarkKey,
  type ErRange,
  type TierBands,
} from './tiers.ts';
import type { AccountInput, AuthenticityReason, Comment, FollowerSnapshot, Post, SocialAccount } from './types.ts';

export interface AuthenticityInput {
  account: SocialAccount;
  posts: readonly Post[];
  comments?: readonly Comment[];
  followerHistory?: readonly FollowerSnapshot[];
  followerSample?: readonly AccountInput[];
}

export interface AuthenticityOptions {
  /** Learned fake-account model for the follower sample; default: the shipped one; null: skip. */
  fakeAccountModel?: FakeAccountModel | null;
  /** Learned spam model for comments; default: the shipped one; null: skip the spam check. */
  spamModel?: SpamModel | null;
  bands?: TierBands;
  benchmarks?: Readonly<Record<BenchmarkKey, ErRange>>;
}

export interface AuthenticityReport {
  /** 0–100; 100 means no rule fired. */
  score: number;
  reasons: AuthenticityReason[];
  skipped: SkippedRule[];
  /** Learned audience-quality figures, when the inputs allowed them. */
  audience: {
    followerSample: { size: number; fake: number } | null;
    spamComments: { total: number; spam: number } | null;
  };
}

const isSkipped = (o: RuleOutcome): o is SkippedRule => o !== null && 'skipped' in o;

/**
 * Scores a creator.
 *
 * @example
 * const report = scoreAuthenticity({ account, posts, comments }, { fakeAccountModel: null });
 * report.score; // e.g. 75
 * report.reasons[0]; // { code: 'ER_FAR_BELOW_TIER', penalty: 20, message: 'Median ER 0.3% is far below…', evidence: {…} }
 */
export function scoreAuthenticity(input: AuthenticityInput, options: AuthenticityOptions = {}): AuthenticityReport {
  const spamModel = options.spamModel === undefined ? getDefaultSpamModel() : options.spamModel;
  const comments = input.comments && input.comments.length > 0 ? analyzeComments(input.comments, spamModel) : null;
  let followerSample: RuleContext['followerSample'] = null;
  if (input.followerSample && input.followerSample.length > 0) {
    const model = options.fakeAccountModel === undefined ? getDefaultFakeAccountModel() : options.fakeAccountModel;
    if (model) {
      const scored = scoreAccounts(model, input.followerSample);
      followerSample = { size: scored.length, fake: scored.filter((s) => s.label === 'fake').length };
    }
  }
  const bands = options.bands ?? DEFAULT_TIER_BANDS;
  const engagement = computeEngagement({ followers: input.account.followers, posts: input.posts });
  const ctx: RuleContext = {
    account: input.account,
    engagement,
    recentPosts: input.posts
      .slice()
      .sort((a, b) => b.postedAt.getTime() - a.postedAt.getTime())
      .slice(0, DEFAULT_ER_WINDOW),
    tier: tierFor(input.account.followers, bands),
    expected: expectedEngagement(input.account.followers, bands, options.benchmarks ?? DEFAULT_TIER_BENCHMARKS),
    comments,
    history: input.followerHistory ?? [],
    followerSample,
  };
  const outcomes: RuleOutcome[] = [
    followRatioRule(ctx),
    followingChurnRule(ctx),
    profileCompletenessRule(ctx),
    erVersusTierRule(ctx),
    likeCommentRatioRule(ctx),
    ...commentShareRules(ctx),
    podAuthorsRule(ctx),
    ...followerStepRules(ctx),
    fakeFollowerRule(ctx),
  ];
  const reasons = outcomes
    .filter((o): o is AuthenticityReason => o !== null && !isSkipped(o))
    .sort((a, b) => b.penalty - a.penalty);
  const penalty = reasons.reduce((sum, r) => sum + r.penalty, 0);
  return {
    score: Math.max(0, 100 - penalty),
    reasons,
    skipped: outcomes.filter(isSkipped),
    audience: {
      followerSample,
      spamComments: comments && comments.spam !== null ? { total: comments.total, spam: comments.spam } : null,
    },
  };
}

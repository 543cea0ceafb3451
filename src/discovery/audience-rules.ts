/**
 * Authenticity rules on the audience side: comment quality, comment pods, follower-history
 * step changes and the learned fake-follower share. Thresholds live in authenticity-rules.ts.
 */
import {
  DROP_MIN_LOSS,
  DUPLICATE_SHARE_LIMIT,
  EMOJI_ONLY_SHARE_LIMIT,
  FAKE_FOLLOWER_SHARE_LIMIT,
  FAKE_FOLLOWER_SHARE_SEVERE,
  GENERIC_SHARE_LIMIT,
  MIN_COMMENTS,
  MIN_FOLLOWER_SAMPLE,
  MIN_POSTS_FOR_POD_CHECK,
  POD_MIN_REGULARS,
  POD_REGULAR_COMMENT_SHARE,
  SPAM_SHARE_LIMIT,
  SPIKE_MAX_DAYS,
  SPIKE_MIN_JUMP,
  SPIKE_PACE_MULTIPLE,
  pct,
  round,
  type RuleContext,
  type RuleOutcome,
} from './authenticity-rules.ts';
import { median } from './stats.ts';

const DAY_MS = 86_400_000;

/** One rule per comment-share signal; each fires on its own evidence. */
export function commentShareRules({ comments }: RuleContext): RuleOutcome[] {
  if (!comments || comments.total < MIN_COMMENTS) {
    return [{ code: 'COMMENT_QUALITY', skipped: `fewer than ${MIN_COMMENTS} comments (${comments?.total ?? 0})` }];
  }
  const total = comments.total;
  const checks: { code: string; count: number | null; limit: number; penalty: number; what: string; why: string }[] = [
    { code: 'GENERIC_COMMENTS', count: comments.generic, limit: GENERIC_SHARE_LIMIT, penalty: 10, what: 'generic praise ("nice pic!")', why: 'comments that fit any post come from pods or bots' },
    { code: 'EMOJI_ONLY_COMMENTS', count: comments.emojiOnly, limit: EMOJI_ONLY_SHARE_LIMIT, penalty: 5, what: 'emoji only', why: 'emoji strings are the cheapest comment to automate' },
    { code: 'DUPLICATE_COMMENTS', count: comments.duplicate, limit: DUPLICATE_SHARE_LIMIT, penalty: 10, what: 'copies of another comment', why: 'copy-paste is a bot signature' },
    { code: 'SPAM_COMMENTS', count: comments.spam, limit: SPAM_SHARE_LIMIT, penalty: 10, what: 'spam per the comment classifier', why: 'self-promotion and link spam crowd out the real audience' },
  ];
  return checks.map((c) => {
    if (c.count === null) return { code: c.code, skipped: 'no spam model' };
    const share = c.count / total;
    if (share < c.limit) return null;
    return {
      code: c.code,
      penalty: c.penalty,
      message: `${pct(share)} of ${total} comments are ${c.what}: ${c.why}.`,
      evidence: { comments: total, matching: c.count, share: round(share), limit: c.limit },
    };
  });
}

export function podAuthorsRule({ comments }: RuleContext): RuleOutcome {
  if (!comments || comments.postsWithComments < MIN_POSTS_FOR_POD_CHECK) {
    return { code: 'REPEATED_COMMENT_AUTHORS', skipped: `comments with post ids on fewer than ${MIN_POSTS_FOR_POD_CHECK} posts` };
  }
  const share = comments.total === 0 ? 0 : comments.regularAuthorComments / comments.total;
  if (comments.regularAuthors < POD_MIN_REGULARS || share < POD_REGULAR_COMMENT_SHARE) return null;
  return {
    code: 'REPEATED_COMMENT_AUTHORS',
    penalty: 15,
    message: `${comments.regularAuthors} accounts comment under at least half of ${comments.postsWithComments} posts and write ${pct(share)} of all comments: the pattern of an engagement pod.`,
    evidence: { regularAuthors: comments.regularAuthors, postsWithComments: comments.postsWithComments, regularCommentShare: round(share), minRegulars: POD_MIN_REGULARS, shareLimit: POD_REGULAR_COMMENT_SHARE },
  };
}

/** Follower spikes (purchases) and sudden drops (platform purges of bought followers). */
export function followerStepRules({ history }: RuleContext): RuleOutcome[] {
  const sorted = history.slice().sort((a, b) => a.at.getTime() - b.at.getTime());
  if (sorted.length < 3) return [{ code: 'FOLLOWER_STEP_CHANGE', skipped: 'fewer than three follower snapshots' }];
  const steps = sorted.slice(1).map((s, i) => {
    const prev = sorted[i]!;
    const days = Math.max((s.at.getTime() - prev.at.getTime()) / DAY_MS, 1e-9);
    const change = prev.followers === 0 ? 0 : (s.followers - prev.followers) / prev.followers;
    return { from: prev.at, to: s.at, days, change, before: prev.followers, after: s.followers };
  });
  const out: RuleOutcome[] = [];
  const spikes = steps.filter((st, i) => {
    if (st.days > SPIKE_MAX_DAYS || st.change < SPIKE_MIN_JUMP) return false;
    // Usual pace: median daily growth of the other intervals, floored so a flat history
    // (pace 0) still lets only real jumps through.
    const pace = median(steps.filter((_, j) => j !== i).map((o) => o.change / o.days)) ?? 0;
    return st.change / st.days >= SPIKE_PACE_MULTIPLE * Math.max(pace, 0.001);
  });
  const biggest = spikes.sort((a, b) => b.change - a.change)[0];
  if (biggest) {
    out.push({
      code: 'FOLLOWER_SPIKE',
      penalty: 15,
      message: `Followers jumped ${pct(biggest.change)} (${biggest.before.toLocaleString('en-US')} → ${biggest.after.toLocaleString('en-US')}) in ${biggest.days.toFixed(0)} days, far faster than usual: a sign of bought followers.`,
      evidence: { from: biggest.from.toISOString(), to: biggest.to.toISOString(), before: biggest.before, after: biggest.after, change: round(biggest.change), spikes: spikes.length },
    });
  }
  const drop = steps.filter((st) => st.days <= SPIKE_MAX_DAYS && -st.change >= DROP_MIN_LOSS).sort((a, b) => a.change - b.change)[0];
  if (drop) {
    out.push({
      code: 'FOLLOWER_DROP',
      penalty: 10,
      message: `Followers fell ${pct(-drop.change)} (${drop.before.toLocaleString('en-US')} → ${drop.after.toLocaleString('en-US')}) in ${drop.days.toFixed(0)} days: platforms remove bought followers in such bulk purges.`,
      evidence: { from: drop.from.toISOString(), to: drop.to.toISOString(), before: drop.before, after: drop.after, change: round(drop.change) },
    });
  }
  return out.length > 0 ? out : [null];
}

export function fakeFollowerRule({ followerSample }: RuleContext): RuleOutcome {
  if (!followerSample || followerSample.size < MIN_FOLLOWER_SAMPLE) {
    return { code: 'FAKE_FOLLOWERS', skipped: `follower sample smaller than ${MIN_FOLLOWER_SAMPLE} (${followerSample?.size ?? 0})` };
  }
  const share = followerSample.fake / followerSample.size;
  if (share < FAKE_FOLLOWER_SHARE_LIMIT) return null;
  const severe = share >= FAKE_FOLLOWER_SHARE_SEVERE;
  return {
    code: 'FAKE_FOLLOWERS',
    penalty: severe ? 30 : 15,
    message: `The fake-account model flags ${followerSample.fake} of ${followerSample.size} sampled followers (${pct(share)}); around 10% is usual.`,
    evidence: { sampled: followerSample.size, fake: followerSample.fake, share: round(share), limit: FAKE_FOLLOWER_SHARE_LIMIT },
  };
}

import { describe, expect, it } from 'vitest';
import { scoreAuthenticity, type AuthenticityInput, type AuthenticityOptions } from './score-authenticity.ts';
import { DAY_MS, T0, makeAccount, makeComment, makePost } from './test-helpers.ts';
import type { AccountInput, Comment, FollowerSnapshot } from './types.ts';

const OFF: AuthenticityOptions = { spamModel: null, fakeAccountModel: null };

/** 12 weekly posts with the given likes and comments each. */
const posts = (likes: number, comments: number) =>
  Array.from({ length: 12 }, (_, i) => makePost(i * 7, { id: `p${i}`, likes, comments }));

/** Specific, unique, one-author-each comments spread over the 12 posts. */
const organic = (n: number): Comment[] =>
  Array.from({ length: n }, (_, i) => makeComment(`fan${i}`, `Question ${i}: which trail near Zurich is this, and how long did it take?`, `p${i % 12}`));

/** Weekly follower snapshots growing 0.25% a week, with optional overrides by week. */
function history(weeks: number, jump: Record<number, number> = {}): FollowerSnapshot[] {
  let f = 19_000;
  return Array.from({ length: weeks }, (_, w) => {
    f = Math.round(f * (1 + (jump[w] ?? 0.0025)));
    return { at: new Date(T0 + w * 7 * DAY_MS), followers: f };
  });
}

// Micro creator (expected ER 1.81%) with ER 1.95% and 38 likes per comment.
const clean: AuthenticityInput = { account: makeAccount(), posts: posts(380, 10), comments: organic(30), followerHistory: history(20) };

const codes = (input: Partial<AuthenticityInput>, options: AuthenticityOptions = OFF) =>
  scoreAuthenticity({ ...clean, ...input }, options).reasons.map((r) => r.code);

describe('scoreAuthenticity', () => {
  it('gives a clean profile 100 with no reasons, and lists what it could not check', () => {
    const report = scoreAuthenticity(clean, OFF);
    expect(report.score).toBe(100);
    expect(report.reasons).toEqual([]);
    expect(report.skipped.map((s) => s.code)).toEqual(['SPAM_COMMENTS', 'FAKE_FOLLOWERS']);
  });

  it('flags following more accounts than followers', () => {
    const report = scoreAuthenticity({ ...clean, account: makeAccount({ followers: 5_000, following: 6_000 }), posts: posts(145, 5) }, OFF);
    expect(report.reasons.map((r) => r.code)).toEqual(['FOLLOW_RATIO']);
    expect(report.reasons[0]!.evidence).toMatchObject({ followers: 5_000, following: 6_000, followingPerFollower: 1.2 });
    expect(report.score).toBe(90);
  });

  it('flags following near the platform cap', () => {
    expect(codes({ account: makeAccount({ following: 7_200 }) })).toEqual(['FOLLOWING_NEAR_LIMIT']);
  });

  it('flags an incomplete profile, 5 points per missing item', () => {
    const report = scoreAuthenticity({ ...clean, account: makeAccount({ hasProfilePicture: false, bio: ' ' }) }, OFF);
    expect(report.reasons).toHaveLength(1);
    expect(report.reasons[0]).toMatchObject({ code: 'PROFILE_INCOMPLETE', penalty: 10, evidence: { hasProfilePicture: false, bioLength: 0 } });
  });

  it('flags ER below and far below the tier benchmark', () => {
    // 160 / 20,000 = 0.8% < half of 1.81%; 55 / 20,000 = 0.275% < a quarter.
    expect(codes({ posts: posts(155, 5) })).toEqual(['ER_BELOW_TIER']);
    const far = scoreAuthenticity({ ...clean, posts: posts(54, 1) }, OFF);
    expect(far.reasons[0]).toMatchObject({ code: 'ER_FAR_BELOW_TIER', penalty: 20, evidence: { medianEr: 0.0028, expectedLow: 0.0181 } });
  });

  it('flags ER far above the benchmark only together with generic comments', () => {
    const high = posts(1_560, 40); // 8% ER
    expect(codes({ posts: high })).toEqual([]);
    const generic = [...organic(15), ...Array.from({ length: 15 }, (_, i) => makeComment(`g${i}`, ['Nice pic!', 'Amazing 😍', 'love it', 'so cool'][i % 4]!, `p${i % 12}`))];
    expect(codes({ posts: high, comments: generic })).toEqual(['ER_FAR_ABOVE_TIER_GENERIC', 'GENERIC_COMMENTS']);
  });

  it('flags like-to-comment anomalies both ways', () => {
    expect(codes({ posts: posts(389, 1) })).toEqual(['LIKES_WITHOUT_COMMENTS']);
    expect(codes({ posts: posts(100, 290) })).toEqual(['COMMENTS_WITHOUT_LIKES']);
  });

  it('flags generic, emoji-only and duplicate comment shares', () => {
    const with_ = (extra: Comment[]) => ({ comments: [...organic(30 - extra.length), ...extra] });
    const generic = Array.from({ length: 12 }, (_, i) => makeComment(`g${i}`, 'great shot!!', `p${i}`));
    expect(codes(with_(generic))).toEqual(['GENERIC_COMMENTS']);
    const emoji = Array.from({ length: 10 }, (_, i) => makeComment(`e${i}`, '🔥🔥', `p${i}`));
    expect(codes(with_(emoji))).toEqual(['EMOJI_ONLY_COMMENTS']);
    const dupes = Array.from({ length: 4 }, (_, i) => makeComment(`d${i}`, 'What camera do you use for these?', `p${i}`));
    const report = scoreAuthenticity({ ...clean, ...with_(dupes) }, OFF);
    expect(report.reasons.map((r) => r.code)).toEqual(['DUPLICATE_COMMENTS']);
    expect(report.reasons[0]!.evidence).toMatchObject({ comments: 30, matching: 4 });
  });

  it('flags spam comments with the learned spam model', () => {
    const spam = ['Check out my channel, subscribe please', 'Free gift cards at www.gift-free.com', 'Visit my page for cheap followers http://x.co/1', 'Subscribe to my YouTube channel for new music!!', 'Make money online, click www.cash-now.net'].map((t, i) => makeComment(`s${i}`, t, `p${i}`));
    const report = scoreAuthenticity({ ...clean, comments: [...organic(25), ...spam] }, { fakeAccountModel: null });
    expect(report.reasons.map((r) => r.code)).toEqual(['SPAM_COMMENTS']);
    expect(report.audience.spamComments).toEqual({ total: 30, spam: 5 });
  });

  it('flags the same authors under most posts (pods)', () => {
    const pod = Array.from({ length: 6 }, (_, m) =>
      Array.from({ length: 12 }, (_, p) => makeComment(`pod${m}`, `Post ${p} from member ${m}: the colours on this one work really well`, `p${p}`)),
    ).flat();
    const report = scoreAuthenticity({ ...clean, comments: [...organic(24), ...pod] }, OFF);
    expect(report.reasons.map((r) => r.code)).toEqual(['REPEATED_COMMENT_AUTHORS']);
    expect(report.reasons[0]!.evidence).toMatchObject({ regularAuthors: 6, postsWithComments: 12, regularCommentShare: 0.75 });
  });

  it('flags follower spikes and drops', () => {
    const spike = scoreAuthenticity({ ...clean, followerHistory: history(20, { 12: 0.2 }) }, OFF);
    expect(spike.reasons.map((r) => r.code)).toEqual(['FOLLOWER_SPIKE']);
    expect(spike.reasons[0]!.evidence.change).toBeCloseTo(0.2, 3);
    expect(codes({ followerHistory: history(20, { 8: -0.08 }) })).toEqual(['FOLLOWER_DROP']);
  });

  it('flags a follower sample the fake-account model finds largely fake', () => {
    const real: AccountInput = { username: 'lena.keller', followers: 420, following: 390, posts: 85, hasProfilePicture: true, isPrivate: true };
    const fake: AccountInput = { username: 'hdyshbs_88213', followers: 3, following: 7_300, posts: 0, hasProfilePicture: false, isPrivate: false };
    const sample = [...Array.from({ length: 18 }, (_, i) => ({ ...real, username: `lena.keller${i}` })), ...Array.from({ length: 12 }, () => fake)];
    const report = scoreAuthenticity({ ...clean, followerSample: sample }, { spamModel: null });
    expect(report.reasons).toHaveLength(1);
    expect(report.reasons[0]).toMatchObject({ code: 'FAKE_FOLLOWERS', penalty: 30, evidence: { sampled: 30, fake: 12, share: 0.4 } });
    expect(report.score).toBe(70);
  });

  it('never goes below 0', () => {
    const report = scoreAuthenticity({ account: makeAccount({ followers: 20_000, following: 25_000, hasProfilePicture: false, bio: '', postsCount: 2 }), posts: posts(10, 0), followerHistory: history(20, { 5: 0.3, 9: -0.2 }), comments: Array.from({ length: 30 }, (_, i) => makeComment('bot', 'so cool wow amazing pic', `p${i % 12}`)) }, OFF);
    expect(report.score).toBe(0);
    expect(report.reasons.length).toBeGreaterThan(5);
  });
});

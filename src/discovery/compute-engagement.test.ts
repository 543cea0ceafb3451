import { describe, expect, it } from 'vitest';
import { computeEngagement } from './compute-engagement.ts';
import { DAY_MS, T0, makePost } from './test-helpers.ts';
import type { Post } from './types.ts';

// 12 weekly posts whose interactions are 100, 120, …, 300 and one viral 1,000, newest last.
const totals = [100, 120, 140, 160, 180, 200, 220, 240, 260, 280, 300, 1000];
function recentPosts(): Post[] {
  return totals.map((total, i) =>
    makePost(100 + i * 7, {
      // Split each total over the four counts to check they are all summed.
      likes: total - 40,
      comments: 20,
      shares: 10,
      saves: 10,
      format: i < 4 ? 'reel' : 'image',
      views: i < 4 ? [10_000, 5_000, 2_000, 4_000][i]! : null,
      sponsored: i % 4 === 0,
      gifted: i === 1,
    }),
  );
}
// Two older posts with huge counts that must fall outside the 12-post window.
const old = [makePost(10, { likes: 50_000, format: 'carousel' }), makePost(20, { likes: 50_000, format: 'carousel' })];

describe('computeEngagement', () => {
  const report = computeEngagement({ followers: 10_000, posts: [...old, ...recentPosts()] });

  it('takes median and mean ER by followers over the last 12 posts', () => {
    expect(report.postsConsidered).toBe(12);
    // sorted totals: 6th and 7th are 200 and 220 → 210 / 10,000
    expect(report.byFollowers.median).toBeCloseTo(0.021, 12);
    // (11 × 200 + 1000) / 12 / 10,000
    expect(report.byFollowers.mean).toBeCloseTo(3200 / 12 / 10_000, 12);
    expect(report.byFollowers.formula).toContain('(likes + comments + shares + saves) / followers');
    expect(report.byFollowers.reason).toBeNull();
  });

  it('computes ER by views over posts that report views', () => {
    // 100/10,000, 120/5,000, 140/2,000, 160/4,000 = 0.01, 0.024, 0.07, 0.04
    expect(report.byViews.posts).toBe(4);
    expect(report.byViews.median).toBeCloseTo(0.032, 12);
    expect(report.byViews.mean).toBeCloseTo(0.036, 12);
  });

  it('splits engagement by format over all posts', () => {
    const reel = report.byFormat.find((f) => f.format === 'reel')!;
    expect(reel.posts).toBe(4);
    expect(reel.medianEr).toBeCloseTo(0.013, 12); // (120 + 140) / 2 / 10,000
    const carousel = report.byFormat.find((f) => f.format === 'carousel')!;
    expect(carousel.medianEr).toBeCloseTo(5, 12);
  });

  it('measures cadence and sponsored share', () => {
    expect(report.cadence.postsPerWeek).toBeCloseTo(1, 12);
    expect(report.cadence.medianGapDays).toBe(7);
    expect(report.sponsored).toMatchObject({ share: 0.25, sponsored: 3, gifted: 1, posts: 12 });
  });

  it('computes follower growth from history, interpolating', () => {
    const at = (d: number, followers: number) => ({ at: new Date(T0 + d * DAY_MS), followers });
    const g = computeEngagement({ followers: 10_000, posts: [], followerHistory: [at(90, 10_000), at(0, 8_000), at(60, 9_000)] }).growth;
    expect(g.days30).toBeCloseTo(1000 / 9000, 12);
    expect(g.days90).toBeCloseTo(0.25, 12);
    const interp = computeEngagement({ followers: 10_000, posts: [], followerHistory: [at(0, 8_000), at(90, 10_000)] }).growth;
    expect(interp.days30).toBeCloseTo((10_000 - 28_000 / 3) / (28_000 / 3), 12);
    const short = computeEngagement({ followers: 1, posts: [], followerHistory: [at(0, 8_000), at(40, 9_000)] }).growth;
    // 30 days before day 40 is day 10: 8,000 + 10/40 × 1,000 = 8,250
    expect(short.days30).toBeCloseTo(750 / 8250, 12);
    expect(short.days90).toBeNull();
    expect(short.reason).toBe('history covers 40 days');
  });

  it('returns nulls with reasons for zero followers and no posts', () => {
    const zero = computeEngagement({ followers: 0, posts: recentPosts() });
    expect(zero.byFollowers).toMatchObject({ median: null, mean: null, reason: 'account has 0 followers' });
    expect(zero.byViews.median).not.toBeNull();
    const none = computeEngagement({ followers: 5_000, posts: [] });
    expect(none.byFollowers.reason).toBe('no posts');
    expect(none.byViews.reason).toBe('no posts');
    expect(none.cadence).toMatchObject({ postsPerWeek: null, reason: 'fewer than two posts' });
    expect(none.sponsored.share).toBeNull();
    expect(none.growth.reason).toBe('fewer than two follower snapshots');
  });

  it('honours a custom window', () => {
    const r = computeEngagement({ followers: 10_000, posts: recentPosts() }, { window: 2 });
    expect(r.byFollowers.median).toBeCloseTo(650 / 10_000, 12);
    expect(r.byFollowers.formula).toContain('last 2 posts');
  });
});

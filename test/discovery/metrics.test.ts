import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { account, importJson, posts, profileOf, search, type Rec } from './fixtures.ts';

/** Comments the shipped spam model classifies as ham (checked when these tests were written). */
const GENUINE = [
  'Where did you get the rug?', 'How long did the dough rest?', 'This looks delicious, saving it', 'Tried it yesterday, my kids loved it',
  'What oven temperature did you use?', 'Great tip about the salt, thanks', 'Lovely light in this shot', 'Is this gluten free?', 'Which pan is that?',
  'The colours are gorgeous here', 'How many servings does it make?', 'Love the plating', 'Which city is this?', 'Looks like a cozy place',
  'What camera do you use?', 'My cat does the same thing', 'Perfect timing, I was just looking for this', 'The view is unreal', 'Cute dog in the corner',
  'What brand is the jacket?', 'Where was this taken?', 'How long did the yoga take you?',
];
const SPAM = ['Check out my channel and subscribe www.freegift.biz', 'subscribe to my channel please, I follow back!!', 'Win a free iPhone, visit bit.ly/free-phone now', 'Make money from home, check my profile link'];
const comments = (texts: string[]) => texts.map((text, i) => ({ postId: `p${i % 12}`, author: `fan${i}`, text }));
const fakeFollower = (i: number) => ({ username: `user${84712345 + i * 7919}`, followers: 3, following: 7400 - i, posts: 0, hasProfilePicture: false, isPrivate: false });
const realFollower = (i: number) => ({ username: `${'abcdefghijklm'[i]}ria_k`, followers: 300 + i * 20, following: 280, posts: 120, hasProfilePicture: true, isPrivate: false });
const day = (d: string) => `2025-${d}T00:00:00Z`;

/** Hand-computed case: see the expectations in the first test. */
const HANA_POSTS = Array.from({ length: 14 }, (_, i) => ({
  id: `h${i}`,
  postedAt: `2025-03-${String(i + 1).padStart(2, '0')}T12:00:00Z`,
  format: i % 2 === 0 ? 'reel' : 'image',
  views: i % 2 === 0 ? 10_000 : null,
  likes: i === 13 ? 10_000 : 100 * (i + 1),
  comments: 10,
  shares: 5,
  saves: 5,
  sponsored: i >= 12,
  gifted: i === 11,
  caption: 'Vegan recipe of the day #vegan',
}));

const REASON_CASES: [string, Rec, string[]][] = [
  ['r.clean', {}, []],
  ['r.ratio', { followers: 2_000, following: 3_000, posts: posts(12, 50) }, ['FOLLOW_RATIO']],
  ['r.churn', { following: 7_200 }, ['FOLLOWING_NEAR_LIMIT']],
  ['r.incomplete', { hasProfilePicture: false, bio: '', postsCount: 4 }, ['PROFILE_INCOMPLETE']],
  ['r.bought', { followers: 100_000, posts: posts(12, 100) }, ['ER_FAR_BELOW_TIER']],
  ['r.quiet', { followers: 100_000, posts: posts(12, 250) }, ['ER_BELOW_TIER']],
  ['r.pod', { followers: 10_000, posts: posts(12, 800), comments: comments(Array.from({ length: 24 }, (_, i) => ['Nice pic!', 'Amazing!!', 'love this', 'so cute'][i % 4]!)) }, ['ER_FAR_ABOVE_TIER_GENERIC', 'GENERIC_COMMENTS']],
  ['r.likes', { posts: posts(12, 400, () => ({ likes: 398, comments: 1, shares: 1, saves: 0 })) }, ['LIKES_WITHOUT_COMMENTS']],
  ['r.chatty', { posts: posts(12, 400, () => ({ likes: 100, comments: 290, shares: 5, saves: 5 })) }, ['COMMENTS_WITHOUT_LIKES']],
  ['r.generic', { comments: comments([...GENUINE.slice(0, 12), 'Nice pic!', 'Amazing!!', 'love this', 'so cute', 'wow', 'great post', 'keep it up', 'Beautiful']) }, ['GENERIC_COMMENTS']],
  ['r.emoji', { comments: comments([...GENUINE.slice(0, 13), '🔥🔥🔥', '😍😍', '👏👏👏', '❤️❤️', '💯', '🙌', '😂😂']) }, ['EMOJI_ONLY_COMMENTS']],
  ['r.copies', { comments: comments([...GENUINE.slice(0, 17), 'The view from that window is unreal', 'The view from that window is unreal!', 'the VIEW from that window is unreal']) }, ['DUPLICATE_COMMENTS']],
  ['r.spam', { comments: comments([...GENUINE.slice(0, 16), ...SPAM]) }, ['SPAM_COMMENTS']],
  [
    'r.pods',
    { comments: [...Array.from({ length: 48 }, (_, i) => ({ postId: `p${i % 8}`, author: `pod${Math.floor(i / 8)}`, text: `pod${Math.floor(i / 8)} says hi on post ${i % 8}` })), ...comments(GENUINE.slice(0, 12))] },
    ['REPEATED_COMMENT_AUTHORS'],
  ],
  ['r.spike', { followers: 25_200, followerHistory: [{ at: day('01-01'), followers: 20_000 }, { at: day('01-31'), followers: 20_400 }, { at: day('02-03'), followers: 25_000 }, { at: day('03-01'), followers: 25_200 }] }, ['FOLLOWER_SPIKE']],
  ['r.drop', { followers: 19_000, followerHistory: [{ at: day('01-01'), followers: 20_000 }, { at: day('01-31'), followers: 20_400 }, { at: day('02-03'), followers: 18_800 }, { at: day('03-01'), followers: 19_000 }] }, ['FOLLOWER_DROP']],
  ['r.fakes', { followerSample: [...Array.from({ length: 12 }, (_, i) => fakeFollower(i)), ...Array.from({ length: 13 }, (_, i) => realFollower(i))] }, ['FAKE_FOLLOWERS']],
];

describe.each(ENGINES)('creator metrics and authenticity on %s', (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    env = await createTestEnv(engine);
    auth = (await workspaceWithKey(env)).auth;
    const res = await importJson(env, auth, [
      account('hana.eats', {
        followers: 50_000,
        following: 400,
        postsCount: 500,
        bio: 'Vegan food',
        posts: HANA_POSTS,
        followerHistory: [{ at: day('12-14').replace('2025', '2024'), followers: 36_000 }, { at: day('01-13'), followers: 40_000 }, { at: day('02-12'), followers: 45_000 }, { at: day('03-14'), followers: 50_000 }],
      }),
      account('lower.er', { followers: 60_000, bio: 'Vegan food', posts: posts(12, 600, () => ({ caption: 'Vegan recipe #vegan' })) }),
      ...REASON_CASES.map(([handle, overrides]) => account(handle, overrides)),
    ]);
    expect(res.statusCode, res.body).toBe(200);
    for (const a of res.json().accounts) ids.set(a.handle, a.influencerId);
  });
  afterAll(() => env?.close());

  it('computes every engagement figure as the formulas say (hand-computed case)', async () => {
    const m = (await profileOf(env, auth, ids.get('hana.eats')!)).metrics;
    // Last 12 posts: interactions 320, 420, …, 1320 and 10,020 over 50,000 followers.
    expect(m.engagement.byFollowers.median).toBeCloseTo(870 / 50_000, 10);
    expect(m.engagement.byFollowers.mean).toBeCloseTo(19_040 / 12 / 50_000, 10);
    expect(m.engagement.byFollowers.formula).toMatch(/\(likes \+ comments \+ shares \+ saves\) \/ followers/);
    // Reels among them (posts 2, 4, …, 12) over 10,000 views each.
    expect(m.engagement.byViews).toMatchObject({ posts: 6 });
    expect(m.engagement.byViews.median).toBeCloseTo(0.082, 10);
    expect(m.engagement.byViews.mean).toBeCloseTo(0.082, 10);
    const byFormat = Object.fromEntries(m.engagement.byFormat.map((f: any) => [f.format, f]));
    expect(byFormat.reel.posts).toBe(7);
    expect(byFormat.reel.medianEr).toBeCloseTo(720 / 50_000, 10);
    expect(byFormat.image.medianEr).toBeCloseTo(820 / 50_000, 10);
    expect(byFormat.image.meanEr).toBeCloseTo(14_340 / 7 / 50_000, 10);
    expect(m.engagement.cadence.postsPerWeek).toBeCloseTo(7, 10);
    expect(m.engagement.cadence.medianGapDays).toBe(1);
    expect(m.engagement.sponsored).toMatchObject({ sponsored: 2, gifted: 1, posts: 12 });
    expect(m.engagement.sponsored.share).toBeCloseTo(2 / 12, 10);
    expect(m.engagement.growth.days30).toBeCloseTo(5_000 / 45_000, 10);
    expect(m.engagement.growth.days90).toBeCloseTo(14_000 / 36_000, 10);
    expect(m.tier).toMatchObject({ id: 'micro', label: 'Mid-tier', midTier: true, min: 50_000, max: 100_000 });
    expect(m.benchmark).toMatchObject({ key: 'mid-tier', low: 0.0124, high: 0.0124, custom: false });
    expect(m.comparison).toMatchObject({ verdict: 'above', benchmarkMidpoint: 0.0124 });
    expect(m.comparison.ratio).toBeCloseTo(0.0174 / 0.0124, 10);
    // Two mid-tier food creators: Hana above the other, so (1 + ½) / 2.
    expect(m.percentile).toMatchObject({ value: 75, tier: 'micro', niche: 'food-beverage', cohortSize: 2 });
    const p = await profileOf(env, auth, ids.get('hana.eats')!);
    expect(p.authenticity).toMatchObject({ score: 100, reasons: [] });
    expect(p.posts.recent[0]).toMatchObject({ id: 'h13', sponsored: true });
    expect(p.posts.recent[0].engagementRate).toBeCloseTo(10_020 / 50_000, 10);
    const found = (await search(env, auth, 'niche=food-beverage&sort=engagement')).json().data;
    expect(found[0]).toMatchObject({ handle: 'hana.eats', followers: 50_000, authenticityScore: 100 });
    expect(found[0].engagementRate).toBeCloseTo(0.0174, 6);
  });

  it.each(REASON_CASES)('explains %s with its evidence', async (handle, _overrides, codes) => {
    const a = (await profileOf(env, auth, ids.get(handle)!)).authenticity;
    expect(a.reasons.map((r: any) => r.code).sort(), JSON.stringify(a.reasons)).toEqual([...codes].sort());
    expect(a.score).toBe(Math.max(0, 100 - a.reasons.reduce((s: number, r: any) => s + r.penalty, 0)));
    for (const r of a.reasons) {
      expect(r.message.length).toBeGreaterThan(20);
      expect(Object.keys(r.evidence).length).toBeGreaterThan(0);
    }
    if (handle === 'r.ratio') expect(a.reasons[0].evidence).toMatchObject({ followers: 2000, following: 3000, followingPerFollower: 1.5 });
    if (handle === 'r.fakes') expect(a.reasons[0]).toMatchObject({ penalty: 30, evidence: { sampled: 25, fake: 12 } });
    if (handle === 'r.spike') expect(a.reasons[0].evidence).toMatchObject({ before: 20_400, after: 25_000 });
    if (handle === 'r.clean') expect(a.score).toBe(100);
  });

  it('filters on authenticity and shows the score in search', async () => {
    const clean = (await search(env, auth, 'minAuthenticity=100&limit=100')).json().data.map((c: any) => c.handle);
    expect(clean).toEqual(expect.arrayContaining(['r.clean', 'hana.eats']));
    expect(clean).not.toContain('r.fakes');
  });

  it('recomputes tiers and verdicts when the workspace edits its benchmarks and bands', async () => {
    const put = await env.app.inject({
      method: 'PUT',
      url: '/api/v1/discovery/settings',
      headers: auth,
      payload: { tierBands: { nano: 1_000, micro: 10_000, midTier: 30_000, macro: 55_000, mega: 1_000_000 }, tierBenchmarks: { nano: { low: 0.03, high: 0.03 }, micro: { low: 0.02, high: 0.02 }, 'mid-tier': { low: 0.015, high: 0.015 }, macro: { low: 0.1, high: 0.12 }, mega: { low: 0.006, high: 0.009 } } },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().recomputed).toBe(REASON_CASES.length + 2);
    const m = (await profileOf(env, auth, ids.get('hana.eats')!)).metrics;
    expect(m.tier).toMatchObject({ id: 'micro', midTier: true, min: 30_000, max: 55_000 });
    expect(m.benchmark).toMatchObject({ low: 0.015, custom: true, source: 'set by this workspace' });
    const lower = await profileOf(env, auth, ids.get('lower.er')!);
    expect(lower.metrics.tier.id).toBe('macro');
    expect(lower.authenticity.reasons.map((r: any) => r.code)).toContain('ER_FAR_BELOW_TIER');
    expect((await search(env, auth, 'tier=macro&limit=100')).json().data.map((c: any) => c.handle)).toContain('lower.er');
    const reset = await env.app.inject({ method: 'PUT', url: '/api/v1/discovery/settings', headers: auth, payload: { tierBands: null, tierBenchmarks: null } });
    expect(reset.json().settings.custom).toMatchObject({ tierBands: false, tierBenchmarks: false });
    expect((await profileOf(env, auth, ids.get('lower.er')!)).metrics.tier.id).toBe('micro');
  });

  it('validates settings, keeps the YouTube key secret and needs the write scope', async () => {
    const bad = await env.app.inject({ method: 'PUT', url: '/api/v1/discovery/settings', headers: auth, payload: { tierBands: { nano: 1, micro: 1, midTier: 2, macro: 3, mega: 4 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/increase strictly/);
    const rate = await env.app.inject({ method: 'PUT', url: '/api/v1/discovery/settings', headers: auth, payload: { tierBenchmarks: { nano: { low: 2.71, high: 2.71 } } } });
    expect(rate.statusCode).toBe(400);
    const key = await env.app.inject({ method: 'PUT', url: '/api/v1/discovery/settings', headers: auth, payload: { youtube: { apiKey: 'AIza-secret-key' } } });
    expect(key.statusCode, key.body).toBe(200);
    const got = await env.app.inject({ method: 'GET', url: '/api/v1/discovery/settings', headers: auth });
    expect(got.json().settings.youtube).toEqual({ baseUrl: 'https://www.googleapis.com/youtube/v3', apiKeySet: true });
    expect(got.body).not.toContain('AIza-secret-key');
    expect(got.json().settings.nicheTaxonomy.length).toBeGreaterThan(10);
    const readOnly = await workspaceWithKey(env, ['read']);
    expect((await env.app.inject({ method: 'PUT', url: '/api/v1/discovery/settings', headers: readOnly.auth, payload: { tierBands: null } })).statusCode).toBe(403);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/discovery/settings', headers: readOnly.auth })).json().settings.youtube.apiKeySet).toBe(false);
  });

  it('lets the brand set niches and edit the taxonomy', async () => {
    const id = ids.get('r.churn')!;
    const set = await env.app.inject({ method: 'PUT', url: `/api/v1/influencers/${id}/niches`, headers: auth, payload: { niches: ['pets', 'home'] } });
    expect(set.statusCode, set.body).toBe(200);
    expect((await search(env, auth, 'niche=pets')).json().data.map((c: any) => c.handle)).toEqual(['r.churn']);
    expect((await profileOf(env, auth, id)).niches.manual).toEqual(['pets', 'home']);
    expect((await env.app.inject({ method: 'PUT', url: `/api/v1/influencers/${id}/niches`, headers: auth, payload: { niches: ['underwater-basket-weaving'] } })).statusCode).toBe(400);
    await env.app.inject({ method: 'PUT', url: `/api/v1/influencers/${id}/niches`, headers: auth, payload: { niches: null } });
    expect((await search(env, auth, 'niche=pets')).json().data).toEqual([]);
    const taxonomy = [{ id: 'sourdough', label: 'Sourdough', keywords: ['vegan recipe'], hashtags: ['vegan'] }];
    const put = await env.app.inject({ method: 'PUT', url: '/api/v1/discovery/settings', headers: auth, payload: { nicheTaxonomy: taxonomy } });
    expect(put.statusCode, put.body).toBe(200);
    expect((await search(env, auth, 'niche=sourdough')).json().data.map((c: any) => c.handle).sort()).toEqual(['hana.eats', 'lower.er']);
    await env.app.inject({ method: 'PUT', url: '/api/v1/discovery/settings', headers: auth, payload: { nicheTaxonomy: null } });
    const readOnly = await workspaceWithKey(env, ['read']);
    expect((await env.app.inject({ method: 'PUT', url: `/api/v1/influencers/${id}/niches`, headers: readOnly.auth, payload: { niches: null } })).statusCode).toBe(403);
    const bare = await env.app.inject({ method: 'POST', url: '/api/v1/influencers', headers: auth, payload: { name: 'No accounts yet' } });
    const none = await env.app.inject({ method: 'PUT', url: `/api/v1/influencers/${bare.json().influencer.id}/niches`, headers: auth, payload: { niches: ['pets'] } });
    expect(none.statusCode).toBe(412);
  });

  it("answers 404 for another workspace's creators and unknown ids", async () => {
    const other = await workspaceWithKey(env);
    for (const url of [`/api/v1/influencers/${ids.get('hana.eats')}/profile`, '/api/v1/influencers/inf_missing/profile', '/api/v1/influencers/cmp_x/profile']) {
      expect((await env.app.inject({ method: 'GET', url, headers: other.auth })).statusCode, url).toBe(404);
    }
    const niches = await env.app.inject({ method: 'PUT', url: `/api/v1/influencers/${ids.get('hana.eats')}/niches`, headers: other.auth, payload: { niches: ['pets'] } });
    expect(niches.statusCode).toBe(404);
  });
});

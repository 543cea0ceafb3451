import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { account, importJson, posts, search, type Rec } from './fixtures.ts';

const TOPIC: Record<string, string> = {
  fitness: 'Full body workout routine with protein tips #fitness #gym',
  tech: 'Laptop review and smartphone setup #tech #gadgets',
  food: 'Vegan recipe for a quick dinner #food #recipe',
  gaming: 'Speedrun stream highlights #gaming #twitch',
  pets: 'My puppy learns a new trick #dog #puppy',
  beauty: 'Night skincare routine with retinol #skincare #beauty',
};
const audience = (country: Rec, age: Rec, gender: Rec) => [
  ...Object.entries(country).map(([key, share]) => ({ dimension: 'country', key, share })),
  ...Object.entries(age).map(([key, share]) => ({ dimension: 'age', key, share })),
  ...Object.entries(gender).map(([key, share]) => ({ dimension: 'gender', key, share })),
];
const creator = (handle: string, platform: string, followers: number, interactions: number, topic: string, extra: Rec = {}) =>
  account(handle, { platform, followers, bio: TOPIC[topic]!.split('#')[0], posts: posts(12, interactions, () => ({ caption: TOPIC[topic] })), ...extra });

const CREATORS = [
  creator('s.fit.de', 'instagram', 8_000, 400, 'fitness', { creatorRef: 'fitde', country: 'DE', language: 'de', location: 'Berlin, Germany', contactEmail: 'fit@mail.example', audience: audience({ DE: 0.6, US: 0.2 }, { '18-24': 0.5 }, { female: 0.7, male: 0.3 }) }),
  { platform: 'tiktok', handle: 's.fit.de', creatorRef: 'fitde', followers: 3_000 },
  creator('s.fit.us', 'tiktok', 30_000, 600, 'fitness', { country: 'US', language: 'en', location: 'Austin, TX', audience: audience({ US: 0.7 }, { '25-34': 0.4 }, { male: 0.6 }) }),
  creator('s.tech', 'youtube', 250_000, 2_000, 'tech', { country: 'GB', language: 'en', location: 'London', contactEmail: 'tech@mail.example', audience: audience({ GB: 0.5, US: 0.3 }, { '25-34': 0.5 }, { male: 0.8 }) }),
  creator('s.food', 'instagram', 60_000, 900, 'food', { country: 'FR', language: 'fr', location: 'Lyon', contactEmail: 'food@mail.example', audience: audience({ FR: 0.7 }, {}, {}) }),
  creator('s.game', 'x', 2_000_000, 20_000, 'gaming', { country: 'US', language: 'en', location: 'Seattle', audience: audience({ US: 0.4 }, {}, {}) }),
  creator('s.tiny', 'instagram', 500, 50, 'pets', { country: 'DE', language: 'de', location: 'Munich' }),
  creator('s.beauty', 'tiktok', 15_000, 300, 'beauty', { country: 'DE', language: 'de', location: 'Hamburg', contactEmail: 'glow@mail.example', audience: audience({ DE: 0.35 }, {}, { female: 0.9 }) }),
  account('s.nopost', { followers: 12_000, posts: [] }),
];

describe.each(ENGINES)('creator search on %s', (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  const ids = new Map<string, string>();
  const handles = async (query: string) => {
    const res = await search(env, auth, `${query}&limit=100`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data.map((c: any) => c.handle);
  };
  beforeAll(async () => {
    env = await createTestEnv(engine);
    auth = (await workspaceWithKey(env)).auth;
    const res = await importJson(env, auth, CREATORS);
    expect(res.statusCode, res.body).toBe(200);
    for (const a of res.json().accounts) if (!ids.has(a.handle)) ids.set(a.handle, a.influencerId);
  });
  afterAll(() => env?.close());

  it.each([
    ['platform=tiktok', ['s.beauty', 's.fit.de', 's.fit.us']],
    ['platform=youtube,x', ['s.game', 's.tech']],
    ['tier=micro', ['s.beauty', 's.fit.us', 's.food', 's.nopost']],
    ['tier=mid-tier', ['s.food']],
    ['tier=below-nano,mega', ['s.game', 's.tiny']],
    ['minFollowers=10000&maxFollowers=100000', ['s.beauty', 's.fit.us', 's.food', 's.nopost']],
    ['minEngagementRate=0.02', ['s.beauty', 's.fit.de', 's.fit.us', 's.tiny']],
    ['maxEngagementRate=0.015', ['s.food', 's.game', 's.tech']],
    ['niche=fitness', ['s.fit.de', 's.fit.us']],
    ['niche=tech,gaming', ['s.game', 's.tech']],
    ['country=de', ['s.beauty', 's.fit.de', 's.tiny']],
    ['language=en', ['s.fit.us', 's.game', 's.tech']],
    ['location=berl', ['s.fit.de']],
    ['hasEmail=true', ['s.beauty', 's.fit.de', 's.food', 's.tech']],
    ['hasEmail=false', ['s.fit.us', 's.game', 's.nopost', 's.tiny']],
    ['audienceCountry=DE', ['s.beauty', 's.fit.de']],
    ['audienceCountry=DE&minAudienceCountryShare=0.5', ['s.fit.de']],
    ['audienceCountry=US&minAudienceCountryShare=0.3', ['s.fit.us', 's.game', 's.tech']],
    ['audienceAge=25-34&minAudienceAgeShare=0.45', ['s.tech']],
    ['audienceGender=female&minAudienceGenderShare=0.8', ['s.beauty']],
    ['country=DE&niche=fitness&minEngagementRate=0.03&platform=instagram', ['s.fit.de']],
  ])('filters %s', async (query, expected) => {
    expect((await handles(query)).sort()).toEqual(expected);
  });

  it('carries followers, engagement rate and authenticity score in every result', async () => {
    const [first] = (await search(env, auth, 'niche=fitness&sort=followers')).json().data;
    expect(first).toMatchObject({ handle: 's.fit.us', platform: 'tiktok', followers: 30_000, engagementRate: 0.02, authenticityScore: 100, tier: 'micro', country: 'US', hasEmail: false });
    expect(first.niches[0]).toMatchObject({ id: 'fitness' });
    const fitde = (await search(env, auth, 'location=berlin')).json().data[0];
    expect(fitde).toMatchObject({ platform: 'instagram', platforms: ['instagram', 'tiktok'], followers: 8_000 });
  });

  it('sorts by followers, engagement and authenticity, best first', async () => {
    expect(await handles('sort=followers')).toEqual(['s.game', 's.tech', 's.food', 's.fit.us', 's.beauty', 's.nopost', 's.fit.de', 's.tiny']);
    const byEr = await handles('sort=engagement');
    expect(byEr.slice(0, 2)).toEqual(['s.tiny', 's.fit.de']);
    expect(byEr.slice(4)).toEqual(['s.food', 's.game', 's.tech', 's.nopost']);
    const scores = (await search(env, auth, 'sort=authenticity&limit=100')).json().data.map((c: any) => c.authenticityScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it.each(['followers', 'engagement', 'authenticity'])('pages through sort=%s with cursors, without gaps or repeats', async (sort) => {
    const all = await handles(`sort=${sort}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await search(env, auth, `sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.statusCode, page.body).toBe(200);
      seen.push(...page.json().data.map((c: any) => c.handle));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('ranks by fit to a brief and explains every term', async () => {
    const res = await search(env, auth, 'brief=protein+workout+routine+for+beginners&audienceCountry=DE&limit=2');
    expect(res.statusCode, res.body).toBe(200);
    const { data, sort, nextCursor } = res.json();
    expect(sort).toBe('fit');
    expect(data.map((c: any) => c.handle)).toEqual(['s.fit.de', 's.beauty']);
    expect(data[0].fit.terms.map((t: any) => t.name)).toEqual(['relevance', 'niche', 'audience', 'engagement', 'authenticity']);
    expect(data[0].fit.terms[0].explanation).toMatch(/"workout"/);
    expect(data[0].fit.score).toBeGreaterThan(data[1].fit.score);
    expect(nextCursor).toBeNull(); // only two creators have a DE audience
    const all = await search(env, auth, 'brief=protein+workout+routine&briefNiches=fitness&limit=3');
    expect(all.json().data.slice(0, 2).map((c: any) => c.handle).sort()).toEqual(['s.fit.de', 's.fit.us']);
    const next = await search(env, auth, `brief=protein+workout+routine&briefNiches=fitness&limit=3&cursor=${all.json().nextCursor}`);
    const rest = next.json().data.map((c: any) => c.handle);
    expect(rest).toHaveLength(3);
    expect(rest.some((h: string) => all.json().data.some((c: any) => c.handle === h))).toBe(false);
    const changed = await search(env, auth, `brief=vegan&limit=3&cursor=${all.json().nextCursor}`);
    expect(changed.statusCode).toBe(400);
  });

  it('finds similar creators: same content and niche, similar size', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/v1/influencers/${ids.get('s.fit.us')}/similar`, headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    const data = res.json().data;
    expect(data[0]).toMatchObject({ handle: 's.fit.de' });
    expect(data[0].similarity.terms.find((t: any) => t.name === 'niche').value).toBe(1);
    expect(data.map((c: any) => c.handle)).not.toContain('s.fit.us');
    expect(data.map((c: any) => c.handle)).not.toContain('s.game');
    const other = await workspaceWithKey(env);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/influencers/${ids.get('s.fit.us')}/similar`, headers: other.auth })).statusCode).toBe(404);
  });

  it('rejects bad filters with the field named', async () => {
    for (const [query, message] of [
      ['minEngagementRate=2', /minEngagementRate is a fraction: 0.02 means 2%/],
      ['minAudienceCountryShare=0.3', /minAudienceCountryShare needs audienceCountry/],
      ['sort=random', /sort must be one of/],
      ['tier=huge', /tier must be one of/],
      ['minFollowers=100&maxFollowers=10', /minFollowers must not exceed maxFollowers/],
      ['cursor=bm9wZQ', /cursor/],
      ['limit=500', /limit/],
      ['colour=red', /colour/],
    ] as const) {
      const res = await search(env, auth, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message, query).toMatch(message);
    }
    const page = (await search(env, auth, 'sort=followers&limit=1')).json().nextCursor;
    expect((await search(env, auth, `sort=engagement&cursor=${page}`)).statusCode).toBe(400);
  });

  it("never shows another workspace's creators, nor archived ones, and is not shadowed by /influencers/:id", async () => {
    const other = await workspaceWithKey(env);
    expect((await search(env, other.auth, 'limit=100')).json().data).toEqual([]);
    await importJson(env, other.auth, [creator('s.fit.de', 'instagram', 9_000, 450, 'fitness')]);
    expect((await handles('niche=fitness')).sort()).toEqual(['s.fit.de', 's.fit.us']);
    expect((await search(env, other.auth, 'niche=fitness')).json().data.map((c: any) => c.influencerId)).not.toContain(ids.get('s.fit.de'));
    await env.app.inject({ method: 'POST', url: `/api/v1/influencers/${ids.get('s.nopost')}/archive`, headers: auth });
    expect(await handles('tier=micro')).not.toContain('s.nopost');
    const plain = await env.app.inject({ method: 'GET', url: `/api/v1/influencers/${ids.get('s.tech')}`, headers: auth });
    expect(plain.json().influencer.id).toBe(ids.get('s.tech'));
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/influencers/search' })).statusCode).toBe(401);
  });
});

describe.each(ENGINES)('account authenticity scoring on %s', (engine) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(engine);
  });
  afterAll(() => env?.close());
  const real = { username: 'maria_k', followers: 420, following: 310, posts: 130, hasProfilePicture: true, isPrivate: false };
  const fake = { username: 'user84712345', followers: 3, following: 7400, posts: 0, hasProfilePicture: false, isPrivate: false };
  const score = (auth: Record<string, string> | undefined, payload: unknown) => env.app.inject({ method: 'POST', url: '/api/v1/authenticity/accounts', headers: auth ?? {}, payload: payload as Rec });

  it('labels accounts with a probability and reasons, with a read-only key', async () => {
    const { auth } = await workspaceWithKey(env, ['read']);
    const res = await score(auth, { accounts: [real, { ...fake, biography: '' }] });
    expect(res.statusCode, res.body).toBe(200);
    const [r, f] = res.json().accounts;
    expect(r).toMatchObject({ username: 'maria_k', label: 'real' });
    expect(f).toMatchObject({ username: 'user84712345', label: 'fake' });
    expect(f.fakeProbability).toBeGreaterThan(r.fakeProbability);
    expect(f.reasons[0]).toMatchObject({ code: expect.stringMatching(/^MODEL_/), evidence: expect.objectContaining({ following: 7400 }) });
    expect(res.json().model.threshold).toBeGreaterThan(0);
  });

  it('accepts 1,000 accounts, refuses 1,001 and names wrong fields', async () => {
    const { auth } = await workspaceWithKey(env);
    expect((await score(auth, { accounts: Array.from({ length: 1000 }, (_, i) => ({ ...real, username: `u${i}` })) })).statusCode).toBe(200);
    const tooMany = await score(auth, { accounts: Array.from({ length: 1001 }, (_, i) => ({ ...real, username: `u${i}` })) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toMatch(/accounts/);
    const wrong = await score(auth, { accounts: [{ ...real, followers: -1 }, { ...real, hasProfilePicture: 'yes' }] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/accounts\.0\.followers/);
    expect((await score(auth, { accounts: [] })).statusCode).toBe(400);
    expect((await score(undefined, { accounts: [real] })).statusCode).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { DESKTOP_CHROME, INSTAGRAM_IOS, makeLink, visit } from '../helpers/tracking.ts';

describe.each(ENGINES)('click reports from rollups on %s', (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  let a: Awaited<ReturnType<typeof makeLink>>;
  let b: Awaited<ReturnType<typeof makeLink>>;
  const day1 = new Date('2026-03-10T10:15:00Z');
  const day2 = new Date('2026-03-11T23:30:00Z');

  beforeAll(async () => {
    env = await createTestEnv(engine);
    auth = (await workspaceWithKey(env)).auth;
    a = await makeLink(env, auth);
    b = await makeLink(env, auth, { handles: { tiktok: 'bo' } });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(day1);
    await visit(env, a.link.code, { ua: INSTAGRAM_IOS, ip: '8.8.8.8', referer: 'https://l.instagram.com/' });
    await visit(env, a.link.code, { ua: INSTAGRAM_IOS, ip: '8.8.8.8', referer: 'https://l.instagram.com/' });
    await visit(env, a.link.code, { ua: 'Twitterbot/1.0' });
    vi.setSystemTime(day2);
    await visit(env, b.link.code, { ua: DESKTOP_CHROME, ip: '1.1.1.1', referer: 'https://www.tiktok.com/' });
    await visit(env, a.link.code, { ua: DESKTOP_CHROME, ip: '127.0.0.1' });
    vi.useRealTimers();
    // Another workspace's clicks on the same days must never show up.
    const other = await workspaceWithKey(env);
    const o = await makeLink(env, other.auth);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(day1);
    await visit(env, o.link.code);
    vi.useRealTimers();
  });
  afterAll(() => env?.close());

  const report = async (query: string) => {
    const res = await env.app.inject({ method: 'GET', url: `/api/v1/reports/clicks?${query}`, headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().rows;
  };
  const range = 'from=2026-03-10&to=2026-03-12';

  it('groups by day and by hour', async () => {
    expect(await report(`groupBy=day&${range}`)).toEqual([
      { key: '2026-03-10', label: null, clicks: 3, humanClicks: 2, uniqueClicks: 1, botClicks: 1 },
      { key: '2026-03-11', label: null, clicks: 2, humanClicks: 2, uniqueClicks: 2, botClicks: 0 },
    ]);
    expect(await report(`groupBy=hour&${range}`)).toEqual([
      { key: '2026-03-10T10:00:00Z', label: null, clicks: 3, humanClicks: 2, uniqueClicks: 1, botClicks: 1 },
      { key: '2026-03-11T23:00:00Z', label: null, clicks: 2, humanClicks: 2, uniqueClicks: 2, botClicks: 0 },
    ]);
  });

  it('groups by influencer, campaign and link with their names', async () => {
    expect(await report(`groupBy=influencer&${range}`)).toEqual([
      { key: a.influencer.id, label: 'Ana Lima', clicks: 4, humanClicks: 3, uniqueClicks: 2, botClicks: 1 },
      { key: b.influencer.id, label: 'Ana Lima', clicks: 1, humanClicks: 1, uniqueClicks: 1, botClicks: 0 },
    ]);
    const campaigns = await report(`groupBy=campaign&${range}`);
    expect(campaigns.map((r: { label: string }) => r.label)).toEqual([a.campaign.name, b.campaign.name]);
    expect(await report(`groupBy=link&${range}&influencerId=${b.influencer.id}`)).toEqual([
      { key: b.link.id, label: 'story 1', clicks: 1, humanClicks: 1, uniqueClicks: 1, botClicks: 0 },
    ]);
  });

  it('groups by country, source and device', async () => {
    const countries = await report(`groupBy=country&${range}`);
    expect(countries.find((r: { key: string }) => r.key === 'US')).toMatchObject({ clicks: 2, humanClicks: 2, uniqueClicks: 1 });
    expect(countries.reduce((s: number, r: { clicks: number }) => s + r.clicks, 0)).toBe(5);
    expect(await report(`groupBy=source&${range}`)).toEqual([
      { key: 'direct', label: null, clicks: 2, humanClicks: 1, uniqueClicks: 1, botClicks: 1 },
      { key: 'instagram', label: null, clicks: 2, humanClicks: 2, uniqueClicks: 1, botClicks: 0 },
      { key: 'tiktok', label: null, clicks: 1, humanClicks: 1, uniqueClicks: 1, botClicks: 0 },
    ]);
    const devices = await report(`groupBy=device&${range}`);
    expect(devices.find((r: { key: string }) => r.key === 'mobile')).toMatchObject({ clicks: 2 });
    expect(devices.find((r: { key: string }) => r.key === 'desktop')).toMatchObject({ clicks: 2 });
  });

  it('gives the same figures before and after the deltas are folded into the rollups', async () => {
    const queries = ['groupBy=day', 'groupBy=hour', 'groupBy=link', 'groupBy=source', 'groupBy=country'].map((g) => `${g}&${range}`);
    const before = await Promise.all(queries.map(report));
    await env.app.tracking.folder.fold();
    const pending = await env.database.db.selectFrom('click_stats_delta').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(pending.n)).toBe(0);
    const folded = await env.database.db.selectFrom('click_stats_daily').select((eb) => eb.fn.sum('clicks').as('n')).executeTakeFirstOrThrow();
    expect(Number(folded.n)).toBeGreaterThanOrEqual(5);
    expect(await Promise.all(queries.map(report))).toEqual(before);
  });

  it('limits to the range', async () => {
    expect(await report('groupBy=day&from=2026-03-11&to=2026-03-12')).toHaveLength(1);
    expect(await report('groupBy=day&from=2026-04-01&to=2026-04-02')).toEqual([]);
  });

  it('explains bad parameters', async () => {
    for (const [query, field] of [
      ['groupBy=week', /groupBy must be one of day, hour/],
      ['from=yesterday', /querystring\.from/],
      ['from=2026-03-12&to=2026-03-10', /from must be before to/],
      ['bogus=1', /bogus/],
    ] as const) {
      const res = await env.app.inject({ method: 'GET', url: `/api/v1/reports/clicks?${query}`, headers: auth });
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message).toMatch(field);
    }
  });

  it('exports raw clicks of a range as CSV', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/v1/clicks/export.csv?${range}`, headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="clicks-2026-03-10-2026-03-12.csv"/);
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('id,clicked_at,link_id,influencer_id,campaign_id,country,device,os,browser,in_app,source,referrer_host,bot,bot_reason,is_unique');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toMatch(/^clk_.+,2026-03-10T10:15:00\.000Z,/);
    expect(res.body).toMatch(/link-preview:twitter/);
    const bad = await env.app.inject({ method: 'GET', url: '/api/v1/clicks/export.csv?from=2026-03-12&to=2026-03-10', headers: auth });
    expect(bad.statusCode).toBe(400);
  });
});

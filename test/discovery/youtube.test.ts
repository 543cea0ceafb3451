import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { freePort } from '../helpers/processes.ts';
import { profileOf } from './fixtures.ts';

const CHANNEL_ID = 'UCa1b2c3d4e5f6g7h8i9j0kL';
const KEY = 'test-key';

/**
 * A stand-in for https://www.googleapis.com/youtube/v3 answering in the documented format
 * (https://developers.google.com/youtube/v3/docs): list responses with `items`, statistics as
 * strings, ISO 8601 durations, and `{ error: { code, message, errors: [{ reason }] } }` errors.
 */
function fakeYoutube() {
  const state = { subscribers: '120000', requests: [] as URL[] };
  const video = (id: string, duration: string, views: string, likes: string, comments: string, day: number, paid: boolean) => ({
    kind: 'youtube#video',
    id,
    snippet: { publishedAt: `2025-03-${String(day).padStart(2, '0')}T17:00:00Z`, channelId: CHANNEL_ID, title: `Vegan ${id} dinner`, description: `Recipe in the description #vegan #mealprep\nShop here: https://shop.example/${id}`, tags: ['vegan recipes'] },
    statistics: { viewCount: views, likeCount: likes, favoriteCount: '0', commentCount: comments },
    contentDetails: { duration, dimension: '2d' },
    paidProductPlacementDetails: { hasPaidProductPlacement: paid },
  });
  const error = (res: http.ServerResponse, code: number, reason: string, message: string) => {
    res.writeHead(code, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code, message, errors: [{ message, domain: 'youtube.parameter', reason }] } }));
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://localhost');
    state.requests.push(url);
    const key = url.searchParams.get('key');
    if (key === 'quota-key') return error(res, 403, 'quotaExceeded', 'The request cannot be completed because you have exceeded your quota.');
    if (key !== KEY) return error(res, 400, 'keyInvalid', 'API key not valid. Please pass a valid API key.');
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(JSON.stringify(body));
    };
    const resource = url.pathname.replace('/youtube/v3/', '');
    if (resource === 'channels') {
      const match = url.searchParams.get('id') === CHANNEL_ID || url.searchParams.get('forHandle')?.toLowerCase() === '@cookwithada';
      if (!match) return send({ kind: 'youtube#channelListResponse', etag: 'x', pageInfo: { totalResults: 0, resultsPerPage: 5 } });
      return send({
        kind: 'youtube#channelListResponse',
        pageInfo: { totalResults: 1, resultsPerPage: 5 },
        items: [{
          kind: 'youtube#channel',
          id: CHANNEL_ID,
          snippet: { title: 'Cook with Ada', description: 'Weeknight vegan recipes from Berlin', customUrl: '@cookwithada', publishedAt: '2019-01-01T00:00:00Z', thumbnails: { default: { url: 'https://yt3.example/a.jpg', width: 88, height: 88 } }, country: 'DE', defaultLanguage: 'de' },
          statistics: { viewCount: '9000000', subscriberCount: state.subscribers, hiddenSubscriberCount: false, videoCount: '340' },
          contentDetails: { relatedPlaylists: { likes: '', uploads: 'UUa1b2c3d4e5f6g7h8i9j0kL' } },
        }],
      });
    }
    if (resource === 'playlistItems') {
      return send({ kind: 'youtube#playlistItemListResponse', items: ['v1', 'v2', 'v3'].map((id, i) => ({ kind: 'youtube#playlistItem', id: `pi${i}`, contentDetails: { videoId: id, videoPublishedAt: '2025-03-01T17:00:00Z' } })) });
    }
    if (resource === 'videos') {
      return send({ kind: 'youtube#videoListResponse', items: [video('v1', 'PT12M3S', '40000', '2000', '120', 3, false), video('v2', 'PT1H2M', '30000', '900', '80', 2, true), video('v3', 'PT45S', '90000', '6000', '150', 1, false)] });
    }
    if (resource === 'commentThreads') {
      const id = url.searchParams.get('videoId');
      if (id === 'v2') return error(res, 403, 'commentsDisabled', 'The video identified by the videoId parameter has disabled comments.');
      const items = (id === 'v1' ? ['Which blender is that?', 'Made it tonight, so good'] : ['How long does it keep in the fridge?']).map((text, i) => ({
        kind: 'youtube#commentThread',
        snippet: { videoId: id, topLevelComment: { kind: 'youtube#comment', snippet: { authorDisplayName: `@viewer${i}`, textDisplay: text, textOriginal: text, likeCount: 1, publishedAt: '2025-03-04T10:00:00Z' } }, totalReplyCount: 0 },
      }));
      return send({ kind: 'youtube#commentThreadListResponse', items });
    }
    error(res, 404, 'notFound', 'Not Found');
  });
  return { server, state };
}

describe.each(ENGINES)('YouTube connector on %s', (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  let baseUrl: string;
  const yt = fakeYoutube();
  const refresh = (id: string, body?: unknown, headers = auth) =>
    env.app.inject({ method: 'POST', url: `/api/v1/influencers/${id}/refresh/youtube`, headers, ...(body ? { payload: body as object } : {}) });
  const creator = async (handles: Record<string, string>, headers = auth) =>
    (await env.app.inject({ method: 'POST', url: '/api/v1/influencers', headers, payload: { name: 'Ada', handles } })).json().influencer.id as string;

  beforeAll(async () => {
    await new Promise<void>((resolve) => yt.server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(yt.server.address() as AddressInfo).port}/youtube/v3`;
    env = await createTestEnv(engine);
    auth = (await workspaceWithKey(env)).auth;
  });
  afterAll(async () => {
    await env?.close();
    await new Promise((r) => yt.server.close(r));
  });

  it('refreshes a channel, its latest videos and a comment sample through the four list calls', async () => {
    const id = await creator({ youtube: '@CookWithAda' });
    yt.state.requests.length = 0;
    const res = await refresh(id, { apiKey: KEY, baseUrl, maxVideos: 3, maxCommentsPerVideo: 10 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      influencerId: id,
      account: { platform: 'youtube', handle: 'cookwithada', channelId: CHANNEL_ID, followers: 120_000, postsCount: 340 },
      videos: 3,
      comments: 3,
      videosWithoutComments: 1,
      requests: 6,
    });
    const [channels, playlist, videos] = yt.state.requests;
    expect(channels!.pathname).toBe('/youtube/v3/channels');
    expect(Object.fromEntries(channels!.searchParams)).toMatchObject({ part: 'snippet,statistics,contentDetails', forHandle: '@CookWithAda', key: KEY });
    expect(playlist!.searchParams.get('playlistId')).toBe('UUa1b2c3d4e5f6g7h8i9j0kL');
    expect(videos!.searchParams.get('id')).toBe('v1,v2,v3');
    expect(yt.state.requests.slice(3).map((u) => u.searchParams.get('videoId'))).toEqual(['v1', 'v2', 'v3']);

    const p = await profileOf(env, auth, id);
    expect(p.accounts[0]).toMatchObject({ platform: 'youtube', handle: 'cookwithada', displayName: 'Cook with Ada', followers: 120_000, postsCount: 340, country: 'DE', language: 'de', url: 'https://www.youtube.com/@cookwithada' });
    expect(p.posts.recent.map((v: any) => [v.id, v.format, v.views, v.likes, v.comments, v.sponsored, v.hasCta])).toEqual([
      ['v1', 'video', 40_000, 2000, 120, false, true],
      ['v2', 'video', 30_000, 900, 80, true, true],
      ['v3', 'reel', 90_000, 6000, 150, false, true],
    ]);
    expect(p.posts.recent[0].hashtags).toEqual(['vegan', 'mealprep']);
    // ER by views: (likes + comments) / views per video, median of 0.053, 0.0327 and 0.06833.
    expect(p.metrics.engagement.byViews.median).toBeCloseTo(2120 / 40_000, 10);
    expect(p.metrics.tier.id).toBe('macro');
    expect(p.authenticity.audience.spamComments.total).toBe(3);
    expect(p.niches.assigned[0].id).toBe('food-beverage');
  });

  it('uses the workspace settings, updates the same account and grows the follower history', async () => {
    const { auth: wsAuth } = await workspaceWithKey(env);
    const put = await env.app.inject({ method: 'PUT', url: '/api/v1/discovery/settings', headers: wsAuth, payload: { youtube: { apiKey: KEY, baseUrl } } });
    expect(put.statusCode, put.body).toBe(200);
    const id = await creator({}, wsAuth);
    yt.state.subscribers = '120000';
    expect((await refresh(id, { channel: CHANNEL_ID }, wsAuth)).statusCode).toBe(200);
    expect(yt.state.requests.at(-6)!.searchParams.get('id')).toBe(CHANNEL_ID);
    yt.state.subscribers = '126000';
    const again = await refresh(id, undefined, wsAuth);
    expect(again.statusCode, again.body).toBe(200);
    const p = await profileOf(env, wsAuth, id);
    expect(p.accounts).toHaveLength(1);
    expect(p.accounts[0].followers).toBe(126_000);
    expect(p.posts.loaded).toBe(3);
  });

  it('turns API failures into errors a user can act on, without leaking the key', async () => {
    const id = await creator({ youtube: 'cookwithada' });
    const bad = await refresh(id, { apiKey: 'wrong-secret', baseUrl });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/keyInvalid.*check the API key/);
    expect(bad.body).not.toContain('wrong-secret');
    const quota = await refresh(id, { apiKey: 'quota-key', baseUrl });
    expect(quota.statusCode).toBe(429);
    expect(quota.headers['retry-after']).toBe('1');
    const missing = await refresh(id, { apiKey: KEY, baseUrl, channel: '@nobody-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/no channel @nobody-here/);
    const down = await refresh(id, { apiKey: KEY, baseUrl: `http://127.0.0.1:${await freePort()}/youtube/v3` });
    expect(down.statusCode).toBe(503);
    const noKey = await workspaceWithKey(env);
    expect((await refresh(await creator({ youtube: 'x' }, noKey.auth), undefined, noKey.auth)).statusCode).toBe(412);
    expect((await refresh(await creator({}), { apiKey: KEY, baseUrl })).statusCode).toBe(412);
    expect((await refresh(id, { apiKey: KEY, baseUrl: 'ftp://example.com' })).statusCode).toBe(400);
  });

  it("answers 404 for another workspace's creator and 403 without the write scope", async () => {
    const id = await creator({ youtube: 'cookwithada' });
    const other = await workspaceWithKey(env);
    expect((await refresh(id, { apiKey: KEY, baseUrl }, other.auth)).statusCode).toBe(404);
    const readOnly = await workspaceWithKey(env, ['read']);
    expect((await refresh(id, { apiKey: KEY, baseUrl }, readOnly.auth)).statusCode).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { makeLink } from '../helpers/tracking.ts';

describe.each(ENGINES)('links API on %s', (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    auth = (await workspaceWithKey(env)).auth;
  });
  afterAll(() => env?.close());

  it('gives a creator many labelled links per campaign, listed newest first with cursors', async () => {
    const { influencer, campaign, link } = await makeLink(env, auth);
    const ids = [link.id];
    for (const label of ['post 2', 'story 3', 'reel 4']) {
      const res = await env.app.inject({ method: 'POST', url: '/api/v1/links', headers: auth, payload: { influencerId: influencer.id, campaignId: campaign.id, label } });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().link.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await env.app.inject({ method: 'GET', url: `/api/v1/links?campaignId=${campaign.id}&limit=3${cursor ? `&cursor=${cursor}` : ''}`, headers: auth });
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().data.map((l: { id: string }) => l.id));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const byCreator = await env.app.inject({ method: 'GET', url: `/api/v1/links?influencerId=${influencer.id}`, headers: auth });
    expect(byCreator.json().data).toHaveLength(4);
  });

  it('gets, relabels and changes the destination of a link', async () => {
    const { link } = await makeLink(env, auth);
    const got = await env.app.inject({ method: 'GET', url: `/api/v1/links/${link.id}`, headers: auth });
    expect(got.json().link).toEqual(link);
    const res = await env.app.inject({
      method: 'PATCH',
      url: `/api/v1/links/${link.id}`,
      headers: auth,
      payload: { label: 'bio link', destinationUrl: 'https://example.com/sale', utm: { term: 'glow' } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().link).toMatchObject({ label: 'bio link', destinationUrl: 'https://example.com/sale', utm: { term: 'glow' } });
    expect(res.json().link.trackingUrl).toMatch(/^https:\/\/example\.com\/sale\?utm_source=instagram&utm_medium=influencer&utm_campaign=.+&utm_content=bio%20link&utm_term=glow$/);
    const bad = await env.app.inject({ method: 'PATCH', url: `/api/v1/links/${link.id}`, headers: auth, payload: { destinationUrl: 'https://evil.test/' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/evil\.test is not one of the campaign's allowed domains/);
  });

  it('serves QR codes of the short URL as SVG and PNG', async () => {
    const { link } = await makeLink(env, auth);
    const svg = await env.app.inject({ method: 'GET', url: `/api/v1/links/${link.id}/qr.svg`, headers: auth });
    expect(svg.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(svg.body).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const png = await env.app.inject({ method: 'GET', url: `/api/v1/links/${link.id}/qr.png?size=256`, headers: auth });
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/links/${link.id}/qr.png?size=5`, headers: auth })).statusCode).toBe(400);
  });

  it('rejects unknown creators and campaigns, wrong fields and missing scopes', async () => {
    const { influencer, campaign } = await makeLink(env, auth);
    const missing = await env.app.inject({ method: 'POST', url: '/api/v1/links', headers: auth, payload: { influencerId: 'inf_nope', campaignId: campaign.id } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/Influencer inf_nope not found/);
    const wrong = await env.app.inject({ method: 'POST', url: '/api/v1/links', headers: auth, payload: { influencerId: influencer.id, campaignId: campaign.id, utm: { source: '' } } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toMatch(/body\.utm\.source/);
    const extra = await env.app.inject({ method: 'POST', url: '/api/v1/links', headers: auth, payload: { influencerId: influencer.id, campaignId: campaign.id, code: 'mine' } });
    expect(extra.statusCode).toBe(400);
    const readOnly = (await workspaceWithKey(env, ['read'])).auth;
    const forbidden = await env.app.inject({ method: 'POST', url: '/api/v1/links', headers: readOnly, payload: { influencerId: influencer.id, campaignId: campaign.id } });
    expect(forbidden.statusCode).toBe(403);
  });

  it("answers 404 for another workspace's links, creators and campaigns", async () => {
    const mine = await makeLink(env, auth);
    const other = await workspaceWithKey(env);
    for (const [method, url] of [
      ['GET', `/api/v1/links/${mine.link.id}`],
      ['PATCH', `/api/v1/links/${mine.link.id}`],
      ['GET', `/api/v1/links/${mine.link.id}/qr.svg`],
    ] as const) {
      const res = await env.app.inject({ method, url, headers: other.auth, ...(method === 'PATCH' ? { payload: { disabled: true } } : {}) });
      expect(res.statusCode, url).toBe(404);
    }
    const cross = await env.app.inject({
      method: 'POST',
      url: '/api/v1/links',
      headers: other.auth,
      payload: { influencerId: mine.influencer.id, campaignId: mine.campaign.id },
    });
    expect(cross.statusCode).toBe(404);
    const list = await env.app.inject({ method: 'GET', url: '/api/v1/links', headers: other.auth });
    expect(list.json().data).toEqual([]);
    const still = await env.app.inject({ method: 'GET', url: `/api/v1/links/${mine.link.id}`, headers: auth });
    expect(still.json().link.disabled).toBe(false);
  });
});

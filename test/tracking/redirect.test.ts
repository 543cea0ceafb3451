import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { DESKTOP_CHROME, INSTAGRAM_IOS, makeLink, visit } from '../helpers/tracking.ts';

const CORPUS = new URL('../../../shared/corpora/useragents/social-preview-bots-and-inapp-browsers.json', import.meta.url);

describe.each(ENGINES)('tracking links and redirects on %s', (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    auth = (await workspaceWithKey(env)).auth;
  });
  afterAll(() => env?.close());
  afterEach(() => vi.useRealTimers());

  const clicksOf = (linkId: string) => env.database.db.selectFrom('clicks').selectAll().where('link_id', '=', linkId).orderBy('clicked_at').execute();

  it('creates a link and redirects with UTM parameters, the click id, the query and the fragment kept', async () => {
    const { link, campaign } = await makeLink(env, auth);
    expect(link).toMatchObject({ code: expect.stringMatching(/^[0-9A-Za-z]{7}$/), destinationUrl: 'https://shop.example.com/spring?ref=home#top' });
    expect(link.shortUrl).toMatch(new RegExp(`/r/${link.code}$`));
    const res = await visit(env, link.code, { query: '?url=https://evil.test&utm_source=evil' });
    expect(res.statusCode).toBe(302);
    const to = new URL(res.headers.location as string);
    expect(to.origin + to.pathname).toBe('https://shop.example.com/spring');
    expect(to.hash).toBe('#top');
    expect(Object.fromEntries(to.searchParams)).toEqual({
      ref: 'home',
      utm_source: 'instagram',
      utm_medium: 'influencer',
      utm_campaign: campaign.slug,
      utm_content: 'story 1',
      adv_click: expect.stringMatching(/^clk_[A-Za-z0-9_-]{22}$/),
    });
    expect(link.trackingUrl).toBe(res.headers.location!.replace(/&adv_click=[^#]+/, ''));
    expect(res.headers['set-cookie']).toMatch(new RegExp(`^adv_click=${to.searchParams.get('adv_click')}; Path=/; Max-Age=2592000; SameSite=Lax`));
    const [click] = await clicksOf(link.id);
    expect(click!.id).toBe(to.searchParams.get('adv_click'));
  });

  it('gives every click a different unguessable id', async () => {
    const { link } = await makeLink(env, auth);
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add(new URL((await visit(env, link.code)).headers.location as string).searchParams.get('adv_click')!);
    expect(ids.size).toBe(20);
    expect((await clicksOf(link.id)).length).toBe(20);
  });

  it('lets explicit UTM overrides win and the campaign turn UTM off', async () => {
    const { link } = await makeLink(env, auth, { link: { utm: { source: 'ig-story', content: 'swipe up' } }, handles: { instagram: 'a', tiktok: 'b' } });
    const to = new URL((await visit(env, link.code)).headers.location as string);
    expect(to.searchParams.get('utm_source')).toBe('ig-story');
    expect(to.searchParams.get('utm_content')).toBe('swipe up');
    expect(to.searchParams.get('utm_medium')).toBe('influencer');
    const off = await makeLink(env, auth, { campaign: { utmEnabled: false, destinationUrl: 'https://example.com/?utm_source=newsletter' } });
    const plain = new URL((await visit(env, off.link.code)).headers.location as string);
    expect([...plain.searchParams.keys()]).toEqual(['utm_source', 'adv_click']);
    expect(plain.searchParams.get('utm_source')).toBe('newsletter');
  });

  it('uses "influencer" as the source when the creator is on several platforms', async () => {
    const { link } = await makeLink(env, auth, { handles: { instagram: 'a', youtube: 'b' }, link: { label: undefined } });
    const to = new URL((await visit(env, link.code)).headers.location as string);
    expect(to.searchParams.get('utm_source')).toBe('influencer');
    expect(to.searchParams.get('utm_content')).toBe('a');
  });

  it('accepts deep links on allowed domains only, whatever is tried', async () => {
    const ok = await makeLink(env, auth, { link: { destinationUrl: 'https://blog.example.com/post/42?x=%20y' } });
    expect(new URL((await visit(env, ok.link.code)).headers.location as string).searchParams.get('x')).toBe(' y');
    const { influencer, campaign } = ok;
    for (const destinationUrl of ['https://evil.test/', 'https://example.com.evil.test/', 'https://example.com@evil.test/', 'javascript:alert(1)', '//evil.test', 'ftp://example.com/x', 'https:\\\\evil.test']) {
      const res = await env.app.inject({ method: 'POST', url: '/api/v1/links', headers: auth, payload: { influencerId: influencer.id, campaignId: campaign.id, destinationUrl } });
      expect(res.statusCode, destinationUrl).toBe(400);
      expect(res.json().error.message).toMatch(/^destinationUrl: /);
    }
  });

  it('uses the workspace click id parameter, changed at once', async () => {
    const { link } = await makeLink(env, auth);
    expect(new URL((await visit(env, link.code)).headers.location as string).searchParams.has('adv_click')).toBe(true);
    const patched = await env.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: auth, payload: { settings: { clickIdParam: 'ref_id' } } });
    expect(patched.json().workspace.settings.clickIdParam).toBe('ref_id');
    await new Promise((r) => setTimeout(r, 50));
    const to = new URL((await visit(env, link.code)).headers.location as string);
    expect(to.searchParams.get('ref_id')).toMatch(/^clk_/);
    expect(to.searchParams.has('adv_click')).toBe(false);
    await env.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: auth, payload: { settings: { clickIdParam: 'adv_click' } } });
    const bad = await env.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: auth, payload: { settings: { clickIdParam: 'utm_id' } } });
    expect(bad.statusCode).toBe(400);
  });

  it('answers a small 404 page for unknown and disabled links, and redirects again once re-enabled', async () => {
    const unknown = await visit(env, 'NoSuchCode1');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers.location).toBeUndefined();
    expect(unknown.body).toMatch(/not active/);
    expect((await visit(env, '../../etc')).statusCode).toBe(404);
    const { link } = await makeLink(env, auth);
    expect((await visit(env, link.code)).statusCode).toBe(302);
    const off = await env.app.inject({ method: 'PATCH', url: `/api/v1/links/${link.id}`, headers: auth, payload: { disabled: true } });
    expect(off.json().link.disabled).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    const disabled = await visit(env, link.code);
    expect(disabled.statusCode).toBe(404);
    expect(disabled.headers.location).toBeUndefined();
    await env.app.inject({ method: 'PATCH', url: `/api/v1/links/${link.id}`, headers: auth, payload: { disabled: false } });
    await new Promise((r) => setTimeout(r, 50));
    expect((await visit(env, link.code)).statusCode).toBe(302);
    expect((await clicksOf(link.id)).length).toBe(2);
  });

  it('records country, device, browser, in-app browser and source, and never the raw IP', async () => {
    const { link } = await makeLink(env, auth);
    await visit(env, link.code, { ua: INSTAGRAM_IOS, ip: '8.8.8.8', referer: 'https://l.instagram.com/?u=x' });
    await visit(env, link.code, { ua: DESKTOP_CHROME, ip: '2a00:1450:4001:81c::200e', referer: 'https://www.google.com/' });
    await visit(env, link.code, { ua: DESKTOP_CHROME, ip: '127.0.0.1' });
    const [ig, google, direct] = await clicksOf(link.id);
    expect(ig).toMatchObject({ country: 'US', device: 'mobile', os: 'iOS', in_app: 'instagram', source: 'instagram', referrer_host: 'l.instagram.com', bot: false });
    expect(google).toMatchObject({ device: 'desktop', os: 'Windows', browser: 'Chrome', in_app: null, source: 'search', referrer_host: 'www.google.com' });
    expect(google!.country).toMatch(/^[A-Z]{2}$/);
    expect(direct).toMatchObject({ source: 'direct', country: null });
    const stored = JSON.stringify(await clicksOf(link.id));
    expect(stored).not.toContain('8.8.8.8');
    expect(ig!.ip_hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('redirects bots without counting them as human clicks', async () => {
    const { link } = await makeLink(env, auth);
    const preview = await visit(env, link.code, { ua: 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)' });
    expect(preview.statusCode).toBe(302);
    expect((await visit(env, link.code, { method: 'HEAD' })).statusCode).toBe(302);
    await visit(env, link.code, { headers: { 'sec-purpose': 'prefetch' } });
    await visit(env, link.code, { ua: 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)' });
    await visit(env, link.code, { ua: INSTAGRAM_IOS });
    const clicks = await clicksOf(link.id);
    expect(clicks.map((c) => c.bot_reason)).toEqual(['link-preview:facebook', 'head-request', 'prefetch', 'link-preview:slack', null]);
    const report = await env.app.inject({ method: 'GET', url: `/api/v1/reports/clicks?groupBy=link&linkId=${link.id}`, headers: auth });
    expect(report.json().rows).toEqual([{ key: link.id, label: 'story 1', clicks: 5, humanClicks: 1, uniqueClicks: 1, botClicks: 4 }]);
  });

  it('classifies every preview bot and in-app browser of the social corpus correctly through HTTP', async () => {
    const rows = (JSON.parse(readFileSync(CORPUS, 'utf8')) as { rows: { ua: string; label: string }[] }).rows;
    const { link } = await makeLink(env, auth);
    for (const r of rows) await visit(env, link.code, { ua: r.ua, ip: '198.51.100.1' });
    const clicks = await env.database.db.selectFrom('clicks').select(['bot']).where('link_id', '=', link.id).orderBy('clicked_at').orderBy('id').execute();
    expect(clicks.length).toBe(rows.length);
    const byUa = await env.app.inject({ method: 'GET', url: `/api/v1/reports/clicks?groupBy=link&linkId=${link.id}`, headers: auth });
    const bots = rows.filter((r) => r.label !== 'human_inapp_browser').length;
    expect(byUa.json().rows[0]).toMatchObject({ clicks: rows.length, botClicks: bots, humanClicks: rows.length - bots });
  });

  it('counts the first human click per visitor and link in the window as unique', async () => {
    const { link } = await makeLink(env, auth);
    const other = await makeLink(env, auth);
    await visit(env, link.code, { ip: '198.51.100.9' });
    await visit(env, link.code, { ip: '198.51.100.9' }); // same visitor
    await visit(env, link.code, { ip: '198.51.100.9', ua: DESKTOP_CHROME }); // another device
    await visit(env, link.code, { ip: '198.51.100.10' }); // another visitor
    await visit(env, other.link.code, { ip: '198.51.100.9' }); // same visitor, another link
    await visit(env, link.code, { ip: '198.51.100.11', method: 'HEAD' }); // bots are never unique
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 25 * 3600_000);
    await visit(env, link.code, { ip: '198.51.100.9' }); // after the 24 h window
    vi.useRealTimers();
    expect((await clicksOf(link.id)).map((c) => c.is_unique)).toEqual([true, false, true, true, false, true]);
    expect((await clicksOf(other.link.id)).map((c) => c.is_unique)).toEqual([true]);
  });
});

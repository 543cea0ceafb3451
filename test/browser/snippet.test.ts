import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { createTestEnv, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';

const REAL_CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';

/** A merchant's shop on another port: a landing page and a checkout page that both load the snippet. */
function merchant(apiBase: string, key: string) {
  const page = (body: string) => `<!doctype html><html><head><title>Lumen Shop</title>
    <script src="${apiBase}/t.js" data-key="${key}"></script></head><body>${body}</body></html>`;
  return http.createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (req.url?.startsWith('/landing')) return res.end(page('<h1>Glow Serum</h1><a id="checkout" href="/checkout">Checkout</a>'));
    if (req.url?.startsWith('/checkout')) {
      return res.end(page(`<button id="buy">Pay 49.99</button><pre id="result"></pre>
        <script>document.getElementById('buy').onclick = function () {
          advocate.track('sale', { orderId: 'web-order-1', amount: 4999, currency: 'USD' })
            .then(function (r) { document.getElementById('result').textContent = JSON.stringify(r); });
        };</script>`));
    }
    res.statusCode = 404;
    res.end('not found');
  });
}

describe('the JS snippet in Chromium', { timeout: 120_000 }, () => {
  let env: TestEnv;
  let browser: Browser;
  let shop: http.Server;
  let apiBase = '';
  let shopBase = '';
  let auth: Record<string, string>;
  let code = '';
  let influencerId = '';

  beforeAll(async () => {
    env = await createTestEnv('pglite');
    await env.app.listen({ port: 0, host: '127.0.0.1' });
    apiBase = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
    const ws = await workspaceWithKey(env);
    auth = ws.auth;
    await env.command('user.create', { workspace: ws.slug, email: 'o@shop.test', password: 'a long password', role: 'owner' });
    const login = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'o@shop.test', password: 'a long password' } });
    const session = { cookie: `adv_session=${login.cookies[0]!.value}`, 'x-csrf-token': login.json().csrfToken };
    const key = (await env.app.inject({ method: 'PUT', url: '/api/v1/integrations/snippet', headers: session, payload: {} })).json().token;
    shop = merchant(apiBase, key);
    await new Promise<void>((r) => shop.listen(0, '127.0.0.1', r));
    shopBase = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
    const inf = await env.app.inject({ method: 'POST', url: '/api/v1/influencers', headers: auth, payload: { name: 'Maya', handles: { instagram: 'maya' } } });
    influencerId = inf.json().influencer.id;
    const cmp = await env.app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: auth, payload: { name: 'Glow', destinationUrl: `${shopBase}/landing`, allowedDomains: ['127.0.0.1'] } });
    expect(cmp.statusCode, cmp.body).toBe(201);
    const link = await env.app.inject({ method: 'POST', url: '/api/v1/links', headers: auth, payload: { influencerId, campaignId: cmp.json().campaign.id } });
    code = link.json().link.code;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    shop?.close();
    await env?.close();
  });

  it('counts headless Chromium as a bot: it is redirected but attributes nothing', async () => {
    const page = await browser.newPage();
    await page.goto(`${apiBase}/r/${code}`);
    const clickId = new URL(page.url()).searchParams.get('adv_click');
    const click = await env.database.db.selectFrom('clicks').select(['bot', 'bot_reason']).where('id', '=', clickId!).executeTakeFirstOrThrow();
    expect(click).toEqual({ bot: true, bot_reason: 'crawler' });
    await page.close();
  });

  it('lands from a tracking link, keeps the click id on the shop, and attributes the sale', async () => {
    // Headless Chromium announces itself as HeadlessChrome, which is (rightly) a bot: present as a person.
    const page = await browser.newPage({ userAgent: REAL_CHROME });
    await page.goto(`${apiBase}/r/${code}`);
    expect(page.url()).toMatch(new RegExp(`^${shopBase}/landing\\?.*adv_click=clk_`));
    const clickId = new URL(page.url()).searchParams.get('adv_click');
    expect(await page.evaluate(() => (globalThis as any).localStorage.getItem('adv_click'))).toBe(clickId);
    await page.click('#checkout');
    await page.waitForURL(`${shopBase}/checkout`);
    expect(await page.evaluate(() => (globalThis as any).advocate.clickId())).toBe(clickId);
    await page.click('#buy');
    await page.waitForFunction(() => (globalThis as any).document.getElementById('result').textContent !== '');
    const result = JSON.parse((await page.textContent('#result'))!);
    expect(result).toMatchObject({ influencerId, duplicate: false });
    const conv = (await env.app.inject({ method: 'GET', url: `/api/v1/conversions/${result.id}`, headers: auth })).json().conversion;
    expect(conv).toMatchObject({ source: 'snippet', clickId, amount: 4999, currency: 'USD', attribution: { method: 'click' } });
    await page.close();
  });
});

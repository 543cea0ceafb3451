import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seriousViolations } from '../helpers/axe.ts';
import { launchChromium } from '../helpers/browser.ts';
import { createTestEnv, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { REPO_ROOT } from '../helpers/processes.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';

const REAL_CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
const DAY = 86400_000;

/** The merchant's shop, on its own port: a product page and a checkout that loads the snippet. */
function merchant(snippetTag: () => string) {
  const page = (body: string) => `<!doctype html><html lang="en"><head><title>Lumen Shop</title>
    ${snippetTag()}</head><body>${body}</body></html>`;
  return http.createServer((req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (req.url?.startsWith('/products/serum')) return res.end(page('<h1>Glow Serum</h1><a id="checkout" href="/checkout">Checkout</a>'));
    if (req.url?.startsWith('/checkout')) {
      return res.end(page(`<button id="buy">Pay 120.00</button><pre id="result"></pre>
        <script>document.getElementById('buy').onclick = function () {
          advocate.track('sale', { orderId: 'journey-order-1', amount: 12000, currency: 'USD' })
            .then(function (r) { document.getElementById('result').textContent = JSON.stringify(r); });
        };</script>`));
    }
    if (req.url === '/' || req.url?.startsWith('/?')) return res.end(page('<h1>Lumen Shop</h1>'));
    res.statusCode = 404;
    res.end('not found');
  });
}

// The whole program in a real browser: a brand user sets up a campaign and invites a creator, the
// creator makes a link, a shopper clicks it and buys on the merchant's site, the brand sees it live,
// approves the commission after the hold and pays it out through a PayPal file.
describe('a brand and a creator in Chromium, end to end', { timeout: 240_000 }, () => {
  let env: TestEnv;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let browser: Browser;
  let shop: http.Server;
  let app = '';
  let shopBase = '';
  let brand: Page;
  let creatorContext: BrowserContext;
  let creator: Page;
  let shortUrl = '';
  let snippetTag = '';
  const owner = { email: 'owner@lumen.test', password: 'a long brand password' };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    env = await createTestEnv('pglite', { smtpUrl: smtp.url });
    await env.app.listen({ port: 0, host: '127.0.0.1' });
    app = `http://localhost:${(env.app.server.address() as AddressInfo).port}`;
    // What an operator does once from the CLI: a workspace and its owner; and a creator imported
    // into discovery.
    const ws = await workspaceWithKey(env);
    await env.command('user.create', { workspace: ws.slug, email: owner.email, password: owner.password, role: 'owner' });
    shop = merchant(() => snippetTag);
    await new Promise<void>((r) => shop.listen(0, '127.0.0.1', r));
    shopBase = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
    const maya = await env.app.inject({
      method: 'POST',
      url: '/api/v1/influencers/import',
      headers: ws.auth,
      payload: [{ platform: 'instagram', handle: 'maya.glow', name: 'Maya Chen', email: 'maya@creators.test', followers: 24_000, bio: 'Skincare that works', country: 'US' }],
    });
    expect(maya.statusCode, maya.body).toBeLessThan(300);
    browser = await launchChromium();
    const brandContext = await browser.newContext({ userAgent: REAL_CHROME, viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    brandContext.setDefaultTimeout(15_000);
    brand = await brandContext.newPage();
    brand.on('pageerror', (e) => console.error('brand page error:', e.message));
    creatorContext = await browser.newContext({ userAgent: REAL_CHROME, viewport: { width: 390, height: 844 } });
    creatorContext.setDefaultTimeout(15_000);
    creator = await creatorContext.newPage();
  }, 120_000);

  // A failed step leaves screenshots of both sides behind, to see what the user saw.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    const name = ctx.task.name.replace(/\W+/g, '-').slice(0, 60);
    await brand?.screenshot({ path: path.join(ARTIFACTS, `failed-${name}-brand.png`), fullPage: true }).catch(() => {});
    await creator?.screenshot({ path: path.join(ARTIFACTS, `failed-${name}-creator.png`), fullPage: true }).catch(() => {});
  });

  afterAll(async () => {
    vi.useRealTimers();
    await browser?.close();
    shop?.close();
    await env?.close();
    await smtp?.close();
  });

  it('the brand logs in, creates a campaign and invites a creator to it', async () => {
    await brand.goto(app + '/');
    await brand.getByLabel('Email').fill(owner.email);
    await brand.getByLabel('Password').fill(owner.password);
    await brand.getByRole('button', { name: 'Log in' }).click();
    await brand.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();

    // The shop gets the snippet tag from Settings → Integrations (shown once).
    await brand.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await brand.getByRole('link', { name: /Integrations/ }).click();
    await brand.getByRole('button', { name: 'Create snippet key' }).click();
    const shown = brand.getByText(/<script src=".*\/t\.js" data-key="pk_/).first();
    await shown.waitFor();
    snippetTag = (await shown.textContent())!;
    expect(snippetTag).toMatch(/^<script src="http:\/\/localhost:\d+\/t\.js" data-key="pk_[\w-]+"[^>]*><\/script>$/);

    await brand.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
    await brand.getByRole('button', { name: 'New campaign' }).click();
    await brand.getByLabel('Campaign name').fill('Glow Serum launch');
    await brand.getByLabel('Destination URL').fill(`${shopBase}/products/serum`);
    await brand.getByLabel('Percent (%)').fill('10');
    await brand.getByLabel('Hold days').fill('3');
    await brand.getByRole('button', { name: /Create campaign/ }).click();
    await brand.getByRole('heading', { level: 1, name: 'Glow Serum launch' }).waitFor();
    await brand.getByText('10% of each sale, held 3 days').waitFor();

    await brand.getByRole('link', { name: 'Find creators in Discover' }).click();
    await brand.getByRole('link', { name: 'Maya Chen' }).first().click();
    await brand.getByRole('heading', { level: 1, name: /Maya Chen/ }).waitFor();
    await brand.getByRole('button', { name: 'Add to campaign' }).click();
    await brand.getByRole('dialog').getByLabel('Campaign').selectOption({ label: 'Glow Serum launch' });
    await brand.getByRole('button', { name: 'Add to pipeline' }).click();
    await brand.getByText('Maya Chen is now in the Glow Serum launch pipeline.').waitFor();
    await brand.getByRole('button', { name: 'Done' }).click();

    await brand.getByRole('button', { name: 'Invite to portal' }).click();
    await expect.poll(() => brand.getByLabel("Creator's email").inputValue()).toBe('maya@creators.test');
    await brand.getByRole('button', { name: 'Send invitation' }).click();
    await brand.getByText(/Invitation sent/).waitFor();
    await expect.poll(() => smtp.mails.filter((m) => m.to.includes('maya@creators.test')).length, { timeout: 15_000 }).toBe(1);
  });

  it('the creator accepts the emailed invitation, sets payout details and makes a deep link', async () => {
    const mail = smtp.mails.find((m) => m.to.includes('maya@creators.test'))!;
    const body = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const accept = /https?:\/\/[^\s"<>]+\/portal\/accept\?token=[\w-]+/.exec(body)?.[0];
    expect(accept, body).toBeTruthy();
    await creator.goto(accept!);
    await creator.getByLabel('New password').fill('maya has a long password');
    await creator.getByLabel('Confirm password').fill('maya has a long password');
    await creator.getByRole('button', { name: 'Set password' }).click();
    await creator.getByRole('navigation', { name: 'Portal' }).waitFor();

    await creator.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Payout details' }).click();
    await creator.getByRole('button', { name: /payout details/i }).first().click();
    await creator.getByLabel('PayPal email').fill('maya.pay@creators.test');
    await creator.getByRole('button', { name: 'Save payout details' }).click();
    await creator.getByText('maya.pay@creators.test').first().waitFor();

    await creator.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Links' }).click();
    await creator.getByLabel('Destination URL').fill('https://evil.example.net/phish');
    await creator.getByRole('button', { name: 'Create link' }).click();
    await creator.getByText(/not one of the campaign's allowed domains/).first().waitFor();
    await creator.getByLabel('Destination URL').fill(`${shopBase}/products/serum?variant=30ml`);
    await creator.getByRole('button', { name: 'Create link' }).click();
    shortUrl = (await creator.locator('code').filter({ hasText: '/r/' }).first().textContent())!;
    expect(shortUrl).toMatch(/\/r\/\w+/);
    await creator.screenshot({ path: path.join(ARTIFACTS, 'portal-links.png'), fullPage: true });
    expect(await seriousViolations(creator)).toEqual([]);
  });

  it('a shopper clicks the link, buys on the merchant site, and the brand sees both live within 2 s', async () => {
    await brand.goto(app + '/');
    const clicks = brand.getByTestId('live-clicks');
    const sales = brand.getByTestId('live-sales');
    await expect.poll(async () => (await clicks.textContent()) ?? '', { timeout: 10_000 }).toMatch(/Human clicks today\s*0/);

    const shopper = await (await browser.newContext({ userAgent: REAL_CHROME })).newPage();
    await shopper.goto(shortUrl.replace(/^https?:\/\/[^/]+/, app));
    await shopper.waitForURL(/\/products\/serum\?variant=30ml/);
    expect(new URL(shopper.url()).searchParams.get('adv_click')).toBeTruthy();
    await expect.poll(async () => (await clicks.textContent()) ?? '', { timeout: 2_000, interval: 100 }).toMatch(/Human clicks today\s*1/);

    // A person reads the product page first (a sale within 10 s of its click is held for review).
    await shopper.waitForTimeout(10_500);
    await shopper.click('#checkout');
    await shopper.click('#buy');
    await expect.poll(() => shopper.textContent('#result'), { timeout: 10_000 }).toMatch(/"influencerId":"inf_/);
    const soldAt = Date.now();
    await expect.poll(async () => (await sales.textContent()) ?? '', { timeout: 2_000, interval: 100 }).toMatch(/Sales today\s*1/);
    expect(Date.now() - soldAt).toBeLessThan(2_000);
    await expect.poll(async () => (await brand.getByTestId('live-revenue').textContent()) ?? '').toContain('$120.00');
    await brand.screenshot({ path: path.join(ARTIFACTS, 'journey-overview.png'), fullPage: true });

    // The creator sees the click and the pending commission too.
    await creator.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Earnings' }).click();
    await creator.getByText('$12.00').first().waitFor();
    await creator.screenshot({ path: path.join(ARTIFACTS, 'portal-earnings.png'), fullPage: true });
    expect(await seriousViolations(creator)).toEqual([]);
  });

  it('after the hold the brand approves the commission, pays it in a batch and downloads the PayPal CSV', async () => {
    // Time passes on the server (in this process): the 3-day hold is over (sessions last 7 days).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 4 * DAY, shouldAdvanceTime: true });
    await brand.goto(app + '/commissions');
    await brand.getByRole('heading', { level: 1, name: 'Commissions' }).waitFor();
    await brand.getByRole('cell', { name: 'Maya Chen' }).first().waitFor();
    await brand.getByRole('button', { name: 'Approve all due' }).click();
    await brand.getByRole('dialog').getByRole('button', { name: 'Approve due commissions' }).click();
    await brand.getByRole('tab', { name: /Approved/ }).click();
    await brand.getByRole('cell', { name: '$12.00' }).first().waitFor();

    await brand.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Payouts' }).click();
    await brand.getByRole('button', { name: 'Create payout batch' }).first().click();
    await brand.getByRole('dialog').getByRole('button', { name: 'Create payout batch' }).click();
    await brand.waitForURL(/\/payouts\/\w+/);
    await brand.getByRole('cell', { name: 'Maya Chen' }).first().waitFor();
    const [download] = await Promise.all([brand.waitForEvent('download'), brand.getByRole('link', { name: 'PayPal payouts CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('maya.pay@creators.test');
    expect(csv).toContain('12.00');
    expect(csv).toContain('USD');
    await brand.screenshot({ path: path.join(ARTIFACTS, 'journey-payout.png'), fullPage: true });

    await brand.getByRole('button', { name: 'Mark paid' }).click();
    await brand.getByRole('dialog').getByRole('button', { name: /^Mark 1 payments? paid$/ }).click();
    await brand.getByText(/paid/i).first().waitFor();
    // The creator sees the money as paid.
    await creator.reload();
    await expect.poll(async () => (await creator.getByTestId('paid-USD').textContent()) ?? '').toContain('$12.00');
  });
});

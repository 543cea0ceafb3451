import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/axe.ts';
import { launchChromium } from '../helpers/browser.ts';
import { REPO_ROOT, runCli, startServerProcess, type ServerProcess } from '../helpers/processes.ts';

const REAL_CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

/** The page's data is in: a heading is shown and no "Loading…" placeholder is left. */
async function loaded(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !Array.from((globalThis as any).document.querySelectorAll('.loading')).length, null, { timeout: 15_000 });
}

// A newcomer's first run: `advocate demo`, then `npm start` (which prints the demo login), then the
// populated dashboard in a real browser: every main page loads, is accessible and is screenshotted.
describe('the demo dashboard in Chromium', { timeout: 300_000 }, () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let login: { email: string; password: string };
  const firstLoadJs = new Map<string, number>();

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'adv-demo-ui-'));
    const demo = await runCli(['demo'], { ADVOCATE_DATA_DIR: dataDir });
    expect(demo.code, demo.stderr).toBe(0);
    server = await startServerProcess({ ADVOCATE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    // Printed just after the server starts listening (it checks the login is still valid first).
    for (let i = 0; i < 150 && !server.output().includes('Advocate dashboard: http'); i++) await new Promise((r) => setTimeout(r, 100));
    const printed = /Demo login: (\S+) \/ (\S+)/.exec(server.output());
    expect(printed, server.output()).not.toBeNull();
    login = { email: printed![1]!, password: printed![2]! };
    expect(demo.stdout).toContain(`Dashboard login: ${login.email} / ${login.password}`);
    browser = await launchChromium();
    context = await browser.newContext({ userAgent: REAL_CHROME, viewport: { width: 1360, height: 900 }, timezoneId: 'America/New_York', locale: 'en-US' });
    page = await context.newPage();
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) firstLoadJs.set(new URL(r.url()).pathname, 0);
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs in with the printed demo login using only the keyboard and shows a populated overview', async () => {
    await page.goto(server.url + '/');
    await page.getByLabel('Email').focus();
    await page.keyboard.type(login.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(login.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    const humanClicks = page.getByTestId('live-clicks');
    await expect.poll(async () => (await humanClicks.textContent()) ?? '', { timeout: 10_000 }).toMatch(/\d/);
    await page.getByRole('heading', { name: 'Clicks per day' }).waitFor();
    await page.getByRole('heading', { name: 'Top creators by sales' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'overview.png'), fullPage: true });
  });

  it('keeps the JS of the first route under 300 KB gzipped (the other pages load on demand)', () => {
    let total = 0;
    for (const asset of firstLoadJs.keys()) total += gzipSync(readFileSync(path.join(REPO_ROOT, 'web', 'dist', asset))).length;
    expect(firstLoadJs.size).toBeGreaterThan(0);
    expect([...firstLoadJs.keys()].some((a) => a.includes('settings-page'))).toBe(false);
    expect(total).toBeLessThan(300 * 1024);
  });

  it('offers a skip link as the first stop of the keyboard', async () => {
    await page.goto(server.url + '/');
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => (globalThis as any).document.activeElement?.textContent);
    expect(focused).toBe('Skip to content');
  });

  const PAGES: [string, string, string][] = [
    ['/', 'Overview', 'overview'],
    ['/discover', 'Discover', 'discover'],
    ['/campaigns', 'Campaigns', 'campaigns'],
    ['/links', 'Links', 'links'],
    ['/conversions', 'Conversions', 'conversions'],
    ['/commissions', 'Commissions', 'commissions'],
    ['/payouts', 'Payouts', 'payouts'],
    ['/settings', 'Settings', 'settings'],
  ];
  it.each(PAGES)('%s loads with data, is reachable from the menu and has no serious accessibility violation', async (href, title, shot) => {
    await page.goto(server.url + '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: title, exact: true }).click();
    await page.waitForURL(server.url + href);
    await page.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor();
    await loaded(page);
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, `${shot}.png`), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('opens a creator profile and a campaign from their lists, both accessible', async () => {
    await page.goto(server.url + '/campaigns');
    await page.getByRole('link', { name: /Spring|Summer|Glow|Launch/ }).first().click();
    await page.waitForURL(/\/campaigns\/cmp_/);
    await loaded(page);
    await page.getByRole('tab', { name: 'Pipeline' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'campaign.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Drag a creator to the next stage; move another with the keyboard-friendly control.
    const column = (stage: string) => page.locator(`section[data-stage="${stage}"]`);
    const tile = column('prospect').locator('article').first();
    const name = (await tile.getAttribute('aria-label'))!;
    await tile.dragTo(column('contacted'));
    await column('contacted').locator(`article[aria-label="${name}"]`).waitFor();
    const other = column('contacted').locator('article').filter({ hasNot: page.locator(`[aria-label="${name}"]`) }).first();
    const otherName = (await other.getAttribute('aria-label'))!;
    await page.getByLabel(`Move to stage for ${otherName}`).selectOption({ label: 'Negotiating' });
    await page.getByRole('button', { name: `Move ${otherName} to Negotiating` }).click();
    await column('negotiating').locator(`article[aria-label="${otherName}"]`).waitFor();
    await page.reload();
    await column('contacted').locator(`article[aria-label="${name}"]`).waitFor();
    await column('negotiating').locator(`article[aria-label="${otherName}"]`).waitFor();
    await page.goto(server.url + '/discover');
    await page.waitForLoadState('networkidle');
    await page.locator('a[href^="/discover/inf_"]').first().click();
    await page.waitForURL(/\/discover\/inf_/);
    await loaded(page);
    await page.getByRole('heading', { name: 'Authenticity' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'creator.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });
});

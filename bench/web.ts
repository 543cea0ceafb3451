import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../test/helpers/browser.ts';
import { REPO_ROOT, runCli, startServerProcess } from '../test/helpers/processes.ts';
import { ms, percentile, ratio, table } from './lib.ts';

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const RUNS = 10;

/**
 * First load of the dashboard in Chromium with an empty cache (logged in), until the overview shows
 * its numbers and charts, beside a baseline: a bare Node server answering a one-line HTML page.
 */
export async function benchWeb(): Promise<void> {
  console.log('\n## Dashboard first load (Chromium, empty cache, localhost, demo data on PGlite)');
  const dist = path.join(REPO_ROOT, 'web', 'dist', 'assets');
  const sizes = readdirSync(dist).map((f) => ({ f, gz: gzipSync(readFileSync(path.join(dist, f))).length }));
  const entry = sizes.filter((s) => /^(index|brand-app)-.*\.(js|css)$/.test(s.f)).reduce((a, s) => a + s.gz, 0);
  console.log(`first route JS+CSS gzipped: ${(entry / 1024).toFixed(1)} KB (${sizes.filter((s) => /^(index|brand-app)-/.test(s.f)).map((s) => s.f).join(', ')})`);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'advocate-bench-web-'));
  const bare = http.createServer((_q, s) => s.end('<!doctype html><title>x</title><h1>Overview</h1>'));
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
  const demo = await runCli(['demo'], { ADVOCATE_DATA_DIR: dataDir });
  const [, email, password] = /Dashboard login: (\S+) \/ (\S+)/.exec(demo.stdout) ?? [];
  const server = await startServerProcess({ ADVOCATE_DATA_DIR: dataDir });
  const browser = await launchChromium();
  try {
    const login = await browser.newContext({ userAgent: UA });
    const p = await login.newPage();
    await p.goto(server.url + '/');
    await p.getByLabel('Email').fill(email!);
    await p.getByLabel('Password').fill(password!);
    await p.getByRole('button', { name: 'Log in' }).click();
    await p.getByRole('heading', { name: 'Clicks per day' }).waitFor();
    const state = await login.storageState();
    await login.close();

    const time = async (url: string, ready: (page: import('playwright-core').Page) => Promise<unknown>) => {
      const out: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const ctx = await browser.newContext({ userAgent: UA, storageState: state });
        const page = await ctx.newPage();
        const t0 = performance.now();
        await page.goto(url);
        await ready(page);
        out.push(performance.now() - t0);
        await ctx.close();
      }
      return out.sort((a, b) => a - b);
    };
    const base = await time(bareUrl, (page) => page.getByRole('heading', { name: 'Overview' }).waitFor());
    const dash = await time(server.url + '/', (page) => page.getByRole('heading', { name: 'Clicks per day' }).waitFor());
    const dom = await time(server.url + '/', (page) => page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor());
    table([
      ['load (10 runs, new context each)', 'p50', 'p95', 'p50 vs bare'],
      ['bare one-line page (baseline)', ms(percentile(base, 50)), ms(percentile(base, 95)), '1.00×'],
      ['dashboard shell rendered (h1)', ms(percentile(dom, 50)), ms(percentile(dom, 95)), ratio(percentile(dom, 50), percentile(base, 50))],
      ['overview with data and charts', ms(percentile(dash, 50)), ms(percentile(dash, 95)), ratio(percentile(dash, 50), percentile(base, 50))],
    ]);
  } finally {
    await browser.close();
    await server.stop();
    bare.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

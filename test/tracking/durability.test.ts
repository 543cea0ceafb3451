import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { buildApp } from '../../src/http/build-app.ts';
import { runCommand } from '../../src/admin/commands.ts';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../helpers/engines.ts';
import { runCli, startServerProcess, type ServerProcess } from '../helpers/processes.ts';
import { startTcpProxy } from '../helpers/tcp-proxy.ts';

const lastLine = (s: string) => s.trimEnd().split('\n').at(-1)!;

async function api(server: ServerProcess, key: string, method: string, url: string, body?: unknown): Promise<any> {
  const res = await fetch(server.url + url, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return res.json();
}

async function setUpLink(server: ServerProcess, env: Record<string, string>) {
  expect((await runCli(['workspace', 'create', 'acme'], env)).code).toBe(0);
  const key = lastLine((await runCli(['keys', 'create', '--workspace', 'acme'], env)).stdout);
  const inf = await api(server, key, 'POST', '/api/v1/influencers', { name: 'Ana', handles: { instagram: 'ana' } });
  const cmp = await api(server, key, 'POST', '/api/v1/campaigns', { name: 'Launch', destinationUrl: 'https://example.com/' });
  const link = await api(server, key, 'POST', '/api/v1/links', { influencerId: inf.influencer.id, campaignId: cmp.campaign.id });
  return { key, link: link.link };
}

/** Hammers a link with `concurrency` loops until the server dies; counts the 302s received. */
async function loadUntilKilled(server: ServerProcess, code: string, concurrency: number, killAfterMs: number) {
  let redirects = 0;
  let running = true;
  const loop = async () => {
    while (running) {
      try {
        const res = await fetch(`${server.url}/r/${code}`, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 (iPhone) Mobile Safari' } });
        await res.arrayBuffer();
        if (res.status === 302) redirects++;
      } catch {
        return; // the server is gone
      }
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  await new Promise((r) => setTimeout(r, killAfterMs));
  server.child.kill('SIGKILL');
  running = false;
  await Promise.all(loops);
  return redirects;
}

async function storedClicks(server: ServerProcess, key: string, linkId: string): Promise<number> {
  const report = await api(server, key, 'GET', `/api/v1/reports/clicks?groupBy=link&linkId=${linkId}&from=${new Date(Date.now() - 86400_000).toISOString()}`);
  return report.rows[0]?.clicks ?? 0;
}

describe.each(['pglite', 'postgres'] as const)('kill -9 under load on %s', { timeout: 300_000 }, (engine) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'advocate-kill-'));
  const schema = uniqueSchema();
  const env: Record<string, string> = { ADVOCATE_DATA_DIR: dataDir, ...(engine === 'postgres' ? { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema } : {}) };
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (engine === 'postgres') await dropSchema(schema);
  });

  it('stores every click whose 302 was received', async () => {
    const server = await startServerProcess(env);
    const { key, link } = await setUpLink(server, env);
    const concurrency = 32;
    const received = await loadUntilKilled(server, link.code, concurrency, 2500);
    // Crash recovery replays PGlite's WAL; on a loaded 2-core machine that can take a while.
    const again = await startServerProcess(env, 120_000);
    try {
      const stored = await storedClicks(again, key, link.id);
      // A batch can commit just before the kill and its responses never leave: at most one per connection.
      expect(received).toBeGreaterThan(50);
      expect(stored).toBeGreaterThanOrEqual(received);
      expect(stored - received).toBeLessThanOrEqual(concurrency);
      console.log(`${engine}: ${received} redirects received before kill -9, ${stored} clicks stored`);
    } finally {
      await again.stop();
    }
  });
});

describe('link changes reach every server process within a second (PostgreSQL)', { timeout: 120_000 }, () => {
  const schema = uniqueSchema();
  const dirs = [mkdtempSync(path.join(os.tmpdir(), 'advocate-a-')), mkdtempSync(path.join(os.tmpdir(), 'advocate-b-'))];
  afterAll(async () => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await dropSchema(schema);
  });

  it('disables a link through one process and the other stops redirecting', async () => {
    const envA = { ADVOCATE_DATA_DIR: dirs[0]!, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema };
    const a = await startServerProcess(envA);
    const b = await startServerProcess({ ...envA, ADVOCATE_DATA_DIR: dirs[1]! });
    try {
      const { key, link } = await setUpLink(a, envA);
      const hit = () => fetch(`${b.url}/r/${link.code}`, { redirect: 'manual' }).then((r) => r.status);
      expect(await hit()).toBe(302); // now cached in b
      const t0 = Date.now();
      await api(a, key, 'PATCH', `/api/v1/links/${link.id}`, { disabled: true });
      let status = await hit();
      while (status !== 404 && Date.now() - t0 < 1000) status = await hit();
      expect(status).toBe(404);
      expect(Date.now() - t0).toBeLessThan(1000);
      await api(a, key, 'PATCH', `/api/v1/links/${link.id}`, { destinationUrl: 'https://example.com/new', disabled: false });
      const t1 = Date.now();
      let location = '';
      while (!location.startsWith('https://example.com/new') && Date.now() - t1 < 1000) {
        location = (await fetch(`${b.url}/r/${link.code}`, { redirect: 'manual' })).headers.get('location') ?? '';
      }
      expect(location).toMatch(/^https:\/\/example\.com\/new\?/);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});

describe('redirects survive a PostgreSQL outage', { timeout: 120_000 }, () => {
  const schema = uniqueSchema();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'advocate-outage-'));
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await dropSchema(schema);
  });

  it('keeps redirecting known links while the database is unreachable and writes their clicks when it returns', async () => {
    const proxy = await startTcpProxy(Number(new URL(TEST_DATABASE_URL).port || 5432));
    const url = new URL(TEST_DATABASE_URL);
    url.port = String(proxy.port);
    const database = await openDatabase({ url: url.href, schema });
    await migrate(database.db);
    const config = loadConfig({ LOG_LEVEL: 'silent', ADVOCATE_DATA_DIR: dataDir });
    const app = await buildApp({ config, database, logger: false });
    try {
      const ctx = { db: database.db, actor: { kind: 'system' as const, name: 'test' }, log: app.log };
      await runCommand('workspace.create', { slug: 'acme' }, ctx, database);
      const { secret } = (await runCommand('keys.create', { workspace: 'acme' }, ctx, database)) as { secret: string };
      const auth = { authorization: `Bearer ${secret}` };
      const inf = (await app.inject({ method: 'POST', url: '/api/v1/influencers', headers: auth, payload: { name: 'Ana' } })).json();
      const cmp = (await app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: auth, payload: { name: 'Launch', destinationUrl: 'https://example.com/' } })).json();
      const link = (await app.inject({ method: 'POST', url: '/api/v1/links', headers: auth, payload: { influencerId: inf.influencer.id, campaignId: cmp.campaign.id } })).json().link;
      expect((await app.inject(`/r/${link.code}`)).statusCode).toBe(302);

      await proxy.cut();
      const during = [];
      for (let i = 0; i < 25; i++) during.push((await app.inject({ url: `/r/${link.code}`, remoteAddress: `198.51.100.${i}` })).statusCode);
      expect(during.every((s) => s === 302)).toBe(true);
      expect(app.tracking.writer.spooled).toBe(25);
      const api503 = await app.inject({ method: 'GET', url: '/api/v1/workspace', headers: auth });
      expect(api503.statusCode).toBe(503);
      expect(api503.json().error.code).toBe('UNAVAILABLE');

      await proxy.restore();
      const deadline = Date.now() + 15_000;
      let clicks = 0;
      while (Date.now() < deadline) {
        const rep = await app.inject({ method: 'GET', url: `/api/v1/reports/clicks?groupBy=link&linkId=${link.id}`, headers: auth });
        if (rep.statusCode === 200) clicks = rep.json().rows[0]?.clicks ?? 0;
        if (clicks === 26) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(clicks).toBe(26);
      expect(app.tracking.writer.spooled).toBe(0);
    } finally {
      await app.close();
      await database.close();
      await proxy.close();
    }
  });
});

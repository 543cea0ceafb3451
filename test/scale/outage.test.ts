import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../helpers/engines.ts';
import { runCli, startServerProcess, type ServerProcess } from '../helpers/processes.ts';
import { startTcpProxy } from '../helpers/tcp-proxy.ts';

const UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const OUTAGE_MS = 4000;
// Requests already in flight when the connection drops may fail either way; judge the outage after this.
const GRACE_MS = 500;

type Sample = { kind: 'redirect' | 'conversion' | 'read' | 'ready'; start: number; end: number; status: number; code?: string; retryAfter?: string | null; orderId?: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function call(server: ServerProcess, key: string, method: string, url: string, body?: unknown) {
  const res = await fetch(server.url + url, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json, retryAfter: res.headers.get('retry-after'), location: res.headers.get('location') };
}

describe('a PostgreSQL outage under mixed load (one server process)', { timeout: 120_000 }, () => {
  const schema = uniqueSchema();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'advocate-outage-load-'));
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await dropSchema(schema);
  });

  it('answers 503 for conversions, reads and /readyz, keeps redirecting, recovers by itself and loses nothing it acknowledged', async () => {
    const target = new URL(TEST_DATABASE_URL);
    const proxy = await startTcpProxy(Number(target.port || 5432), target.hostname);
    const viaProxy = new URL(TEST_DATABASE_URL);
    viaProxy.port = String(proxy.port);
    const env = { ADVOCATE_DATA_DIR: dataDir, DATABASE_URL: viaProxy.href, DATABASE_SCHEMA: schema };
    const server = await startServerProcess(env);
    const direct = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await direct.connect();
    try {
      expect((await runCli(['workspace', 'create', 'outage'], env)).code).toBe(0);
      const key = (await runCli(['keys', 'create', '--workspace', 'outage'], env)).stdout.trimEnd().split('\n').at(-1)!;
      const inf = (await call(server, key, 'POST', '/api/v1/influencers', { name: 'Ana', handles: { instagram: 'ana' } })).json.influencer;
      const cmp = (await call(server, key, 'POST', '/api/v1/campaigns', { name: 'Launch', destinationUrl: 'https://example.com/' })).json.campaign;
      const codes: string[] = [];
      for (let i = 0; i < 8; i++) codes.push((await call(server, key, 'POST', '/api/v1/links', { influencerId: inf.id, campaignId: cmp.id, label: `l${i}` })).json.link.code);

      const samples: Sample[] = [];
      let redirects302 = 0;
      // Every link is visited once first: the outage test is about links the process already knows.
      let clickId = '';
      for (const code of codes) {
        const res = await fetch(`${server.url}/r/${code}`, { redirect: 'manual', headers: { 'user-agent': UA } });
        expect(res.status).toBe(302);
        redirects302++;
        clickId = new URL(res.headers.get('location')!).searchParams.get('adv_click')!;
      }

      let running = true;
      let n = 0;
      const loop = (kind: Sample['kind'], pauseMs: number, once: () => Promise<Omit<Sample, 'kind' | 'start' | 'end'>>) => async () => {
        while (running) {
          const start = Date.now();
          try {
            const result = await once();
            samples.push({ kind, start, end: Date.now(), ...result });
          } catch (err) {
            samples.push({ kind, start, end: Date.now(), status: 0, code: String(err) });
          }
          await sleep(pauseMs);
        }
      };
      const redirect = async () => {
        const code = codes[n++ % codes.length]!;
        const res = await fetch(`${server.url}/r/${code}`, { redirect: 'manual', headers: { 'user-agent': UA, 'x-forwarded-for': `198.51.100.${n % 250}` } });
        await res.arrayBuffer();
        if (res.status === 302) redirects302++;
        return { status: res.status };
      };
      const conversion = async () => {
        const orderId = `ord-${++n}`;
        const r = await call(server, key, 'POST', '/api/v1/conversions', { type: 'sale', orderId, amount: 2500, currency: 'USD', clickId, customerId: `c-${n}` });
        return { status: r.status, code: r.json?.error?.code, retryAfter: r.retryAfter, orderId };
      };
      const read = async () => {
        const r = await call(server, key, 'GET', '/api/v1/workspace');
        return { status: r.status, code: r.json?.error?.code, retryAfter: r.retryAfter };
      };
      const ready = async () => ({ status: (await fetch(`${server.url}/readyz`).then(async (r) => (await r.arrayBuffer(), r))).status });
      const loops = [
        ...Array.from({ length: 4 }, loop('redirect', 5, redirect)),
        ...Array.from({ length: 2 }, loop('conversion', 20, conversion)),
        loop('read', 50, read)(),
        loop('ready', 100, ready)(),
      ];

      await sleep(2000);
      const cutAt = Date.now();
      await proxy.cut();
      await sleep(OUTAGE_MS);
      const restoredAt = Date.now();
      await proxy.restore();
      await sleep(6000);
      running = false;
      await Promise.all(loops);

      const before = samples.filter((s) => s.end < cutAt);
      const during = samples.filter((s) => s.start >= cutAt + GRACE_MS && s.end < restoredAt);
      const of = (list: Sample[], kind: Sample['kind']) => list.filter((s) => s.kind === kind);
      const statuses = (list: Sample[]) => [...new Set(list.map((s) => s.status))].sort();

      // Before: a healthy server.
      expect(statuses(of(before, 'redirect'))).toEqual([302]);
      expect(statuses(of(before, 'conversion'))).toEqual([201]);
      expect(statuses(of(before, 'read'))).toEqual([200]);

      // During: clear 503s with the catalogued code and a retry hint; redirects of known links still 302.
      for (const kind of ['conversion', 'read'] as const) {
        const list = of(during, kind);
        expect(list.length).toBeGreaterThan(3);
        expect(statuses(list)).toEqual([503]);
        expect(new Set(list.map((s) => s.code))).toEqual(new Set(['UNAVAILABLE']));
        expect(list.every((s) => s.retryAfter === '1')).toBe(true);
      }
      expect(of(during, 'redirect').length).toBeGreaterThan(50);
      expect(statuses(of(during, 'redirect'))).toEqual([302]);
      expect(statuses(of(during, 'ready'))).toEqual([503]);

      // Nothing anywhere was a 500 or a dropped connection; conversions are only ever 201 or 503.
      expect(samples.filter((s) => s.status === 0 || s.status >= 500 && s.status !== 503)).toEqual([]);
      expect(samples.filter((s) => s.kind === 'redirect' && s.status !== 302)).toEqual([]);

      // After: every kind of request succeeds again, without a restart, within a few seconds.
      const recovered = (kind: Sample['kind'], ok: number) => {
        const after = of(samples, kind).filter((s) => s.start >= restoredAt);
        const firstOk = after.find((s) => s.status === ok);
        expect(firstOk, `${kind} recovered`).toBeDefined();
        expect(after.filter((s) => s.start > firstOk!.end).every((s) => s.status === ok)).toBe(true);
        return firstOk!.end - restoredAt;
      };
      const recovery = { conversion: recovered('conversion', 201), read: recovered('read', 200), ready: recovered('ready', 200) };
      for (const ms of Object.values(recovery)) expect(ms).toBeLessThan(5000);

      // A client retrying each 503 with the same order id gets it stored once (201, or 200 if it had committed).
      const refused = of(samples, 'conversion').filter((s) => s.status === 503);
      // Like a real client: a few at a time, and a 503 (e.g. every pooled connection busy on a loaded
      // machine) is retried after its retry-after.
      const retryUntilAnswered = async (orderId: string) => {
        for (let attempt = 0; ; attempt++) {
          const r = await call(server, key, 'POST', '/api/v1/conversions', { type: 'sale', orderId, amount: 2500, currency: 'USD', clickId });
          if (r.status !== 503 || attempt === 20) return r;
          await sleep(Number(r.retryAfter ?? 1) * 1000);
        }
      };
      const retried: Awaited<ReturnType<typeof call>>[] = [];
      for (let i = 0; i < refused.length; i += 4) retried.push(...(await Promise.all(refused.slice(i, i + 4).map((s) => retryUntilAnswered(s.orderId!)))));
      expect(retried.filter((r) => r.status !== 201 && r.status !== 200).map((r) => `${r.status} ${JSON.stringify(r.json)}`)).toEqual([]);

      // Stored exactly once: every acknowledged conversion, and nothing else.
      const wsId = (await call(server, key, 'GET', '/api/v1/workspace')).json.workspace.id;
      const stored = await direct.query(`select order_id, count(*)::int as n from "${schema}".conversions where workspace_id = $1 group by order_id`, [wsId]);
      const storedIds = new Map<string, number>(stored.rows.map((r: { order_id: string; n: number }) => [r.order_id, r.n]));
      const accepted = of(samples, 'conversion').filter((s) => s.status === 201).map((s) => s.orderId!);
      expect([...storedIds.values()].every((c) => c === 1)).toBe(true);
      expect(accepted.every((id) => storedIds.has(id))).toBe(true);
      expect(storedIds.size).toBe(accepted.length + refused.length);

      // Every 302 is a stored click once the spool has been replayed (the server does it by itself).
      let clicks = 0;
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        clicks = (await direct.query(`select count(*)::int as n from "${schema}".clicks`)).rows[0].n;
        if (clicks >= redirects302) break;
        await sleep(250);
      }
      expect(clicks).toBe(redirects302);
      const outageRedirects = of(samples, 'redirect').filter((s) => s.start >= cutAt && s.end < restoredAt).length;
      console.log(
        `outage ${OUTAGE_MS} ms: ${redirects302} redirects (${outageRedirects} during the outage) = ${clicks} clicks stored; ` +
          `${accepted.length} conversions 201 + ${refused.length} 503 retried = ${storedIds.size} stored; ` +
          `recovered after restore in ${recovery.conversion} ms (conversions), ${recovery.read} ms (reads), ${recovery.ready} ms (/readyz)`,
      );
    } finally {
      await direct.end();
      await server.stop();
      await proxy.close();
    }
  });
});

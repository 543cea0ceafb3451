import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../helpers/engines.ts';
import { runCli, startServerProcess, type ServerProcess } from '../helpers/processes.ts';

const UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const lastLine = (s: string) => s.trimEnd().split('\n').at(-1)!;

/** Pids of the live server processes whose parent is `pid` (the cluster's workers). */
function childPids(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Only the workers: tsx may have an esbuild service running under the same parent.
      if (Number(ppid) === pid && state !== 'Z' && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('advocate.js')) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found.sort();
}

async function waitFor<T>(what: string, fn: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await sleep(100);
  }
}

async function call(url: string, key: string | null, method: string, route: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url + route, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json, headers: res.headers };
}

describe('several server processes on one PostgreSQL', { timeout: 240_000 }, () => {
  const schema = uniqueSchema();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'advocate-cluster-'));
  const env = { ADVOCATE_DATA_DIR: dataDir, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema };
  const direct = new pg.Client({ connectionString: TEST_DATABASE_URL });
  afterAll(async () => {
    await direct.end().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    await dropSchema(schema);
  });

  it('serve --workers 2: a worker killed with SIGKILL under mixed load is replaced, and every acknowledged click and conversion is stored once', async () => {
    const server = await startServerProcess(env, 120_000, ['--workers', '2']);
    await direct.connect();
    try {
      const primary = server.child.pid!;
      const workers = await waitFor('two workers', () => childPids(primary), (p) => p.length === 2);

      expect((await runCli(['workspace', 'create', 'cluster'], env)).code).toBe(0);
      const key = lastLine((await runCli(['keys', 'create', '--workspace', 'cluster'], env)).stdout);
      const inf = (await call(server.url, key, 'POST', '/api/v1/influencers', { name: 'Ana', handles: { instagram: 'ana' } })).json.influencer;
      const cmp = (await call(server.url, key, 'POST', '/api/v1/campaigns', {
        name: 'Launch',
        destinationUrl: 'https://example.com/',
        commissionPlan: { type: 'percent', percent: 10 },
      })).json.campaign;
      const codes: string[] = [];
      for (let i = 0; i < 6; i++) codes.push((await call(server.url, key, 'POST', '/api/v1/links', { influencerId: inf.id, campaignId: cmp.id, label: `l${i}` })).json.link.code);

      const clickIds: string[] = []; // from the Location of every 302 received
      const accepted = new Set<string>(); // order ids answered 201
      const unanswered: string[] = []; // conversions whose connection broke: the client retries them
      const statuses = new Map<number, number>();
      const count = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
      let running = true;
      let n = 0;
      const redirectLoop = async () => {
        while (running) {
          const i = n++;
          try {
            const res = await fetch(`${server.url}/r/${codes[i % codes.length]}`, { redirect: 'manual', headers: { 'user-agent': UA, 'x-forwarded-for': `203.0.113.${i % 250}` } });
            await res.arrayBuffer();
            count(res.status);
            if (res.status === 302) clickIds.push(new URL(res.headers.get('location')!).searchParams.get('adv_click')!);
          } catch {
            count(0); // the worker died with the request in flight: not acknowledged
          }
        }
      };
      const conversionLoop = async () => {
        while (running) {
          const orderId = `ord-${n++}`;
          const clickId = clickIds[Math.floor(Math.random() * clickIds.length)];
          try {
            const r = await call(server.url, key, 'POST', '/api/v1/conversions', { type: 'sale', orderId, amount: 4900, currency: 'USD', ...(clickId ? { clickId } : {}) });
            count(r.status);
            if (r.status === 201) accepted.add(orderId);
            else unanswered.push(orderId);
          } catch {
            count(0);
            unanswered.push(orderId);
          }
        }
      };
      const loops = [...Array.from({ length: 12 }, redirectLoop), ...Array.from({ length: 3 }, conversionLoop)];

      await sleep(3000);
      const victim = workers[0]!;
      const atKill = { clicks: clickIds.length, conversions: accepted.size };
      process.kill(victim, 'SIGKILL');
      // The other worker keeps answering while the primary starts a replacement.
      const replaced = await waitFor('a replacement worker', () => childPids(primary), (p) => p.length === 2 && !p.includes(victim));
      await sleep(3000);
      running = false;
      await Promise.all(loops);

      expect(server.output()).toContain(`worker ${victim} exited (SIGKILL); starting another`);
      expect(replaced).toContain(workers[1]);
      expect(clickIds.length).toBeGreaterThan(atKill.clicks + 20); // served on after the kill
      expect(accepted.size).toBeGreaterThan(atKill.conversions);
      // Only the dead worker's in-flight requests failed; nothing answered 5xx.
      expect([...statuses.keys()].filter((s) => s !== 302 && s !== 201 && s !== 0)).toEqual([]);
      expect(statuses.get(0) ?? 0).toBeLessThanOrEqual(loops.length); // at most the one request in flight per loop

      // Every click whose 302 reached the visitor is stored, once.
      // (A click spooled under load is replayed within a second or two: wait for it.)
      const storedOf = async () => (await direct.query(`select id from "${schema}".clicks where id = any($1::text[])`, [clickIds])).rows.length;
      expect(await waitFor('every acknowledged click', storedOf, (n) => n >= clickIds.length, 15_000)).toBe(new Set(clickIds).size);
      expect(new Set(clickIds).size).toBe(clickIds.length);

      // The client retries conversions it got no answer for: each order is stored exactly once.
      for (const orderId of unanswered) {
        const r = await call(server.url, key, 'POST', '/api/v1/conversions', { type: 'sale', orderId, amount: 4900, currency: 'USD' });
        expect([200, 201]).toContain(r.status);
      }
      const { rows } = await direct.query(`select order_id, count(*)::int as n from "${schema}".conversions group by order_id`);
      const stored = new Map<string, number>(rows.map((r: { order_id: string; n: number }) => [r.order_id, r.n]));
      expect([...accepted].every((id) => stored.has(id))).toBe(true); // (one row per order id: a unique index)
      expect(stored.size).toBe(accepted.size + unanswered.length);
      // No conversion was half written: an active attributed sale has exactly its 10% commission, one held
      // for review (these arrive seconds after their click: FAST_CONVERSION) has none yet.
      const { rows: inconsistent } = await direct.query(
        `select c.id, c.status, count(m.id)::int as commissions, min(m.amount) as amount
           from "${schema}".conversions c left join "${schema}".commissions m on m.conversion_id = c.id
          where c.influencer_id is not null group by c.id, c.status
         having (c.status = 'active' and (count(m.id) <> 1 or min(m.amount) <> 490)) or (c.status = 'review' and count(m.id) <> 0)`,
      );
      expect(inconsistent).toEqual([]);
      const { rows: attributed } = await direct.query(`select count(*)::int as n from "${schema}".conversions where influencer_id is not null`);
      expect(attributed[0].n).toBeGreaterThan(accepted.size / 2);
      console.log(
        `--workers 2, kill -9 of ${victim}: ${clickIds.length} redirects 302 = stored; ${accepted.size} conversions 201 + ` +
          `${unanswered.length} retried = ${stored.size} stored once; ${statuses.get(0) ?? 0} requests cut by the kill`,
      );
    } finally {
      await server.stop();
    }
  });

  it('a second instance shares sessions, login rate limits and link changes with the first', async () => {
    const a = await startServerProcess(env, 120_000);
    const b = await startServerProcess(env, 120_000);
    try {
      const password = 'correct horse battery staple';
      expect((await runCli(['workspace', 'create', 'instances'], env)).code).toBe(0);
      const created = await runCli(['user', 'create', '--workspace', 'instances', '--email', 'ops@cluster.test', '--role', 'owner', '--password-stdin'], env, password);
      expect(created.code).toBe(0);

      // A session made on A is honoured by B, and a logout on B ends it on A.
      const login = await call(a.url, null, 'POST', '/api/v1/auth/login', { email: 'ops@cluster.test', password });
      expect(login.status).toBe(200);
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const csrf = login.json.csrfToken as string;
      expect((await call(b.url, null, 'GET', '/api/v1/auth/session', undefined, { cookie })).status).toBe(200);
      expect((await call(b.url, null, 'POST', '/api/v1/auth/logout', undefined, { cookie, 'x-csrf-token': csrf })).status).toBe(204);
      expect((await call(a.url, null, 'GET', '/api/v1/auth/session', undefined, { cookie })).status).toBe(401);

      // Wrong passwords alternated between the two instances share one window of 10 attempts.
      const attempt = (url: string, pw: string) => call(url, null, 'POST', '/api/v1/auth/login', { email: 'ops@cluster.test', password: pw }, { 'x-forwarded-for': '198.51.100.77' });
      const seen: number[] = [];
      for (let i = 0; i < 10; i++) seen.push((await attempt(i % 2 ? b.url : a.url, 'wrong password!')).status);
      expect(seen).toEqual(Array(10).fill(401));
      const blockedA = await attempt(a.url, password);
      const blockedB = await attempt(b.url, password);
      expect([blockedA.status, blockedB.status]).toEqual([429, 429]);
      expect(blockedB.json.error.code).toBe('LIMIT_EXCEEDED');
      expect(blockedB.json.error.message).toMatch(/^Too many attempts; try again in \d+ s$/);
      // Another address is not affected.
      expect((await call(b.url, null, 'POST', '/api/v1/auth/login', { email: 'ops@cluster.test', password }, { 'x-forwarded-for': '198.51.100.78' })).status).toBe(200);

      // A link disabled through A stops redirecting on B at once (cache invalidation by NOTIFY).
      const key = lastLine((await runCli(['keys', 'create', '--workspace', 'instances'], env)).stdout);
      const inf = (await call(a.url, key, 'POST', '/api/v1/influencers', { name: 'Bo', handles: { tiktok: 'bo' } })).json.influencer;
      const cmp = (await call(a.url, key, 'POST', '/api/v1/campaigns', { name: 'Spring', destinationUrl: 'https://example.com/spring' })).json.campaign;
      const link = (await call(a.url, key, 'POST', '/api/v1/links', { influencerId: inf.id, campaignId: cmp.id, label: 'shared' })).json.link;
      const visit = () => fetch(`${b.url}/r/${link.code}`, { redirect: 'manual', headers: { 'user-agent': UA } }).then(async (r) => (await r.arrayBuffer(), r.status));
      expect(await visit()).toBe(302); // B now has it cached
      expect((await call(a.url, key, 'PATCH', `/api/v1/links/${link.id}`, { disabled: true })).status).toBe(200);
      expect(await waitFor('B to drop the link', visit, (s) => s === 404, 5000)).toBe(404);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});

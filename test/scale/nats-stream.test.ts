import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClickEvent } from '../../src/clicks/click-event.ts';
import { clickEventCodec } from '../../src/clicks/click-event-codec.ts';
import { CLICK_CONSUMER, clickSubject } from '../../src/clicks/ensure-click-stream.ts';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../helpers/engines.ts';
import { freePort, runCli, startServerProcess, type ServerProcess } from '../helpers/processes.ts';
import { startTcpProxy } from '../helpers/tcp-proxy.ts';

// The NATS server with JetStream that .ci/run starts when it is not running.
const NATS_URL = process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
const UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Redirected = { id: string; at: number };
type LoadResult = { redirected: Redirected[]; otherStatuses: number[]; failed: number };

/** `concurrency` loops over the servers and links until `total` requests were sent or stop() is called. */
function load(urls: string[], codes: string[], concurrency: number, total = Infinity) {
  const result: LoadResult = { redirected: [], otherStatuses: [], failed: 0 };
  let running = true;
  let n = 0;
  const loop = async (i: number) => {
    while (running && n < total) {
      const k = n++;
      try {
        const res = await fetch(`${urls[i % urls.length]}/r/${codes[k % codes.length]}`, {
          redirect: 'manual',
          headers: { 'user-agent': UA, 'x-forwarded-for': `198.51.100.${k % 250}` },
        });
        await res.arrayBuffer();
        if (res.status === 302) result.redirected.push({ id: new URL(res.headers.get('location')!).searchParams.get('adv_click')!, at: Date.now() });
        else result.otherStatuses.push(res.status);
      } catch {
        result.failed++;
        return; // the server is gone
      }
    }
  };
  const loops = Promise.all(Array.from({ length: concurrency }, (_, i) => loop(i)));
  return {
    done: loops.then(() => result),
    stop: async () => {
      running = false;
      await loops;
      return result;
    },
  };
}

/** The counters a server logs when its click stream closes (needs LOG_LEVEL info). */
function streamCounters(server: ServerProcess): { published: number; fallbacks: number; ingested: number; duplicates: number } {
  const line = server
    .output()
    .split('\n')
    .find((l) => l.includes('"click stream closed"'));
  if (!line) throw new Error(`no "click stream closed" line in:\n${server.output().slice(-2000)}`);
  return JSON.parse(line);
}

const missing = (ids: string[], all: string[]) => {
  const set = new Set(all);
  return ids.filter((id) => !set.has(id)).length;
};

async function waitFor<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await probe();
  while (!ok(value) && Date.now() < deadline) {
    await sleep(200);
    value = await probe();
  }
  return value;
}

describe('clicks through a NATS JetStream stream (PostgreSQL)', { timeout: 180_000 }, () => {
  const schema = uniqueSchema();
  const stream = `ADV_TEST_${randomBytes(5).toString('hex').toUpperCase()}`;
  const dirs: string[] = [];
  const base = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, NATS_URL, NATS_STREAM: stream };
  /** A server's environment: its own data directory, info logs for the close counters. */
  const serverEnv = (extra: Record<string, string> = {}) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'advocate-nats-'));
    dirs.push(dir);
    return { ...base, ADVOCATE_DATA_DIR: dir, LOG_LEVEL: 'info', ...extra };
  };
  let nc: NatsConnection;
  let jsm: JetStreamManager;
  let js: JetStreamClient;
  let direct: pg.Client;
  let key = '';
  let workspaceId = '';
  let codes: string[] = [];
  let link: { id: string; code: string; influencerId: string; campaignId: string };

  const api = async (server: ServerProcess, method: string, url: string, body?: unknown): Promise<any> => {
    const res = await fetch(server.url + url, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return res.json();
  };
  const stored = async () => {
    const { rows } = await direct.query(`select id from "${schema}".clicks where workspace_id = $1`, [workspaceId]);
    return rows.map((r: { id: string }) => r.id);
  };
  const reported = async (server: ServerProcess) => {
    const report = await api(server, 'GET', `/api/v1/reports/clicks?groupBy=link&from=${new Date(Date.now() - 86400_000).toISOString()}`);
    return (report.rows as { clicks: number }[]).reduce((sum, r) => sum + r.clicks, 0);
  };
  /** Nothing waiting in the stream and nothing delivered but unacknowledged. */
  const settled = async () => {
    const info = await jsm.consumers.info(stream, CLICK_CONSUMER);
    return info.num_pending === 0 && info.num_ack_pending === 0;
  };
  const expectStoredOnce = (ids: string[], all: string[]) => {
    expect(new Set(all).size).toBe(all.length); // no click twice
    expect(missing(ids, all)).toBe(0);
  };

  beforeAll(async () => {
    nc = await connect({ servers: NATS_URL });
    jsm = await jetstreamManager(nc);
    js = jetstream(nc);
    // Streams of an earlier run that died before its afterAll.
    for await (const s of jsm.streams.list()) {
      if (s.config.name.startsWith('ADV_TEST_') && Date.now() - Date.parse(s.created) > 3600_000) await jsm.streams.delete(s.config.name);
    }
    direct = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await direct.connect();
  });

  afterAll(async () => {
    await jsm?.streams.delete(stream).catch(() => {});
    await nc?.close();
    await direct?.end();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await dropSchema(schema);
  });

  it('stores every click that got a 302 exactly once, through the stream, and reports it', async () => {
    const env = serverEnv();
    const server = await startServerProcess(env);
    try {
      expect((await runCli(['workspace', 'create', 'nats'], env)).code).toBe(0);
      key = (await runCli(['keys', 'create', '--workspace', 'nats'], env)).stdout.trimEnd().split('\n').at(-1)!;
      workspaceId = (await api(server, 'GET', '/api/v1/workspace')).workspace.id;
      const inf = (await api(server, 'POST', '/api/v1/influencers', { name: 'Ana', handles: { instagram: 'ana' } })).influencer;
      const cmp = (await api(server, 'POST', '/api/v1/campaigns', { name: 'Launch', destinationUrl: 'https://example.com/' })).campaign;
      for (let i = 0; i < 4; i++) {
        link = (await api(server, 'POST', '/api/v1/links', { influencerId: inf.id, campaignId: cmp.id, label: `l${i}` })).link;
        codes.push(link.code);
      }

      const result = await load([server.url], codes, 32, 2000).done;
      expect(result.otherStatuses).toEqual([]);
      expect(result.failed).toBe(0);
      expect(result.redirected).toHaveLength(2000);
      const ids = result.redirected.map((r) => r.id);
      const all = await waitFor(stored, (s) => s.length >= 2000, 20_000);
      expect(all).toHaveLength(2000);
      expectStoredOnce(ids, all);
      expect(await waitFor(() => reported(server), (n) => n >= 2000, 5000)).toBe(2000);
      // They went through the stream (WorkQueue: acknowledged messages are gone, the sequence stays).
      expect((await jsm.streams.info(stream)).state.last_seq).toBe(2000);
      expect(await waitFor(settled, Boolean, 5000)).toBe(true);
      // The same counts on /metrics for the operator.
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(/^advocate_click_stream_published 2000$/m);
      expect(metrics).toMatch(/^advocate_click_stream_fallbacks 0$/m);
      expect(metrics).toMatch(/^advocate_click_stream_ingested 2000$/m);
      expect(metrics).toMatch(/^advocate_clicks_spooled 0$/m);
    } finally {
      await server.stop();
    }
    expect(streamCounters(server)).toMatchObject({ published: 2000, fallbacks: 0, ingested: 2000, duplicates: 0 });
  });

  it('stores a click published while no server runs once a server starts, however often it was delivered', async () => {
    const click = (n: number): ClickEvent => ({
      id: `clk_direct${n}${randomBytes(4).toString('hex')}`,
      workspaceId,
      linkId: link.id,
      influencerId: link.influencerId,
      campaignId: link.campaignId,
      clickedAt: new Date(Date.now() - 1000),
      ipHash: null,
      visitorKey: `direct-${n}`,
      uniqueWindowMs: 86_400_000,
      country: null,
      device: 'desktop',
      os: null,
      browser: null,
      inApp: null,
      source: 'direct',
      referrerHost: null,
      bot: false,
      botReason: null,
    });
    const [x, y] = [click(1), click(2)];
    const subject = clickSubject(stream, workspaceId);
    expect((await js.publish(subject, clickEventCodec.encode(x), { msgID: x.id })).duplicate).toBe(false);
    expect((await js.publish(subject, clickEventCodec.encode(x), { msgID: x.id })).duplicate).toBe(true); // a publish retry
    // The same click again under another message id, as after the duplicate window: the database dedups.
    expect((await js.publish(subject, clickEventCodec.encode(x), { msgID: `${x.id}-again` })).duplicate).toBe(false);
    await js.publish(subject, clickEventCodec.encode(y), { msgID: y.id });
    expect((await stored()).filter((id) => id === x.id || id === y.id)).toEqual([]);

    const server = await startServerProcess(serverEnv());
    try {
      const all = await waitFor(stored, (s) => s.length >= 2002, 15_000);
      expect(all).toHaveLength(2002);
      expectStoredOnce([x.id, y.id], all);
      expect(await reported(server)).toBe(2002);
      expect(await waitFor(settled, Boolean, 5000)).toBe(true);
    } finally {
      await server.stop();
    }
    expect(streamCounters(server)).toMatchObject({ ingested: 2, duplicates: 1 });
  });

  it('two processes on one stream and database share the ingest and store each click once', async () => {
    const before = (await stored()).length;
    const [a, b] = await Promise.all([startServerProcess(serverEnv()), startServerProcess(serverEnv())]);
    let ids: string[] = [];
    try {
      const result = await load([a.url, b.url], codes, 32, 2000).done;
      expect(result.otherStatuses).toEqual([]);
      expect(result.failed).toBe(0);
      ids = result.redirected.map((r) => r.id);
      expect(ids).toHaveLength(2000);
      const all = await waitFor(stored, (s) => s.length >= before + 2000, 20_000);
      expect(all).toHaveLength(before + 2000);
      expectStoredOnce(ids, all);
      expect(await waitFor(settled, Boolean, 5000)).toBe(true);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    const [ca, cb] = [streamCounters(a), streamCounters(b)];
    console.log(`two processes: published ${ca.published} + ${cb.published}, ingested ${ca.ingested} + ${cb.ingested} (duplicates ${ca.duplicates + cb.duplicates})`);
    expect(ca.published + cb.published).toBe(2000);
    expect(ca.fallbacks + cb.fallbacks).toBe(0);
    expect(ca.ingested + cb.ingested).toBe(2000);
    expect(ca.ingested).toBeGreaterThan(0);
    expect(cb.ingested).toBeGreaterThan(0);
  });

  it('kill -9 under load: after a restart, every click whose 302 was received is stored exactly once', async () => {
    const before = (await stored()).length;
    const env = serverEnv();
    const server = await startServerProcess(env);
    const concurrency = 32;
    const running = load([server.url], codes, concurrency);
    await sleep(2500);
    server.child.kill('SIGKILL');
    const result = await running.stop();
    expect(result.otherStatuses).toEqual([]);
    const ids = result.redirected.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(50); // (a few hundred on a quiet machine)

    const again = await startServerProcess(env);
    try {
      // Messages the dead process held unacknowledged come back after the consumer's ack wait (30 s).
      const all = await waitFor(stored, (s) => missing(ids, s) === 0, 60_000);
      // Published clicks whose 302 never left may still sit unacknowledged with the dead process:
      // they too come back after the 30 s ack wait, however early the received ones were in.
      expect(await waitFor(settled, Boolean, 45_000)).toBe(true);
      const final = await stored();
      expectStoredOnce(ids, final);
      // A click published just before the kill may be stored though its 302 never left: one per connection at most.
      expect(final.length - before).toBeGreaterThanOrEqual(ids.length);
      expect(final.length - before - ids.length).toBeLessThanOrEqual(concurrency);
      console.log(`kill -9: ${ids.length} redirects received, ${final.length - before} clicks stored (${all.length - before} when the last received one appeared)`);
    } finally {
      await again.stop();
    }
  });

  it('a PostgreSQL outage is absorbed by the stream: redirects answer 302 without the spool, clicks are written when it returns', async () => {
    const before = (await stored()).length;
    const target = new URL(TEST_DATABASE_URL);
    const proxy = await startTcpProxy(Number(target.port || 5432), target.hostname);
    const viaProxy = new URL(TEST_DATABASE_URL);
    viaProxy.port = String(proxy.port);
    const server = await startServerProcess(serverEnv({ DATABASE_URL: viaProxy.href }));
    let result: LoadResult;
    let cutAt = 0;
    let restoredAt = 0;
    try {
      const running = load([server.url], codes, 8); // the first requests put every link in the cache
      await sleep(1500);
      cutAt = Date.now();
      await proxy.cut();
      await sleep(3000);
      restoredAt = Date.now();
      await proxy.restore();
      await sleep(1000);
      result = await running.stop();
      expect(result.otherStatuses).toEqual([]);
      expect(result.failed).toBe(0);
      const ids = result.redirected.map((r) => r.id);
      const all = await waitFor(stored, (s) => s.length >= before + ids.length, 20_000);
      expect(all).toHaveLength(before + ids.length);
      expectStoredOnce(ids, all);
      expect(await waitFor(settled, Boolean, 10_000)).toBe(true);
    } finally {
      await server.stop();
      await proxy.close();
    }
    const during = result.redirected.filter((r) => r.at > cutAt && r.at < restoredAt).length;
    const counters = streamCounters(server);
    console.log(`PostgreSQL outage 3 s: ${result.redirected.length} redirects (${during} during the outage), ${counters.fallbacks} through the fallback`);
    expect(during).toBeGreaterThan(100);
    expect(counters).toMatchObject({ published: result.redirected.length, fallbacks: 0 });
    // A batch whose commit went through as the connection broke is redelivered and found stored
    // (a duplicate): the rows were counted once above, the counters may split them.
    expect(counters.ingested).toBeLessThanOrEqual(result.redirected.length);
    expect(counters.ingested + counters.duplicates).toBeGreaterThanOrEqual(result.redirected.length);
  });

  it('NATS unreachable at runtime: redirects keep answering 302 through the database, and every click is stored', async () => {
    const before = (await stored()).length;
    const nats = new URL(NATS_URL);
    const proxy = await startTcpProxy(Number(nats.port || 4222), nats.hostname);
    const server = await startServerProcess(serverEnv({ NATS_URL: `nats://127.0.0.1:${proxy.port}` }));
    let result: LoadResult;
    let cutAt = 0;
    let restoredAt = 0;
    try {
      const running = load([server.url], codes, 8);
      await sleep(1500);
      cutAt = Date.now();
      await proxy.cut();
      await sleep(4000);
      restoredAt = Date.now();
      await proxy.restore();
      await sleep(3000);
      result = await running.stop();
      expect(result.otherStatuses).toEqual([]);
      expect(result.failed).toBe(0);
      const ids = result.redirected.map((r) => r.id);
      // Messages on their way to this process when the connection was cut are redelivered only
      // after the consumer's 30 s ack wait: they are in the stream, just late.
      const all = await waitFor(stored, (s) => s.length >= before + ids.length, 45_000);
      expect(all).toHaveLength(before + ids.length);
      expectStoredOnce(ids, all);
      // Nothing is left undelivered; acknowledgements lost in the cut make their messages come back
      // after the ack wait, as duplicates the database skips (the kill -9 case above waits that out).
      const undelivered = () => jsm.consumers.info(stream, CLICK_CONSUMER).then((i) => i.num_pending);
      expect(await waitFor(undelivered, (n) => n === 0, 5000)).toBe(0);
    } finally {
      await server.stop();
      await proxy.close();
    }
    // Past the publishes in flight at the cut (≤ 2 s), the outage itself was served at full pace.
    const during = result.redirected.filter((r) => r.at > cutAt + 2500 && r.at < restoredAt).length;
    const counters = streamCounters(server);
    console.log(`NATS outage 4 s: ${result.redirected.length} redirects (${during} in the last 1.5 s of the outage), ${counters.published} published, ${counters.fallbacks} through the fallback`);
    expect(during).toBeGreaterThan(20);
    expect(counters.fallbacks).toBeGreaterThan(0);
    expect(counters.published).toBeGreaterThan(0);
    expect(counters.published + counters.fallbacks).toBe(result.redirected.length);
  });

  it('refuses to start when NATS cannot be reached at boot', async () => {
    const env = serverEnv({ NATS_URL: `nats://127.0.0.1:${await freePort()}`, HOST: '127.0.0.1', PORT: String(await freePort()) });
    const result = await runCli(['serve'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^advocate: Cannot reach NATS at nats:\/\/127\.0\.0\.1:\d+ .*unset NATS_URL/m);
  });
});

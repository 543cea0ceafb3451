import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { programWithPlan } from '../helpers/money-flow.ts';
import { visit } from '../helpers/tracking.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** Reads Server-Sent Events until `until` accepts one (or the timeout). */
function readEvents(url: string, headers: Record<string, string>, until: (data: Record<string, unknown>) => boolean, timeoutMs = 5000) {
  return new Promise<{ status: number; type: string | undefined; events: Record<string, unknown>[] }>((resolve, reject) => {
    const events: Record<string, unknown>[] = [];
    const req = http.get(url, { headers }, (res) => {
      let buffer = '';
      const done = () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], events });
      };
      const timer = setTimeout(done, timeoutMs);
      if (res.statusCode !== 200) {
        res.resume();
        return done();
      }
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let i;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (/^event: totals$/m.test(block) && data) {
            const parsed = JSON.parse(data) as Record<string, unknown>;
            events.push(parsed);
            if (until(parsed)) return done();
          }
        }
      });
    });
    req.on('error', reject);
  });
}

describe.each(ENGINES)('overview report and live counters on %s', (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  let base: string;
  let program: Awaited<ReturnType<typeof programWithPlan>>;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    auth = (await workspaceWithKey(env)).auth;
    program = await programWithPlan(env, auth, { type: 'percent', percent: 10 });
    await env.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
    // Another workspace's activity must never show up.
    const other = await workspaceWithKey(env);
    const o = await programWithPlan(env, other.auth, { type: 'percent', percent: 10 }, 'Zed');
    await o.sell({ amount: 99_900 });
  });
  afterAll(() => env?.close());

  it('answers zeros with an empty workspace period, then counts human clicks, bots, sales, revenue and commissions', async () => {
    const empty = await env.app.inject({ method: 'GET', url: `/api/v1/reports/overview?from=2020-01-01&to=2020-01-07`, headers: auth });
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json().days).toHaveLength(7);
    expect(empty.json().totals).toEqual({ humanClicks: 0, botClicks: 0, uniqueClicks: 0, sales: 0, leads: 0 });
    expect(empty.json().previousFrom).toBe('2019-12-25');

    await visit(env, program.link.code, { ua: 'facebookexternalhit/1.1' });
    await program.sell({ amount: 12_345 }); // 10% = 1,234.5 → 1,234 (half-even)
    await program.sell({ amount: 5_000 });
    const res = await env.app.inject({ method: 'GET', url: `/api/v1/reports/overview?from=${today()}&to=${today()}`, headers: auth });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.totals).toMatchObject({ humanClicks: 2, botClicks: 1, sales: 2, leads: 0 });
    expect(o.days).toEqual([expect.objectContaining({ day: today(), humanClicks: 2, botClicks: 1, sales: 2 })]);
    expect(o.money).toEqual([
      expect.objectContaining({ currency: 'USD', revenue: 17_345, commissions: 1_734, roas: 17_345 / 1_734 }),
    ]);
    expect(o.topCreators).toEqual([{ influencerId: program.influencer.id, name: 'Ana', humanClicks: 2, sales: 2 }]);
    const byCampaign = await env.app.inject({ method: 'GET', url: `/api/v1/reports/overview?from=${today()}&to=${today()}&campaignId=nope`, headers: auth });
    expect(byCampaign.json().totals.sales).toBe(0);
  });

  it('rejects a reversed or too long period with a clear message', async () => {
    const reversed = await env.app.inject({ method: 'GET', url: '/api/v1/reports/overview?from=2026-02-01&to=2026-01-01', headers: auth });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toMatch(/from must not be after to/);
    const long = await env.app.inject({ method: 'GET', url: '/api/v1/reports/overview?from=2020-01-01&to=2026-01-01', headers: auth });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toMatch(/at most a year/);
    const bad = await env.app.inject({ method: 'GET', url: '/api/v1/reports/overview?from=yesterday', headers: auth });
    expect(bad.statusCode).toBe(400);
  });

  it('needs authentication', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/reports/overview' })).statusCode).toBe(401);
    expect((await readEvents(`${base}/api/v1/live`, {}, () => true, 2000)).status).toBe(401);
  });

  it('streams today’s totals and pushes a new click and a new sale within two seconds', async () => {
    const first = await readEvents(`${base}/api/v1/live`, { authorization: auth.authorization! }, () => true);
    expect(first.status).toBe(200);
    expect(first.type).toMatch(/text\/event-stream/);
    const start = first.events[0] as { humanClicks: number; sales: number; revenue: { currency: string; amount: number }[] };
    expect(start.sales).toBeGreaterThanOrEqual(2);

    const started = Date.now();
    const waiting = readEvents(`${base}/api/v1/live`, { authorization: auth.authorization! }, (d) => (d.sales as number) > start.sales);
    await new Promise((r) => setTimeout(r, 200));
    await program.sell({ amount: 1_000 });
    const { events } = await waiting;
    const last = events.at(-1) as typeof start;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(last.sales).toBe(start.sales + 1);
    expect(last.humanClicks).toBe(start.humanClicks + 1);
    expect(last.revenue).toEqual([{ currency: 'USD', amount: start.revenue[0]!.amount + 1_000 }]);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { visit } from '../helpers/tracking.ts';
import { caseArb, encodeBody, urlOf, type FuzzCase } from './fuzz-cases.ts';
import { judge } from './judge-answer.ts';
import { fullWorkspace, renewCredentials, type FullWorkspace } from './full-workspace.ts';
import { INJECTIONS, printable, RAW_MARKUP } from './hostile-values.ts';
import { loadOperations, type Operation } from './openapi-operations.ts';
import { rowCounter, type RowCounter, type RowCounts } from './row-counts.ts';

// Runs per route: FUZZ_RUNS=500 for a long hunt; FUZZ_SEED replays a failing run.
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** Routes the OpenAPI document hides but the public reaches. */
const HIDDEN: Operation[] = (['GET', 'HEAD'] as const).map((method) => ({
  method,
  path: '/r/{code}',
  pathParams: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
  query: [],
  body: undefined,
  key: `${method} /r/{code}`,
}));

const FUZZER_IP = '198.51.100.7';

type RouteStats = { runs: number; statuses: Record<number, number>; failure?: string };

/** A stand-in YouTube Data API that knows no channel, so refreshes answer 404 instead of leaving the machine. */
async function startYoutubeStub() {
  const server = http.createServer((_req, res) => {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 404, message: 'channel not found', errors: [{ reason: 'channelNotFound' }] } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/youtube/v3`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe.each(ENGINES)('fuzzing every route of the OpenAPI document on %s', (engine) => {
  let env: TestEnv;
  let w: FullWorkspace;
  let youtube: Awaited<ReturnType<typeof startYoutubeStub>>;
  let rows: RowCounter;

  beforeAll(async () => {
    youtube = await startYoutubeStub();
    // Background timers (hold approvals, reminders, rollup folds) would change row counts between
    // a request and its check: they are created under fake intervals that never fire.
    vi.useFakeTimers({ toFake: ['setInterval'] });
    try {
      env = await createTestEnv(engine);
    } finally {
      vi.useRealTimers();
    }
    w = await fullWorkspace(env, 'fz');
    await env.app.jobs.stop(); // deliveries and emails would write rows between a request and its check
    const settings = await env.app.inject({ method: 'PUT', url: '/api/v1/discovery/settings', headers: w.auth, payload: { youtube: { apiKey: 'fuzz-key', baseUrl: youtube.url } } });
    expect(settings.statusCode, settings.body).toBe(200);
    rows = await rowCounter(env.database.db);
  }, 300_000);
  afterAll(async () => {
    await env?.close();
    await youtube?.close();
  });

  const headersOf = (c: FuzzCase): Record<string, string> =>
    ({ key: w.auth, admin: w.admin, read: w.readAuth, creator: w.creator, none: {}, garbage: { authorization: c.garbage } })[c.auth];

  it('answers every request with a 2xx/3xx or a catalogued 4xx, writes nothing on a 4xx, and never escapes or echoes script', async () => {
    // GET /api/v1/live is an endless event stream for a caller with credentials (tested in test/analytics).
    const ops = [...(await loadOperations(env.app)), ...HIDDEN].filter((op) => op.path !== '/api/v1/live');
    // The snippet's collector takes a conversion plus the publishable key; its schema is open in the document.
    const conversion = ops.find((op) => op.key === 'POST /api/v1/conversions')!.body!;
    ops.find((op) => op.key === 'POST /api/v1/track')!.body = { ...conversion, properties: { ...conversion.properties, key: { type: 'string' } }, required: [...(conversion.required ?? []), 'key'] };
    expect(ops.length).toBeGreaterThan(100);
    const stats = new Map<string, RouteStats>();
    const started = Date.now();
    let countMs = 0;
    for (const [i, op] of ops.entries()) {
      await renewCredentials(env, w);
      let before: RowCounts | undefined;
      const route: RouteStats = { runs: 0, statuses: {} };
      stats.set(op.key, route);
      const result = await fc.check(
        fc.asyncProperty(caseArb(op, w), async (c) => {
          const { payload, contentType } = encodeBody(c.body);
          // The YouTube connector must only ever reach the local stand-in.
          const body = op.path.endsWith('/refresh/youtube') && payload ? payload.replace(/"baseUrl":"[^"]*"/, `"baseUrl":"${youtube.url}"`) : payload;
          const url = urlOf(op, c);
          const t0 = performance.now();
          before ??= await rows.counts();
          const mark = await rows.writeMark();
          countMs += performance.now() - t0;
          const res = await env.app.inject({
            method: op.method,
            url,
            remoteAddress: FUZZER_IP, // rate limits (logins, invitations) then spare the credential renewals
            headers: { ...headersOf(c), ...c.headers, ...(contentType ? { 'content-type': contentType } : {}) },
            ...(body !== undefined ? { payload: body } : {}),
          });
          const t1 = performance.now();
          // Nothing written anywhere (the usual 4xx): the counts are still `before`.
          const after = (await rows.writeMark()) === mark ? before : await rows.counts();
          countMs += performance.now() - t1;
          const problems = judge(op, c, res, url + (body ?? ''), before, after);
          before = after;
          route.runs++;
          route.statuses[res.statusCode] = (route.statuses[res.statusCode] ?? 0) + 1;
          if (problems.length) throw new Error(`${op.method} ${url.slice(0, 200)} → ${res.statusCode}\n  ${problems.join('\n  ')}`);
        }),
        { numRuns: RUNS, seed: SEED + i, endOnFailure: true },
      );
      if (result.failed) route.failure = `${(result.errorInstance as Error | undefined)?.message ?? String(result.errorInstance)}\n  case: ${printable(result.counterexample?.[0])}\n  replay: FUZZ_SEED=${SEED} (route #${i})`;
    }
    const failures = [...stats.entries()].filter(([, s]) => s.failure);
    const total = [...stats.values()].reduce((n, s) => n + s.runs, 0);
    console.log(`${engine}: ${ops.length} routes × ${RUNS} runs = ${total} requests in ${((Date.now() - started) / 1000).toFixed(1)} s (counting rows ${(countMs / 1000).toFixed(1)} s), seed ${SEED}`);
    if (failures.length || process.env.FUZZ_SUMMARY) {
      const table = [...stats.entries()].map(([key, s]) => `${s.failure ? '✗' : '✓'} ${key.padEnd(58)} ${Object.entries(s.statuses).map(([code, n]) => `${code}×${n}`).join(' ')}`);
      console.log(`per-route summary (${failures.length} failing):\n${table.join('\n')}\n\n${failures.map(([key, s]) => `${key}\n  ${s.failure}`).join('\n\n')}`);
    }
    expect(failures.map(([key, s]) => `${key}: ${s.failure!.split('\n')[0]}`)).toEqual([]);
  }, 600_000);

  it('returns stored script and SQL strings unchanged as JSON and escaped in every HTML output', async () => {
    const [script, sqlText, img] = INJECTIONS as [string, string, string];
    // A fresh workspace: the fuzzed one may have any attribution or fraud settings by now.
    const fresh = await workspaceWithKey(env);
    const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown, headers = fresh.auth) =>
      env.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    const inf = (await call('POST', '/api/v1/influencers', { name: script, handles: { other: 'x' } })).json().influencer;
    expect(inf.name).toBe(script);
    const campaign = (await call('POST', '/api/v1/campaigns', { name: sqlText, destinationUrl: 'https://shop.example.com/', commissionPlan: { type: 'percent', percent: 10 } })).json().campaign;
    expect(campaign.name).toBe(sqlText);
    const link = (await call('POST', '/api/v1/links', { influencerId: inf.id, campaignId: campaign.id, label: img })).json().link;
    expect(link.label).toBe(img);
    const click = new URL((await visit(env, link.code)).headers.location as string).searchParams.get('adv_click');
    const sale = await call('POST', '/api/v1/conversions', { type: 'sale', orderId: `xss-${engine}`, amount: 10000, currency: 'USD', clickId: click, occurredAt: new Date(Date.now() + 60_000).toISOString() });
    expect(sale.statusCode, sale.body).toBe(201);
    const [commission] = (await call('GET', `/api/v1/commissions?influencerId=${inf.id}`)).json().data;
    expect(commission, sale.body).toBeDefined();
    const rejected = await call('POST', `/api/v1/commissions/${commission.id}/reject`, { reason: img });
    expect(rejected.json().commission.reason).toBe(img);
    expect((await call('GET', `/api/v1/influencers/${inf.id}`)).json().influencer.name).toBe(script);
    expect((await call('GET', `/api/v1/links/${link.id}`)).json().link.label).toBe(img);

    const today = new Date().toISOString().slice(0, 10);
    const tomorrow = new Date(Date.now() + 86400_000).toISOString().slice(0, 10);
    const statement = await call('GET', `/api/v1/influencers/${inf.id}/statement?from=2000-01-01&to=${tomorrow}&format=html`);
    expect(statement.headers['content-type']).toMatch(/^text\/html/);
    expect(statement.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(statement.body).toContain('&lt;img src=x onerror=alert(1)&gt;');

    // The creator's own statement in the portal, under a hostile name.
    await call('PATCH', `/api/v1/influencers/${w.creatorInfluencerId}`, { name: script }, w.auth);
    await renewCredentials(env, w);
    const portal = await env.app.inject({ method: 'GET', url: `/api/v1/portal/statement?format=html&from=2000-01-01&to=${today}`, headers: w.creator });
    expect(portal.statusCode, portal.body).toBe(200);
    expect(portal.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    // Every creator the fuzzer stored, in every HTML output the API renders.
    const html = [statement, portal];
    let cursor: string | null = null;
    do {
      const page: { data: { id: string }[]; nextCursor: string | null } = (await call('GET', `/api/v1/influencers?limit=100${cursor ? `&cursor=${cursor}` : ''}`, undefined, w.auth)).json();
      for (const { id } of page.data) html.push(await call('GET', `/api/v1/influencers/${id}/statement?from=2000-01-01&to=${tomorrow}`, undefined, w.auth));
      cursor = page.nextCursor;
    } while (cursor);
    const reference = await env.app.inject({ method: 'GET', url: '/api/v1/docs' });
    expect(reference.statusCode).toBe(200);
    html.push(reference, await visit(env, 'zzzzzzzz'));
    for (const res of html) {
      expect(res.statusCode, res.body.slice(0, 200)).toBeLessThan(500);
      for (const raw of RAW_MARKUP) expect(res.body, `${res.raw.req.url}`).not.toContain(raw);
    }
  }, 120_000);
});

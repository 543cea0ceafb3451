import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../test/helpers/engines.ts';
import { freePort, runCli, startServerProcess, type ServerProcess } from '../test/helpers/processes.ts';
import { table } from './lib.ts';

const run = promisify(execFile);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const WARM_SECONDS = 5;
const LINKS = 500;
// Closed-loop connections per request type: the mix follows from how fast each type answers.
const REDIRECT_CONNECTIONS = 90;
const CONVERSION_CONNECTIONS = 10;
const UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

type WrkRun = { sent: number; ok: number; other: number; socketErrors: number; seconds: number; p50: number; p99: number };

// wrk's Lua: each thread counts requests sent, the expected status and anything else; done() prints one JSON line.
const COUNTING = (okStatus: number) => `
sent, ok, other = 0, 0, 0
local threads = {}
function setup(thread) thread:set("tid", #threads + 1); table.insert(threads, thread) end
function response(status) if status == ${okStatus} then ok = ok + 1 else other = other + 1 end end
function done(summary, latency)
  local s, o, x = 0, 0, 0
  for _, t in ipairs(threads) do s = s + t:get("sent"); o = o + t:get("ok"); x = x + t:get("other") end
  local e = summary.errors
  io.write(string.format('RESULT {"sent":%d,"ok":%d,"other":%d,"socketErrors":%d,"seconds":%f,"p50":%f,"p99":%f}\\n',
    s, o, x, e.connect + e.read + e.write + e.timeout, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
`;

const redirectScript = (codes: string[]) => `${COUNTING(302)}
local codes = { ${codes.map((c) => `"${c}"`).join(',')} }
function request()
  sent = sent + 1
  local ip = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  return wrk.format("GET", "/r/" .. codes[math.random(#codes)], { ["user-agent"] = "${UA}", ["x-forwarded-for"] = ip })
end`;

const conversionScript = (key: string, clickIds: string[], phase: string) => `${COUNTING(201)}
local clicks = { ${clickIds.map((c) => `"${c}"`).join(',')} }
function request()
  sent = sent + 1
  local order = "${phase}-" .. tid .. "-" .. sent
  local body = '{"type":"sale","orderId":"' .. order .. '","amount":4999,"currency":"USD","clickId":"' .. clicks[math.random(#clicks)] .. '","customerId":"' .. order .. '"}'
  return wrk.format("POST", "/api/v1/conversions", { ["content-type"] = "application/json", ["authorization"] = "Bearer ${key}" }, body)
end`;

async function wrk(url: string, script: string, connections: number, seconds: number): Promise<WrkRun> {
  const file = path.join(os.tmpdir(), `advocate-mixed-${process.pid}-${Math.random().toString(36).slice(2)}.lua`);
  writeFileSync(file, script);
  try {
    const { stdout } = await run('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '-s', file, url], { maxBuffer: 1 << 22 });
    const line = /RESULT (\{.*\})/.exec(stdout)?.[1];
    if (!line) throw new Error(`wrk printed no result: ${stdout}`);
    return JSON.parse(line) as WrkRun;
  } finally {
    rmSync(file, { force: true });
  }
}

/** The baseline: bare Node http answering a 302 for any /r/ path, in `processes` processes sharing the port. */
async function bareServer(processes: number): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const src = `const cluster=require('cluster');
    if(cluster.isPrimary&&${processes}>1){let up=0;for(let i=0;i<${processes};i++)cluster.fork().on('listening',()=>{if(++up===${processes})console.log('up')})}
    else require('http').createServer((q,s)=>{if(!q.url.startsWith('/r/')){s.statusCode=404;return s.end()}
      s.writeHead(302,{location:'https://example.com/?utm_source=instagram&utm_medium=influencer&adv_click='+require('crypto').randomBytes(16).toString('base64url')});s.end()})
      .listen(${port},'127.0.0.1',()=>${processes}>1||console.log('up'))`;
  // A file, not -e: cluster forks the primary's script.
  const file = path.join(os.tmpdir(), `advocate-bare-${process.pid}-${port}.cjs`);
  writeFileSync(file, src);
  const child = spawn(process.execPath, [file], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      child.kill();
      rmSync(file, { force: true });
    },
  };
}

/** Waits until `count` distinct worker pids have answered /healthz (the primary's /readyz says only one is up). */
async function waitForWorkers(server: ServerProcess, count: number): Promise<void> {
  const pids = new Set<number>();
  const deadline = Date.now() + 60_000;
  while (pids.size < count) {
    if (Date.now() > deadline) throw new Error(`only ${pids.size} of ${count} workers answered`);
    const res = await fetch(`${server.url}/healthz`, { headers: { connection: 'close' } }).then((r) => r.json() as Promise<{ pid: number }>, () => null);
    if (res) pids.add(res.pid);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function setUp(server: ServerProcess, env: Record<string, string>) {
  await runCli(['workspace', 'create', 'mixed'], env);
  const key = (await runCli(['keys', 'create', '--workspace', 'mixed'], env)).stdout.trimEnd().split('\n').at(-1)!;
  const post = async (url: string, body: unknown) =>
    (await fetch(server.url + url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<any>;
  const creators = await Promise.all(Array.from({ length: 25 }, (_, i) => post('/api/v1/influencers', { name: `Creator ${i}` })));
  const campaigns = await Promise.all(Array.from({ length: 4 }, (_, i) => post('/api/v1/campaigns', { name: `Mixed ${i}`, destinationUrl: 'https://example.com/landing?x=1' })));
  const codes: string[] = [];
  for (let i = 0; i < LINKS; i += 25) {
    const batch = await Promise.all(
      Array.from({ length: 25 }, (_, j) => post('/api/v1/links', { influencerId: creators[j]!.influencer.id, campaignId: campaigns[(i + j) % 4]!.campaign.id, label: `l${i + j}` })),
    );
    codes.push(...batch.map((b) => b.link.code as string));
  }
  const clickIds: string[] = [];
  for (const code of codes.slice(0, 50)) {
    const res = await fetch(`${server.url}/r/${code}`, { redirect: 'manual', headers: { 'user-agent': UA } });
    clickIds.push(new URL(res.headers.get('location')!).searchParams.get('adv_click')!);
  }
  return { key, codes, clickIds, setupClicks: clickIds.length };
}

type Measured = { redirect: WrkRun; conversion: WrkRun; clicks: { stored: number; received: number; sent: number }; conversions: { stored: number; received: number; sent: number } };

async function measureAdvocate(workers: number, client: pg.Client): Promise<Measured> {
  const schema = uniqueSchema();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'advocate-bench-mixed-'));
  const env = { ADVOCATE_DATA_DIR: dataDir, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, LOG_LEVEL: 'warn' };
  const server = await startServerProcess(env, 60_000, ['--workers', String(workers)]);
  try {
    await waitForWorkers(server, workers);
    const { key, codes, clickIds, setupClicks } = await setUp(server, env);
    const both = (seconds: number, phase: string) =>
      Promise.all([
        wrk(server.url, redirectScript(codes), REDIRECT_CONNECTIONS, seconds),
        wrk(server.url, conversionScript(key, clickIds, phase), CONVERSION_CONNECTIONS, seconds),
      ]);
    const [warmR, warmC] = await both(WARM_SECONDS, 'warm'); // fills every worker's link cache
    const [redirect, conversion] = await both(SECONDS, 'run');
    await new Promise((r) => setTimeout(r, 1000)); // requests wrk abandoned at its deadline finish server-side
    const count = async (table: string) => Number((await client.query(`select count(*) as n from "${schema}"."${table}"`)).rows[0].n);
    return {
      redirect,
      conversion,
      clicks: { stored: await count('clicks'), received: setupClicks + warmR.ok + redirect.ok, sent: setupClicks + warmR.sent + redirect.sent },
      conversions: { stored: await count('conversions'), received: warmC.ok + conversion.ok, sent: warmC.sent + conversion.sent },
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await dropSchema(schema);
  }
}

async function measureBare(processes: number): Promise<WrkRun> {
  const bare = await bareServer(processes);
  try {
    await wrk(bare.url, redirectScript(['bench01', 'bench02']), REDIRECT_CONNECTIONS, WARM_SECONDS);
    return await wrk(bare.url, redirectScript(['bench01', 'bench02']), REDIRECT_CONNECTIONS, SECONDS);
  } finally {
    bare.stop();
  }
}

/**
 * `npm run bench mixed`: redirects over many links and attributed conversions at once, on PostgreSQL,
 * one process and `--workers 2`, beside bare Node http answering 302 (1 and 2 processes).
 */
export async function benchMixedLoad(): Promise<void> {
  console.log(
    `\n## Mixed load on PostgreSQL: ${SECONDS} s after a ${WARM_SECONDS} s warm-up; wrk -c${REDIRECT_CONNECTIONS} redirects over ${LINKS} links ` +
      `+ wrk -c${CONVERSION_CONNECTIONS} POST /api/v1/conversions (new order each, attributed), at the same time; ${os.cpus().length} cores shared with wrk and PostgreSQL`,
  );
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const bare1 = await measureBare(1);
    const bare2 = await measureBare(2);
    const one = await measureAdvocate(1, client);
    const two = await measureAdvocate(2, client);
    const rps = (r: WrkRun) => r.ok / r.seconds;
    const errors = (r: WrkRun) => r.other + r.socketErrors;
    const row = (name: string, kind: string, r: WrkRun, base?: WrkRun) => [
      name, kind, rps(r).toFixed(0), base ? `${(rps(r) / rps(base)).toFixed(2)}×` : '', `${r.p50.toFixed(2)} ms`, `${r.p99.toFixed(2)} ms`, String(errors(r)),
    ];
    table([
      ['server', 'request', 'ok/s', 'vs bare', 'p50', 'p99', 'errors'],
      row('bare node http ×1 (baseline)', 'GET /r/… 302', bare1),
      row('bare node http ×2 (baseline)', 'GET /r/… 302', bare2),
      row('Advocate, 1 process', 'GET /r/… 302', one.redirect, bare1),
      row('', 'POST conversions 201', one.conversion),
      row('Advocate, --workers 2', 'GET /r/… 302', two.redirect, bare2),
      row('', 'POST conversions 201', two.conversion),
    ]);
    for (const [name, m] of [['1 process', one], ['--workers 2', two]] as const) {
      const total = rps(m.redirect) + rps(m.conversion);
      console.log(
        `${name}: ${total.toFixed(0)} requests/s (${((rps(m.conversion) / total) * 100).toFixed(1)}% conversions); ` +
          `clicks stored ${m.clicks.stored} for ${m.clicks.received} 302s received (${m.clicks.sent} sent); ` +
          `conversions stored ${m.conversions.stored} for ${m.conversions.received} 201s received (${m.conversions.sent} sent)`,
      );
      const ok = (c: { stored: number; received: number; sent: number }) => c.stored >= c.received && c.stored <= c.sent;
      if (!ok(m.clicks) || !ok(m.conversions)) console.log(`  ✗ ${name}: stored is outside [received, sent]: something acknowledged was lost or something unsent was stored`);
    }
    console.log('stored must lie in [received, sent]: a request wrk abandoned at its deadline may be stored without its answer being read');
    console.log(`--workers 2 vs 1 process: redirects ${(rps(two.redirect) / rps(one.redirect)).toFixed(2)}×, conversions ${(rps(two.conversion) / rps(one.conversion)).toFixed(2)}×`);
  } finally {
    await client.end();
  }
}

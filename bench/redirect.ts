import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../test/helpers/engines.ts';
import { freePort, runCli, startServerProcess, type ServerProcess } from '../test/helpers/processes.ts';
import { table } from './lib.ts';

const run = promisify(execFile);
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 100;

type WrkResult = { rps: number; p50: number; p99: number; requests: number; errors: number };

/** Runs wrk (Debian's package) and reads requests/s and the latency percentiles it prints. */
async function wrk(url: string, seconds: number): Promise<WrkResult> {
  const { stdout } = await run('wrk', ['-t2', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', url], { maxBuffer: 1 << 20 });
  const num = (re: RegExp) => Number(re.exec(stdout)?.[1] ?? NaN);
  const toMs = (v: string, unit: string) => Number(v) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
  const pct = (p: string) => {
    const m = new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s)`).exec(stdout);
    return m ? toMs(m[1]!, m[2]!) : NaN;
  };
  const errors = num(/Non-2xx or 3xx responses: (\d+)/) || 0;
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  return {
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    p50: pct('50'),
    p99: pct('99'),
    requests: num(/(\d+) requests in/),
    errors: errors + (socketErrors ? socketErrors.slice(1).reduce((s, v) => s + Number(v), 0) : 0),
  };
}

/** The baseline: bare Node http answering the same 302 from a Map, recording nothing. */
async function bareServer(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const src = `const m=new Map([['/r/bench01','https://example.com/?utm_source=instagram&utm_medium=influencer&adv_click=']]);
    require('http').createServer((q,s)=>{const d=m.get(q.url);if(!d){s.statusCode=404;return s.end()}
    s.writeHead(302,{location:d+require('crypto').randomBytes(16).toString('base64url')});s.end()}).listen(${port},'127.0.0.1',()=>console.log('up'))`;
  const child = spawn(process.execPath, ['-e', src], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return { url: `http://127.0.0.1:${port}/r/bench01`, stop: () => child.kill() };
}

async function advocateLink(server: ServerProcess, env: Record<string, string>): Promise<{ url: string; key: string; linkId: string }> {
  await runCli(['workspace', 'create', 'bench'], env);
  const key = (await runCli(['keys', 'create', '--workspace', 'bench'], env)).stdout.trimEnd().split('\n').at(-1)!;
  const post = async (url: string, body: unknown) =>
    (await fetch(server.url + url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<any>;
  const inf = await post('/api/v1/influencers', { name: 'Bench', handles: { instagram: 'bench' } });
  const cmp = await post('/api/v1/campaigns', { name: 'Bench', destinationUrl: 'https://example.com/landing?x=1' });
  const link = await post('/api/v1/links', { influencerId: inf.influencer.id, campaignId: cmp.campaign.id, label: 'bench' });
  return { url: `${server.url}/r/${link.link.code}`, key, linkId: link.link.id };
}

async function storedClicks(server: ServerProcess, key: string, linkId: string): Promise<number> {
  const from = new Date(Date.now() - 86400_000).toISOString();
  const r = (await (await fetch(`${server.url}/api/v1/reports/clicks?groupBy=link&linkId=${linkId}&from=${from}`, { headers: { authorization: `Bearer ${key}` } })).json()) as any;
  return r.rows[0]?.clicks ?? 0;
}

async function measureAdvocate(env: Record<string, string>): Promise<WrkResult & { stored: number; answered: number }> {
  const server = await startServerProcess({ LOG_LEVEL: 'warn', ...env }, 60_000);
  try {
    const { url, key, linkId } = await advocateLink(server, env);
    const warm = await wrk(url, 3);
    const r = await wrk(url, DURATION_S);
    const stored = await storedClicks(server, key, linkId);
    return { ...r, stored, answered: warm.requests - warm.errors + r.requests - r.errors };
  } finally {
    await server.stop();
  }
}

/** `npm run bench:redirect`: the redirect under wrk (100 connections), beside a bare Node server. */
export async function benchRedirect(): Promise<void> {
  console.log(`\n## Redirect: wrk -t2 -c${CONNECTIONS} -d${DURATION_S}s after a 3 s warm-up, one server process`);
  const bare = await bareServer();
  let base: WrkResult;
  try {
    await wrk(bare.url, 3);
    base = await wrk(bare.url, DURATION_S);
  } finally {
    bare.stop();
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'advocate-bench-redirect-'));
  const schema = uniqueSchema();
  try {
    const lite = await measureAdvocate({ ADVOCATE_DATA_DIR: path.join(dataDir, 'lite') });
    const pg = await measureAdvocate({ ADVOCATE_DATA_DIR: path.join(dataDir, 'pg'), DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema });
    const row = (name: string, r: WrkResult, extra = '') => [
      name, r.rps.toFixed(0), `${(r.rps / base.rps).toFixed(2)}×`, `${r.p50.toFixed(2)} ms`, `${r.p99.toFixed(2)} ms`, String(r.errors), extra,
    ];
    table([
      ['server', 'req/s', 'vs bare', 'p50', 'p99', 'errors', 'clicks stored / 302s answered'],
      row('bare node http + Map (baseline)', base),
      row('Advocate on PGlite', lite, `${lite.stored} / ${lite.answered}`),
      row('Advocate on PostgreSQL', pg, `${pg.stored} / ${pg.answered}`),
    ]);
    console.log('targets: PostgreSQL ≥ 0.50× bare with p99 ≤ 15 ms; PGlite ≥ 0.30× bare');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await dropSchema(schema);
  }
}

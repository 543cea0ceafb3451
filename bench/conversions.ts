import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../test/helpers/engines.ts';
import { runCli, startServerProcess } from '../test/helpers/processes.ts';
import { table } from './lib.ts';

const run = promisify(execFile);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function wrkLua(url: string, script: string, connections: number): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const file = path.join(os.tmpdir(), `advocate-wrk-${process.pid}.lua`);
  writeFileSync(file, script);
  const { stdout } = await run('wrk', ['-t2', `-c${connections}`, `-d${SECONDS}s`, '--latency', '-s', file, url]);
  const toMs = (v: string, unit: string) => Number(v) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
  const pct = (p: string) => {
    const m = new RegExp(`\\s${p}%\\s+([\\d.]+)(us|ms|s)`).exec(stdout);
    return m ? toMs(m[1]!, m[2]!) : NaN;
  };
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]),
    p50: pct('50'),
    p99: pct('99'),
    errors: Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0),
  };
}

/** Sustained POST /api/v1/conversions with attribution on PostgreSQL, and a 50-delivery storm of one order. */
export async function benchConversions(): Promise<void> {
  console.log(`\n## Conversions on PostgreSQL: wrk -t2 -c32 -d${SECONDS}s, each a new order attributed to a click`);
  const schema = uniqueSchema();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'advocate-bench-conv-'));
  const env = { ADVOCATE_DATA_DIR: dataDir, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, LOG_LEVEL: 'warn' };
  const server = await startServerProcess(env, 60_000);
  try {
    await runCli(['workspace', 'create', 'bench'], env);
    const key = (await runCli(['keys', 'create', '--workspace', 'bench'], env)).stdout.trimEnd().split('\n').at(-1)!;
    const api = async (method: string, url: string, body?: unknown) =>
      (await fetch(server.url + url, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) })).json() as Promise<any>;
    const inf = await api('POST', '/api/v1/influencers', { name: 'Bench' });
    const cmp = await api('POST', '/api/v1/campaigns', { name: 'Bench', destinationUrl: 'https://example.com/' });
    const link = await api('POST', '/api/v1/links', { influencerId: inf.influencer.id, campaignId: cmp.campaign.id });
    const res = await fetch(`${server.url}/r/${link.link.code}`, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 (iPhone) Mobile Safari' } });
    const clickId = new URL(res.headers.get('location')!).searchParams.get('adv_click');

    const read = await wrkLua(`${server.url}/api/v1/workspace`, `wrk.headers["authorization"] = "Bearer ${key}"`, 32);
    const write = await wrkLua(
      `${server.url}/api/v1/conversions`,
      `local n = 0
       local prefix = tostring(math.random(1, 1e9))
       request = function()
         n = n + 1
         local body = '{"type":"sale","orderId":"' .. prefix .. '-' .. n .. '","amount":4999,"currency":"USD","clickId":"${clickId}","customerId":"c' .. n .. '"}'
         return wrk.format("POST", nil, { ["content-type"] = "application/json", ["authorization"] = "Bearer ${key}" }, body)
       end`,
      32,
    );
    const storm = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${server.url}/api/v1/conversions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'sale', orderId: 'storm-1', amount: 100, currency: 'USD', clickId }),
        }).then(async (r) => ({ status: r.status, id: ((await r.json()) as any).id })),
      ),
    );
    table([
      ['request', 'req/s', 'p50', 'p99', 'errors'],
      ['GET /api/v1/workspace (baseline: authenticated read)', read.rps.toFixed(0), `${read.p50.toFixed(1)} ms`, `${read.p99.toFixed(1)} ms`, String(read.errors)],
      ['POST /api/v1/conversions (attributed sale)', write.rps.toFixed(0), `${write.p50.toFixed(1)} ms`, `${write.p99.toFixed(1)} ms`, String(write.errors)],
    ]);
    console.log(`conversions vs baseline: ${(write.rps / read.rps).toFixed(2)}×`);
    console.log(`storm: 50 concurrent deliveries of one order → ${new Set(storm.map((s) => s.id)).size} conversion (${storm.filter((s) => s.status === 201).length}× 201, ${storm.filter((s) => s.status === 200).length}× 200)`);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    await dropSchema(schema);
  }
}

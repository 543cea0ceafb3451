import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../test/helpers/engines.ts';
import { startServerProcess } from '../test/helpers/processes.ts';
import { ms, ratio, rssMiB, table } from './lib.ts';

/** A bare Node http server: the baseline every start-up figure is compared with. */
async function bareBaseline(): Promise<{ startMs: number; rss: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['-e', "require('http').createServer((q,s)=>s.end('ok')).listen(0,()=>console.log('up'))"], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const startMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 1000));
  const rss = rssMiB(child.pid!);
  child.kill();
  return { startMs, rss };
}

async function measure(env: Record<string, string>): Promise<{ startMs: number; rss: number }> {
  const t0 = performance.now();
  const server = await startServerProcess(env, 60_000);
  const startMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 2000)); // idle: let start-up garbage be collected
  const rss = rssMiB(server.child.pid!);
  await server.stop();
  return { startMs, rss };
}

/** Cold start to /readyz and idle RSS on each engine, beside a bare Node server. */
export async function benchStartup(): Promise<void> {
  console.log('\n## Start-up: time from spawn to /readyz 200, and idle RSS');
  const bare = await bareBaseline();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'advocate-bench-'));
  const schema = uniqueSchema();
  try {
    const first = await measure({ ADVOCATE_DATA_DIR: dataDir });
    const restart = await measure({ ADVOCATE_DATA_DIR: dataDir });
    const pgFirst = await measure({ ADVOCATE_DATA_DIR: dataDir, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema });
    const pgRestart = await measure({ ADVOCATE_DATA_DIR: dataDir, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema });
    table([
      ['run', 'start → ready', 'vs bare', 'idle RSS', 'vs bare'],
      ['bare node http (baseline)', ms(bare.startMs), '1.00×', `${bare.rss.toFixed(0)} MiB`, '1.00×'],
      ['PGlite, first start (initdb + migrations)', ms(first.startMs), ratio(first.startMs, bare.startMs), `${first.rss.toFixed(0)} MiB`, ratio(first.rss, bare.rss)],
      ['PGlite, restart', ms(restart.startMs), ratio(restart.startMs, bare.startMs), `${restart.rss.toFixed(0)} MiB`, ratio(restart.rss, bare.rss)],
      ['PostgreSQL, first start (migrations)', ms(pgFirst.startMs), ratio(pgFirst.startMs, bare.startMs), `${pgFirst.rss.toFixed(0)} MiB`, ratio(pgFirst.rss, bare.rss)],
      ['PostgreSQL, restart', ms(pgRestart.startMs), ratio(pgRestart.startMs, bare.startMs), `${pgRestart.rss.toFixed(0)} MiB`, ratio(pgRestart.rss, bare.rss)],
    ]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await dropSchema(schema);
  }
}

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/client.ts';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../test/helpers/engines.ts';
import { ms, ratio, table } from './lib.ts';

const COMMITS = 400;

async function commitsPerSecond(opts: Parameters<typeof openDatabase>[0]): Promise<number> {
  const database = await openDatabase(opts);
  try {
    await sql`create table if not exists bench_commit (id bigint primary key, at timestamptz not null default now())`.execute(database.db);
    const t0 = performance.now();
    for (let i = 0; i < COMMITS; i++) await sql`insert into bench_commit (id) values (${i})`.execute(database.db);
    return COMMITS / ((performance.now() - t0) / 1000);
  } finally {
    await sql`drop table if exists bench_commit`.execute(database.db).catch(() => {});
    await database.close();
  }
}

/**
 * Single-row commit rate, PGlite (fsync off) against a PostgreSQL server (fsync on). PGlite's
 * WASM file layer never calls fsync(2), even with fsync=on (checked with strace), so turning it on
 * buys nothing: see docs/DECISIONS.md, "Durability of the embedded database".
 */
export async function benchDurability(): Promise<void> {
  console.log(`\n## Durability: ${COMMITS} single-row commits (one transaction each)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'advocate-fsync-'));
  const schema = uniqueSchema();
  try {
    const off = await commitsPerSecond({ dataDir: path.join(dir, 'off') });
    const pg = await commitsPerSecond({ url: TEST_DATABASE_URL, schema });
    table([
      ['engine', 'commits/s', 'vs PGlite', 'per commit'],
      ['PGlite fsync=off (default, baseline)', off.toFixed(0), '1.00×', ms(1000 / off)],
      ['PostgreSQL server (its own fsync setting)', pg.toFixed(0), ratio(pg, off), ms(1000 / pg)],
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await dropSchema(schema);
  }
}

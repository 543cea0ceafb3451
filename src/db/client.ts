import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

export type Database = {
  db: Kysely<DB>;
  engine: Engine;
  /** Round trip to the database; throws when it is unreachable. */
  ping(): Promise<void>;
  /**
   * Calls `onMessage` for every NOTIFY on `channel` from any process on this database (PostgreSQL:
   * a dedicated connection that reconnects; after a reconnect it reports '*' since messages may
   * have been missed). Returns a function that stops listening.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  /** postgres:// URL; absent means embedded PGlite. */
  url?: string | undefined;
  /** PostgreSQL schema for every connection (created if missing). */
  schema?: string | undefined;
  /** PGlite data directory; absent means in memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number;
};

/**
 * Opens PostgreSQL (when a URL is given) or embedded PGlite, with int8 read as bigint on both.
 * @example const { db, close } = await openDatabase({ dataDir: '.advocate/pgdata' })
 */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.url ? openPostgres(opts) : openPglite(opts);
}

/**
 * initdb grows PGlite's WASM heap to ~900 MiB and WASM memory never shrinks, so a new data
 * directory is initialised in a short-lived child process and the server opens it afterwards.
 */
async function initPgliteDataDir(dataDir: string): Promise<void> {
  if (existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  const script = `const { PGlite } = await import(${JSON.stringify(import.meta.resolve('@electric-sql/pglite'))});
    const db = new PGlite({ dataDir: process.argv[1] }); await db.waitReady; await db.close();`;
  await new Promise<void>((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', script, dataDir], (err, _stdout, stderr) =>
      err ? reject(new Error(`Could not initialise ${dataDir}: ${stderr || err.message}`)) : resolve(),
    );
  });
}

async function openPglite(opts: DatabaseOptions): Promise<Database> {
  if (opts.dataDir) {
    await mkdir(path.dirname(opts.dataDir), { recursive: true });
    await initPgliteDataDir(opts.dataDir);
  }
  const pglite = new PGlite({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    parsers: { [pgliteTypes.INT8]: (v: string) => BigInt(v) },
  });
  await pglite.waitReady;
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    ping: async () => void (await sql`select 1`.execute(db)),
    listen: async (channel, onMessage) => {
      const stop = await pglite.listen(channel, onMessage);
      return () => stop();
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

async function openPostgres(opts: DatabaseOptions): Promise<Database> {
  const schema = opts.schema;
  if (schema) {
    const admin = new pg.Client({ connectionString: opts.url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists "${schema}"`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    // Fail fast while the server is unreachable, so callers can spool or answer 503.
    connectionTimeoutMillis: 3000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? (v: string) => BigInt(v) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // A client losing its server (idle, or checked out between two queries of a transaction) must
  // not crash the process: the pending or next query fails and the pool replaces the client.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    ping: async () => void (await sql`select 1`.execute(db)),
    listen: (channel, onMessage) => listenPostgres(opts.url!, channel, onMessage),
    close: () => db.destroy(),
  };
}

/** LISTEN on a dedicated connection, reconnecting with backoff; '*' after a reconnect. */
async function listenPostgres(url: string, channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (attempt: number): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    c.on('notification', (n) => n.channel === channel && onMessage(n.payload ?? ''));
    c.on('error', () => {});
    c.on('end', () => {
      if (!stopped && client === c) {
        client = undefined;
        retry = setTimeout(() => void connect(1), 500);
      }
    });
    try {
      await c.connect();
      await c.query(`listen "${channel}"`);
      client = c;
      if (attempt > 0) onMessage('*');
    } catch {
      await c.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect(attempt + 1), Math.min(5000, 250 * 2 ** attempt));
    }
  };
  await connect(0);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

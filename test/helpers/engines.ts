import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runCommand } from '../../src/admin/commands.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { openDatabase, type Database, type Engine } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { buildApp } from '../../src/http/build-app.ts';
import type { App } from '../../src/http/types.ts';

/** Every database test runs on both engines. */
export const ENGINES: Engine[] = ['pglite', 'postgres'];

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestEnv = {
  engine: Engine;
  app: App;
  database: Database;
  config: Config;
  /** Runs a CLI command in-process (the same code path `advocate …` takes). */
  command(name: Parameters<typeof runCommand>[0], input: unknown): Promise<any>;
  close(): Promise<void>;
};

export const uniqueSchema = (): string => `t_${randomBytes(6).toString('hex')}`;

/** Opens a fresh database for one suite: in-memory PGlite, or a new schema on the PostgreSQL server. */
export async function openTestDatabase(engine: Engine): Promise<{ database: Database; schema?: string; drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const database = await openDatabase({});
    await migrate(database.db);
    return { database, drop: () => database.close() };
  }
  const schema = uniqueSchema();
  const database = await openDatabase({ url: TEST_DATABASE_URL, schema, poolSize: 5 });
  await migrate(database.db);
  return {
    database,
    schema,
    drop: async () => {
      await database.close();
      await dropSchema(schema);
    },
  };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/** A whole app on a fresh database of the given engine, logging only errors. */
export async function createTestEnv(engine: Engine, overrides: Partial<Config> = {}): Promise<TestEnv> {
  const { database, drop } = await openTestDatabase(engine);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'advocate-test-'));
  const config = loadConfig({ LOG_LEVEL: 'error', ADVOCATE_DATA_DIR: dataDir }, overrides);
  const app = await buildApp({ config, database, logger: { level: 'error' } });
  await app.ready();
  const ctx = { db: database.db, actor: { kind: 'system' as const, name: 'test' }, log: app.log };
  return {
    engine,
    app,
    database,
    config,
    command: (name, input) => runCommand(name, input, ctx, database),
    close: async () => {
      await app.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new workspace with a key of the given scopes; slugs are random so suites never collide. */
export async function workspaceWithKey(env: TestEnv, scopes: ('read' | 'write')[] = ['read', 'write']) {
  const slug = `ws-${randomBytes(4).toString('hex')}`;
  const workspace = await env.command('workspace.create', { slug });
  const { secret, apiKey } = await env.command('keys.create', { workspace: slug, scopes });
  return { slug, workspace, key: secret as string, apiKey, auth: { authorization: `Bearer ${secret}` } };
}

import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export type Migration = { version: number; name: string; sql: string };

/** The numbered SQL files in db/migrations, in order. */
export async function loadMigrations(): Promise<Migration[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: await readFile(MIGRATIONS_DIR + file, 'utf8'),
    })),
  );
}

/**
 * Applies pending forward-only migrations, each in its own transaction. On PostgreSQL an
 * advisory lock makes concurrent starters (several processes, parallel test suites) take turns.
 * @returns the migrations applied by this call
 */
export async function migrate(db: Kysely<DB>): Promise<Migration[]> {
  await sql`create table if not exists schema_migrations (
    version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(db);
  const migrations = await loadMigrations();
  const applied: Migration[] = [];
  for (const m of migrations) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(current_schema() || ':advocate-migrate'))`.execute(trx);
      const row = await trx.selectFrom('schema_migrations').select('version').where('version', '=', m.version).executeTakeFirst();
      if (row) return false;
      await sql.raw(m.sql).execute(trx);
      await trx.insertInto('schema_migrations').values({ version: m.version, name: m.name }).execute();
      return true;
    });
    if (done) applied.push(m);
  }
  return applied;
}

/** Pending migration versions; /readyz is not ready while any remain. */
export async function pendingMigrations(db: Kysely<DB>): Promise<number[]> {
  const migrations = await loadMigrations();
  const rows = await db.selectFrom('schema_migrations').select('version').execute().catch(() => []);
  const have = new Set(rows.map((r) => r.version));
  return migrations.filter((m) => !have.has(m.version)).map((m) => m.version);
}

import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

export type RowCounts = Record<string, number>;

export type RowCounter = {
  /** The rows of every table of the app's schema, counted in one statement. */
  counts(): Promise<RowCounts>;
  /**
   * The next transaction id the database will assign. A statement that writes takes one, so when
   * the mark has not moved nothing was written anywhere and the counts need not be taken again.
   */
  writeMark(): Promise<string>;
};

/** Counts rows so a request's writes can be compared before and after it. */
export async function rowCounter(db: Kysely<DB>): Promise<RowCounter> {
  const tables = (
    await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(db)
  ).rows.map((r) => r.name);
  if (tables.length < 10) throw new Error(`only ${tables.length} tables in the current schema`);
  const query = sql.raw<RowCounts>(`select ${tables.map((t) => `(select count(*) from "${t}")::int as "${t}"`).join(', ')}`);
  const mark = sql<{ mark: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as mark`;
  return {
    counts: async () => (await query.execute(db)).rows[0]!,
    writeMark: async () => (await mark.execute(db)).rows[0]!.mark,
  };
}

/** The tables whose count changed, as `table: before → after`. */
export function countChanges(before: RowCounts, after: RowCounts, ignore: readonly string[] = []): string[] {
  return Object.keys(after)
    .filter((t) => before[t] !== after[t] && !ignore.includes(t))
    .map((t) => `${t}: ${before[t]} → ${after[t]}`);
}

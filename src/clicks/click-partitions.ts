import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export type ClickPartition = { name: string; from: Date; to: Date; rows: number };

const MONTH_NAME = /^clicks_y(\d{4})m(\d{2})$/;

const monthStart = (d: Date, add = 0) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));
const partitionName = (start: Date) => `clicks_y${start.getUTCFullYear()}m${String(start.getUTCMonth() + 1).padStart(2, '0')}`;
const lock = sql`select pg_advisory_xact_lock(hashtext(current_schema() || ':advocate-click-partitions'))`;
// DDL on the partitioned table queues every click insert behind it while it waits for its lock (a
// long report, a dump): give up after a moment and try again at the next hourly run instead.
const LOCK_TIMEOUT = sql`set local lock_timeout = '3s'`;
const MAX_MONTHS_BACK = 120;

/**
 * The monthly partitions of `clicks` (UTC months), oldest first, with exact row counts when
 * `countRows` (a full count: for the CLI, not for a timer).
 */
export async function listClickPartitions(db: Kysely<DB>, countRows = false): Promise<ClickPartition[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = to_regclass('clicks') order by c.relname`.execute(db);
  const out: ClickPartition[] = [];
  for (const { name } of rows) {
    const m = MONTH_NAME.exec(name);
    if (!m) continue;
    const from = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
    const rowsIn = countRows ? Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(db)).rows[0]!.n) : 0;
    out.push({ name, from, to: monthStart(from, 1), rows: rowsIn });
  }
  return out;
}

/**
 * Creates the month partitions of `clicks` from the earliest click waiting in the default
 * partition (or the current month) to `monthsAhead` months from `now`, moving any clicks the
 * default partition holds for a month into that month's new partition. Safe to run from every
 * process at once (advisory lock; each month in its own transaction).
 * @returns the names of the partitions created
 */
export async function ensureClickPartitions(db: Kysely<DB>, now = new Date(), monthsAhead = 2, since?: Date, floor?: Date): Promise<string[]> {
  const oldest = await sql<{ at: Date | null }>`select min(clicked_at) as at from clicks_default`.execute(db);
  let firstAt = oldest.rows[0]?.at ? new Date(oldest.rows[0].at) : now;
  if (since && since < firstAt) firstAt = since; // a bulk load into past months
  // Never further back than the retention cutoff or MAX_MONTHS_BACK: a click with a wild date
  // stays in the default partition instead of making hundreds of empty months.
  const lowest = [floor, monthStart(now, -MAX_MONTHS_BACK)].filter((d): d is Date => d !== undefined).reduce((a, b) => (a > b ? a : b));
  if (firstAt < lowest) firstAt = lowest;
  const first = monthStart(firstAt < now ? firstAt : now);
  const last = monthStart(now, monthsAhead);
  const created: string[] = [];
  for (let start = first; start <= last; start = monthStart(start, 1)) {
    const name = partitionName(start);
    const end = monthStart(start, 1);
    const made = await db.transaction().execute(async (trx) => {
      await lock.execute(trx);
      await LOCK_TIMEOUT.execute(trx);
      const exists = await sql<{ r: string | null }>`select to_regclass(${name})::text as r`.execute(trx);
      if (exists.rows[0]?.r) return false;
      const from = start.toISOString();
      const to = end.toISOString();
      // Attaching a range checks that the default partition holds none of it: move those rows first,
      // with inserts into the default partition held until the commit (none may slip in between).
      await sql`lock table clicks_default in exclusive mode`.execute(trx);
      await sql`create table ${sql.table(name)} (like clicks including defaults including constraints)`.execute(trx);
      await sql`with moved as (delete from clicks_default where clicked_at >= ${from}::timestamptz and clicked_at < ${to}::timestamptz returning *)
        insert into ${sql.table(name)} select * from moved`.execute(trx);
      await sql`alter table clicks attach partition ${sql.table(name)} for values from (${sql.lit(from)}) to (${sql.lit(to)})`.execute(trx);
      return true;
    });
    if (made) created.push(name);
  }
  return created;
}

/**
 * Retention: drops every month partition that ended more than `months` whole months before the
 * month of `now` (DROP TABLE: no vacuum; it waits at most 3 s for its lock) and deletes older clicks left in the default
 * partition. Rollups are kept, so reports still show those months' totals.
 * @returns the partitions dropped and the default-partition rows deleted
 */
export async function dropExpiredClicks(db: Kysely<DB>, months: number, now = new Date()): Promise<{ dropped: string[]; deleted: number }> {
  const cutoff = monthStart(now, -months);
  const dropped: string[] = [];
  for (const p of await listClickPartitions(db)) {
    if (p.to > cutoff) continue;
    await db.transaction().execute(async (trx) => {
      await lock.execute(trx);
      await LOCK_TIMEOUT.execute(trx);
      await sql`drop table if exists ${sql.table(p.name)}`.execute(trx);
    });
    dropped.push(p.name);
  }
  const deleted = await db.transaction().execute(async (trx) => {
    await lock.execute(trx);
    const res = await sql`delete from clicks_default where clicked_at < ${cutoff.toISOString()}::timestamptz`.execute(trx);
    return Number(res.numAffectedRows ?? 0);
  });
  return { dropped, deleted };
}

/**
 * What the server runs at start and every hour: next months' partitions exist before their first
 * click, and with a retention of `retentionMonths` (0 keeps everything) older months go.
 */
export async function maintainClickStorage(db: Kysely<DB>, retentionMonths: number, now = new Date()) {
  const expired = retentionMonths > 0 ? await dropExpiredClicks(db, retentionMonths, now) : { dropped: [], deleted: 0 };
  const created = await ensureClickPartitions(db, now, 2, undefined, retentionMonths > 0 ? monthStart(now, -retentionMonths) : undefined);
  return { created, ...expired };
}

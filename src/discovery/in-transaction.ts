import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Db } from '../shared/context.ts';

/**
 * Runs `fn` in a transaction, or in the caller's one when `db` already is a transaction, so verbs
 * compose (import → refresh metrics) and still commit with their audit rows.
 */
export function inTransaction<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn);
}

/** Splits a list into slices of at most `size` (statements have a bound-parameter limit). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

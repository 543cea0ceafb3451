import { sql } from 'kysely';
import type { Db } from '../shared/context.ts';

/** The NOTIFY channel every process listens on to drop cached links. */
export const CACHE_CHANNEL = 'advocate_cache';

export type CacheInvalidation = { code?: string; campaignId?: string; workspaceId?: string };

/**
 * Tells every process on the database to drop cached entries. Sent inside the caller's
 * transaction, PostgreSQL delivers it only if and when the change commits.
 */
export async function notifyCache(db: Db, what: CacheInvalidation): Promise<void> {
  await sql`select pg_notify(${CACHE_CHANNEL}, ${JSON.stringify(what)})`.execute(db);
}

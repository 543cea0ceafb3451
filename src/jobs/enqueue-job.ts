import { sql } from 'kysely';
import type { Db } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';

/** Runners LISTEN here so a committed job starts at once instead of at the next poll. */
export const JOBS_CHANNEL = 'advocate_jobs';

export type EnqueueInput = {
  kind: string;
  payload: unknown;
  workspaceId?: string | null;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** At most one job ever exists per key (later enqueues answer the first job). */
  dedupeKey?: string;
  maxAttempts?: number;
};

/**
 * Adds a job with the caller's handle: given a transaction, the job commits (and is seen by
 * runners) only with the change that caused it, so neither exists without the other (outbox).
 * @example await enqueueJob(trx, { kind: 'email.send', payload: { notificationId } })
 * @returns the job id, and `created: false` when the dedupe key already had a job
 */
export async function enqueueJob(db: Db, input: EnqueueInput): Promise<{ id: string; created: boolean }> {
  const id = newId('job');
  const row = await db
    .insertInto('jobs')
    .values({
      id,
      workspace_id: input.workspaceId ?? null,
      kind: input.kind,
      payload: JSON.stringify(input.payload ?? {}),
      ...(input.runAt ? { run_at: input.runAt } : {}),
      ...(input.maxAttempts ? { max_attempts: input.maxAttempts } : {}),
      dedupe_key: input.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    const existing = await db.selectFrom('jobs').select('id').where('dedupe_key', '=', input.dedupeKey!).executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }
  await sql`select pg_notify(${JOBS_CHANNEL}, ${input.kind})`.execute(db);
  return { id, created: true };
}

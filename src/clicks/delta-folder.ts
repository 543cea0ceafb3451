import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../shared/context.ts';
import { sql } from 'kysely';
import { foldClickDeltas } from './fold-click-deltas.ts';

const EVERY_MS = 1000;
const PRUNE_EVERY_TICKS = 300;

/**
 * Folds click deltas into the rollups every second (reports read both, so none are ever missing),
 * and every few minutes deletes uniqueness claims whose window has passed.
 */
export class DeltaFolder {
  #timer: NodeJS.Timeout;
  #ticks = 0;
  #running: Promise<void> | undefined;

  /**
   * @param batch delta rows per statement: small on PGlite, whose statements block the event loop
   *   (redirects wait behind them), large on PostgreSQL.
   */
  constructor(private readonly db: Db, private readonly log: FastifyBaseLogger, private readonly batch = 50_000) {
    this.#timer = setInterval(() => void this.fold(), EVERY_MS);
    this.#timer.unref();
  }

  /** Runs one fold unless one is running; resolves when it is done. Failures are retried next tick. */
  fold(): Promise<void> {
    this.#running ??= (async () => {
      try {
        while ((await foldClickDeltas(this.db, this.batch)) >= this.batch);
        if (++this.#ticks % PRUNE_EVERY_TICKS === 0) await pruneUniques(this.db);
      } catch (err) {
        this.log.debug({ err }, 'folding click deltas deferred');
      }
    })().finally(() => (this.#running = undefined));
    return this.#running;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
    await this.fold();
  }
}

/** Deletes expired uniqueness claims in bounded chunks (they hold a hash per visitor and link). */
export async function pruneUniques(db: Db, now = new Date()): Promise<number> {
  const r = await sql`delete from click_uniques where ctid in (
      select ctid from click_uniques where expires_at < ${now.toISOString()}::timestamptz limit 10000)`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

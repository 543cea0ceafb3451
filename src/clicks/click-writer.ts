import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../shared/context.ts';
import type { ClickEvent } from './click-event.ts';
import type { ClickSpool } from './click-spool.ts';
import { writeClicks } from './write-clicks.ts';

type Waiter = { event: ClickEvent; resolve: () => void; reject: (err: unknown) => void };

const MAX_BATCH = 1000;
// After a failed write, go straight to the spool for a moment instead of waiting on a dead server.
const BREAKER_MS = 1000;
const REPLAY_EVERY_MS = 1000;

/**
 * Group commit for clicks: `record` resolves once the click is durable — committed, or spooled to
 * a synced local file when the database cannot take it. While one batch commits, the next
 * accumulates, so throughput grows with load at a cost of about one commit of latency.
 */
export class ClickWriter {
  #queue: Waiter[] = [];
  #inFlight = 0;
  #idle: (() => void)[] = [];
  #brokenUntil = 0;
  #replayTimer: NodeJS.Timeout | undefined;
  #replaying: Promise<unknown> | undefined;
  written = 0;

  /** Clicks waiting in the spool for the database to come back. */
  get spooled(): number {
    return this.spool?.pending ?? 0;
  }

  /**
   * @param maxInFlight batches committing at once: 1 for PGlite (one session), a few for PostgreSQL
   *   so the next batch does not wait for the previous commit's fsync.
   */
  constructor(
    private readonly db: Db,
    private readonly spool: ClickSpool | null,
    private readonly log: FastifyBaseLogger,
    private readonly maxInFlight = 1,
    /** PGlite runs statements on the event loop: smaller batches keep each stall short. */
    private readonly maxBatch = MAX_BATCH,
  ) {
    if (spool) {
      this.#replayTimer = setInterval(() => void this.replaySpool(), REPLAY_EVERY_MS);
      this.#replayTimer.unref();
    }
  }

  /** Resolves when the click is durable; rejects only if neither the database nor the spool took it. */
  record(event: ClickEvent): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ event, resolve, reject });
      if (this.#inFlight < this.maxInFlight) {
        this.#inFlight++;
        // Start on the next tick so the requests of this tick join the batch.
        setImmediate(() => void this.#flush());
      }
    });
  }

  async #flush(): Promise<void> {
    try {
      while (this.#queue.length > 0) await this.#writeBatch(this.#queue.splice(0, this.maxBatch));
    } finally {
      this.#inFlight--;
      if (this.#inFlight === 0) this.#idle.splice(0).forEach((f) => f());
    }
  }

  async #writeBatch(batch: Waiter[]): Promise<void> {
    const events = batch.map((w) => w.event);
    try {
      if (Date.now() < this.#brokenUntil && this.spool) throw new Error('database recently unavailable');
      this.written += await writeClicks(this.db, events);
      batch.forEach((w) => w.resolve());
    } catch (err) {
      if (!this.spool) return batch.forEach((w) => w.reject(err));
      if (Date.now() >= this.#brokenUntil) this.log.warn({ err, clicks: events.length }, 'click write failed; spooling');
      this.#brokenUntil = Date.now() + BREAKER_MS;
      try {
        this.spool.append(events);
        batch.forEach((w) => w.resolve());
      } catch (spoolErr) {
        this.log.error({ err: spoolErr }, 'click spool failed');
        batch.forEach((w) => w.reject(spoolErr));
      }
    }
  }

  /** Writes spooled clicks into the database (idempotent); runs every second while any are spooled. */
  replaySpool(): Promise<unknown> {
    if (!this.spool || Date.now() < this.#brokenUntil) return Promise.resolve(0);
    this.#replaying ??= this.spool
      .replay((events) => writeClicks(this.db, events).then((n) => (this.written += n)))
      .then((n) => {
        if (n > 0) this.log.info({ clicks: n }, 'replayed spooled clicks');
        return n;
      })
      .catch((err) => {
        this.#brokenUntil = Date.now() + BREAKER_MS;
        this.log.debug({ err }, 'spool replay deferred');
      })
      .finally(() => (this.#replaying = undefined));
    return this.#replaying;
  }

  /** Waits for every recorded click to be durable, then tries once more to empty the spool. */
  async close(): Promise<void> {
    clearInterval(this.#replayTimer);
    if (this.#inFlight > 0) await new Promise<void>((resolve) => this.#idle.push(resolve));
    await this.#replaying;
    await this.replaySpool();
    this.spool?.close();
  }
}

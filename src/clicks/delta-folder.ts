import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../shared/context.ts';
import { foldClickDeltas } from './fold-click-deltas.ts';

const EVERY_MS = 1000;

/** Folds click deltas into the rollups every second (reports read both, so none are ever missing). */
export class DeltaFolder {
  #timer: NodeJS.Timeout;
  #running: Promise<void> | undefined;

  constructor(private readonly db: Db, private readonly log: FastifyBaseLogger) {
    this.#timer = setInterval(() => void this.fold(), EVERY_MS);
    this.#timer.unref();
  }

  /** Runs one fold unless one is running; resolves when it is done. Failures are retried next tick. */
  fold(): Promise<void> {
    this.#running ??= (async () => {
      try {
        while ((await foldClickDeltas(this.db)) > 0);
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

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { JobsTable } from '../db/schema-jobs.ts';
import type { DB } from '../db/schema.ts';
import { retryDelayMs } from './backoff.ts';
import { JOBS_CHANNEL } from './enqueue-job.ts';

export type JobRow = Selectable<JobsTable>;

/** What a handler learns about the job it runs; `attempt` counts from 1. */
export type JobInfo = { id: string; kind: string; workspaceId: string | null; attempt: number; maxAttempts: number };
export type JobHandlerContext = { db: Kysely<DB>; log: FastifyBaseLogger; job: JobInfo };

type Handler = { schema: z.ZodType; run(payload: unknown, ctx: JobHandlerContext): Promise<void>; backoff?: ((attempt: number) => number) | undefined };

export type JobRunnerOptions = {
  db: Kysely<DB>;
  log: FastifyBaseLogger;
  /** Wakes the runner on NOTIFY from any process (Database.listen). */
  listen?: (channel: string, onMessage: (payload: string) => void) => Promise<() => Promise<void>>;
  /** Jobs run at once by this runner. */
  concurrency?: number;
  pollMs?: number;
  /** A claimed job is this runner's until now + leaseMs; renewed while it runs, so only a dead process loses it. */
  leaseMs?: number;
  backoff?: (attempt: number) => number;
};

/**
 * Runs queued jobs: claims due ones with `FOR UPDATE SKIP LOCKED` (each job goes to one runner
 * across all processes), holds a renewed lease while the handler runs, retries failures with
 * exponential backoff and jitter, and marks a job dead after its last attempt.
 * @example const runner = new JobRunner({ db, log }); runner.register('email.send', Schema, send); runner.start()
 */
export class JobRunner {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly handlers = new Map<string, Handler>();
  private readonly inflight = new Map<string, Promise<void>>();
  private claimLock: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private running = false;
  private filling = false;
  private fillAgain = false;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly backoff: (attempt: number) => number;

  constructor(private readonly opts: JobRunnerOptions) {
    this.concurrency = opts.concurrency ?? 4;
    this.pollMs = opts.pollMs ?? 1000;
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.backoff = opts.backoff ?? ((attempt) => retryDelayMs(attempt));
  }

  /** Registers the handler of one kind; its payload is validated with `schema` before each run. A handler that throws is retried. */
  register<S extends z.ZodType>(
    kind: string,
    schema: S,
    run: (payload: z.output<S>, ctx: JobHandlerContext) => Promise<void>,
    opts: { backoff?: (attempt: number) => number } = {},
  ): this {
    if (this.handlers.has(kind)) throw new Error(`A handler for job kind ${kind} is already registered`);
    this.handlers.set(kind, { schema, run: run as Handler['run'], backoff: opts.backoff });
    return this;
  }

  /** Starts polling (and listening for new jobs); returns at once. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.unlisten = await this.opts.listen?.(JOBS_CHANNEL, (kind) => (kind === '*' || this.handlers.has(kind) ? this.wake() : undefined)).catch((err) => {
      this.opts.log.warn({ err }, 'jobs: LISTEN failed; polling only');
      return undefined;
    });
    this.heartbeat = setInterval(() => void this.renewLeases(), Math.max(50, Math.floor(this.leaseMs / 3)));
    this.heartbeat.unref();
    this.schedule(0);
  }

  /** Stops claiming and waits for the jobs in flight to finish. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.unlisten?.().catch(() => {});
    this.unlisten = undefined;
    await this.claimLock.catch(() => {});
    await Promise.allSettled([...this.inflight.values()]);
    clearInterval(this.heartbeat);
  }

  /**
   * Runs due jobs until none is left and nothing is in flight (tests, CLI). `dueWithinMs` also takes
   * jobs due that far ahead, so a test can drive retries without waiting for their backoff.
   */
  async runUntilIdle(opts: { dueWithinMs?: number } = {}): Promise<void> {
    for (;;) {
      const claimed = await this.fill(opts.dueWithinMs ?? 0);
      if (claimed === 0 && this.inflight.size === 0) return;
      if (this.inflight.size > 0) await Promise.race(this.inflight.values());
    }
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.poll(), ms);
    this.timer.unref();
  }

  private wake(): void {
    if (this.running) void this.poll();
  }

  private async poll(): Promise<void> {
    if (this.filling) {
      this.fillAgain = true;
      return;
    }
    this.filling = true;
    try {
      do {
        this.fillAgain = false;
        await this.fill(0);
      } while (this.fillAgain && this.running);
    } catch (err) {
      this.opts.log.warn({ err }, 'jobs: polling failed');
    } finally {
      this.filling = false;
      this.schedule(this.pollMs);
    }
  }

  /** Claims as many due jobs as there are free slots and starts them; claims are serialised per runner. */
  private fill(dueWithinMs: number): Promise<number> {
    const next = this.claimLock.then(async () => {
      const free = this.concurrency - this.inflight.size;
      if (free <= 0 || this.handlers.size === 0) return 0;
      await this.buryExpired();
      const jobs = await this.claim(free, dueWithinMs);
      for (const job of jobs) {
        const run = this.execute(job).finally(() => {
          this.inflight.delete(job.id);
          this.wake();
        });
        this.inflight.set(job.id, run);
      }
      return jobs.length;
    });
    this.claimLock = next.catch(() => {});
    return next;
  }

  private claim(limit: number, dueWithinMs: number): Promise<JobRow[]> {
    const { db } = this.opts;
    return db
      .updateTable('jobs')
      .set({ status: 'running', attempts: sql`attempts + 1`, locked_by: this.id, locked_until: sql`now() + ${this.leaseMs} * interval '1 millisecond'` })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('kind', 'in', [...this.handlers.keys()])
          .where((w) =>
            w.or([
              w.and([w('status', 'in', ['queued', 'failed']), w('run_at', '<=', sql<Date>`now() + ${dueWithinMs} * interval '1 millisecond'`)]),
              // A lease that ran out belongs to a process that died: run the job again.
              w.and([w('status', '=', 'running'), w('locked_until', '<', sql<Date>`now()`), w('attempts', '<', w.ref('max_attempts'))]),
            ]),
          )
          .orderBy('run_at')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .execute();
  }

  /** Jobs whose last attempt died with its process are dead, not retried. */
  private async buryExpired(): Promise<void> {
    await this.opts.db
      .updateTable('jobs')
      .set({ status: 'dead', finished_at: sql`now()`, locked_by: null, locked_until: null, last_error: sql`coalesce(last_error || '; ', '') || 'lease expired on the last attempt'` })
      .where('status', '=', 'running')
      .where('locked_until', '<', sql<Date>`now()`)
      .where('attempts', '>=', (eb) => eb.ref('max_attempts'))
      .execute();
  }

  private async renewLeases(): Promise<void> {
    if (this.inflight.size === 0) return;
    await this.opts.db
      .updateTable('jobs')
      .set({ locked_until: sql`now() + ${this.leaseMs} * interval '1 millisecond'` })
      .where('id', 'in', [...this.inflight.keys()])
      .where('locked_by', '=', this.id)
      .where('status', '=', 'running')
      .execute()
      .catch((err) => this.opts.log.warn({ err }, 'jobs: renewing leases failed'));
  }

  private async execute(job: JobRow): Promise<void> {
    const handler = this.handlers.get(job.kind)!;
    const info: JobInfo = { id: job.id, kind: job.kind, workspaceId: job.workspace_id, attempt: job.attempts, maxAttempts: job.max_attempts };
    const log = this.opts.log.child({ jobId: job.id, jobKind: job.kind, attempt: job.attempts });
    const parsed = handler.schema.safeParse(job.payload);
    if (!parsed.success) {
      // Retrying cannot fix a malformed payload.
      await this.finish(job, { status: 'dead', error: `invalid payload: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` });
      return;
    }
    try {
      await handler.run(parsed.data, { db: this.opts.db, log, job: info });
      await this.finish(job, { status: 'done' });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const last = job.attempts >= job.max_attempts;
      log.warn({ err: error, last }, 'jobs: attempt failed');
      await this.finish(job, last ? { status: 'dead', error } : { status: 'failed', error, retryInMs: (handler.backoff ?? this.backoff)(job.attempts) });
    }
  }

  /** Records the outcome, unless the lease was lost meanwhile (then the job's new owner decides). */
  private async finish(job: JobRow, outcome: { status: 'done' | 'dead' | 'failed'; error?: string; retryInMs?: number }): Promise<void> {
    const ends = outcome.status !== 'failed';
    await this.opts.db
      .updateTable('jobs')
      .set({
        status: outcome.status,
        locked_by: null,
        locked_until: null,
        ...(outcome.error !== undefined ? { last_error: outcome.error.slice(0, 2000) } : {}),
        ...(ends ? { finished_at: sql`now()` } : { run_at: sql`now() + ${outcome.retryInMs ?? 0} * interval '1 millisecond'` }),
      })
      .where('id', '=', job.id)
      .where('locked_by', '=', this.id)
      .where('attempts', '=', job.attempts)
      .execute()
      .catch((err) => this.opts.log.error({ err, jobId: job.id }, 'jobs: recording the outcome failed; the lease will expire and the job run again'));
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's job runner (tests call runUntilIdle). */
    jobs: JobRunner;
  }
}

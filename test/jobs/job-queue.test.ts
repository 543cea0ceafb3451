import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { enqueueJob, JobRunner } from '../../src/jobs/index.ts';
import { ENGINES, openTestDatabase, TEST_DATABASE_URL } from '../helpers/engines.ts';

const log = pino({ level: 'silent' });
const Payload = z.strictObject({ n: z.number().int() });

describe.each(ENGINES)('job queue on %s', (engine) => {
  let database: Database;
  let second: Database; // PostgreSQL: a second pool on the same schema, as another process would have
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openTestDatabase(engine);
    database = opened.database;
    drop = opened.drop;
    second = engine === 'postgres' ? await openDatabase({ url: TEST_DATABASE_URL, schema: opened.schema!, poolSize: 5 }) : database;
  });
  afterAll(async () => {
    if (second !== database) await second?.close();
    await drop?.();
  });

  const job = (id: string) => database.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('two runners process 200 jobs, each exactly once', async () => {
    const runs = new Map<number, string[]>();
    const runners = [database, second].map((d) => new JobRunner({ db: d.db, log, concurrency: 4 }));
    for (const r of runners) {
      r.register('count', Payload, async ({ n }) => {
        runs.set(n, [...(runs.get(n) ?? []), r.id]);
        await new Promise((resolve) => setTimeout(resolve, 2));
      });
    }
    await database.db.transaction().execute(async (trx) => {
      for (let n = 0; n < 200; n++) await enqueueJob(trx, { kind: 'count', payload: { n } });
    });
    await Promise.all(runners.map((r) => r.runUntilIdle()));
    expect(runs.size).toBe(200);
    expect([...runs.values()].every((by) => by.length === 1)).toBe(true);
    const byRunner = new Set([...runs.values()].map((by) => by[0]));
    expect(byRunner.size).toBe(2);
    const statuses = await database.db.selectFrom('jobs').select(({ fn }) => ['status', fn.countAll<string>().as('n')]).where('kind', '=', 'count').groupBy('status').execute();
    expect(statuses.map((s) => [s.status, Number(s.n)])).toEqual([['done', 200]]);
  });

  it('retries a failing handler with growing delays and ends dead with the last error', async () => {
    const runner = new JobRunner({ db: database.db, log, backoff: (attempt) => 1000 * 2 ** (attempt - 1) });
    let calls = 0;
    runner.register('always-fails', Payload, async () => {
      calls++;
      throw new Error(`boom ${calls}`);
    });
    const { id } = await enqueueJob(database.db, { kind: 'always-fails', payload: { n: 1 }, maxAttempts: 4 });
    await runner.runUntilIdle();
    const first = await job(id);
    expect(first).toMatchObject({ status: 'failed', attempts: 1, last_error: 'boom 1', locked_by: null });
    const { rows } = await sql<{ delay: number }>`select extract(epoch from run_at - now()) * 1000 as delay from jobs where id = ${id}`.execute(database.db);
    expect(Number(rows[0]!.delay)).toBeGreaterThan(800);
    expect(Number(rows[0]!.delay)).toBeLessThanOrEqual(1000);
    await runner.runUntilIdle({ dueWithinMs: 60_000 });
    expect(calls).toBe(4);
    expect(await job(id)).toMatchObject({ status: 'dead', attempts: 4, last_error: 'boom 4', finished_at: expect.any(Date) });
  });

  it('takes over a job whose lease ran out (its process died) and buries one on its last attempt', async () => {
    const runner = new JobRunner({ db: database.db, log });
    const done: number[] = [];
    runner.register('lease', Payload, async ({ n }) => void done.push(n));
    const a = await enqueueJob(database.db, { kind: 'lease', payload: { n: 1 } });
    const b = await enqueueJob(database.db, { kind: 'lease', payload: { n: 2 }, maxAttempts: 1 });
    const c = await enqueueJob(database.db, { kind: 'lease', payload: { n: 3 } });
    const dead = (minutes: number) => ({ status: 'running' as const, attempts: 1, locked_by: 'crashed-process', locked_until: new Date(Date.now() + minutes * 60_000) });
    await database.db.updateTable('jobs').set(dead(-1)).where('id', 'in', [a.id, b.id]).execute();
    await database.db.updateTable('jobs').set(dead(5)).where('id', '=', c.id).execute(); // still leased: not touched
    await runner.runUntilIdle();
    expect(done).toEqual([1]);
    expect(await job(a.id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await job(b.id)).toMatchObject({ status: 'dead', last_error: 'lease expired on the last attempt' });
    expect(await job(c.id)).toMatchObject({ status: 'running', locked_by: 'crashed-process' });
  });

  it('keeps one job per dedupe key, commits jobs with their transaction and refuses bad payloads', async () => {
    const runner = new JobRunner({ db: database.db, log });
    const seen: number[] = [];
    runner.register('dedupe', Payload, async ({ n }) => void seen.push(n));
    const first = await enqueueJob(database.db, { kind: 'dedupe', payload: { n: 1 }, dedupeKey: 'reminder:dlv_1' });
    const again = await enqueueJob(database.db, { kind: 'dedupe', payload: { n: 2 }, dedupeKey: 'reminder:dlv_1' });
    expect(again).toEqual({ id: first.id, created: false });
    await database.db
      .transaction()
      .execute(async (trx) => {
        await enqueueJob(trx, { kind: 'dedupe', payload: { n: 3 } });
        throw new Error('rolled back');
      })
      .catch(() => {});
    const bad = await enqueueJob(database.db, { kind: 'dedupe', payload: { n: 'x' } });
    const later = await enqueueJob(database.db, { kind: 'dedupe', payload: { n: 4 }, runAt: new Date(Date.now() + 3_600_000) });
    await runner.runUntilIdle();
    expect(seen).toEqual([1]);
    expect(await job(bad.id)).toMatchObject({ status: 'dead', attempts: 1, last_error: expect.stringMatching(/invalid payload: n:/) });
    expect(await job(later.id)).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('a started runner picks up new jobs by itself and stop() waits for the one in flight', async () => {
    const runner = new JobRunner({ db: database.db, log, listen: database.listen, pollMs: 5000 });
    let finished = false;
    let started!: () => void;
    const begun = new Promise<void>((resolve) => (started = resolve));
    runner.register('slow', Payload, async () => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 100));
      finished = true;
    });
    await runner.start();
    const { id } = await enqueueJob(database.db, { kind: 'slow', payload: { n: 1 } });
    await begun; // woken by NOTIFY, long before the 5 s poll
    await runner.stop();
    expect(finished).toBe(true);
    expect(await job(id)).toMatchObject({ status: 'done' });
  });
});

import cluster from 'node:cluster';
import type { Config } from './config.ts';
import { startServer } from './server.ts';
import { AppError } from './shared/errors.ts';

/**
 * `advocate serve --workers N`: the primary forks N server processes sharing the port (node:cluster)
 * and replaces any that die; each worker is a full server on the same PostgreSQL (link cache
 * invalidation, jobs and sessions already work across processes). The embedded database belongs
 * to one process, so several workers need DATABASE_URL.
 */
export async function serveWithWorkers(config: Config, workers: number): Promise<void> {
  if (workers <= 1 || cluster.isWorker) {
    await startServer(config, { handleSignals: true });
    return;
  }
  if (!config.databaseUrl) {
    throw new AppError('PRECONDITION_FAILED', '--workers needs PostgreSQL (set DATABASE_URL): the embedded database can only be opened by one process');
  }
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    process.stderr.write(`advocate: worker ${worker.process.pid} exited (${signal ?? code}); starting another\n`);
    setTimeout(fork, 200);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      const done = () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0);
      cluster.on('exit', done);
      done();
      setTimeout(() => process.exit(1), 20_000).unref();
    });
  }
}

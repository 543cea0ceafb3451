import cluster from 'node:cluster';
import path from 'node:path';
import { startControlSocket, controlSocketPath } from './admin/control-socket.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { acquireDataDirLock, type DataDirLock } from './db/data-dir-lock.ts';
import { migrate } from './db/migrate.ts';
import { buildApp } from './http/build-app.ts';
import { findDemoLogin } from './admin/demo-login.ts';
import type { App } from './http/types.ts';

export type RunningServer = { app: App; database: Database; url: string; stop(reason?: string): Promise<void> };

/** PGlite's files live here, inside the data directory. */
export const pgliteDir = (config: Config): string => path.join(config.dataDir, 'pgdata');

/** Opens the configured database (locking the data directory for PGlite) and applies migrations. */
export async function openConfiguredDatabase(config: Config, role: 'server' | 'cli'): Promise<{ database: Database; lock: DataDirLock | null }> {
  const socket = role === 'server' ? controlSocketPath(config.dataDir) : undefined;
  const lock = config.databaseUrl ? null : acquireDataDirLock(config.dataDir, { role, ...(socket ? { controlSocket: socket } : {}) });
  try {
    const database = await openDatabase({
      url: config.databaseUrl,
      schema: config.databaseSchema,
      poolSize: config.databasePoolSize,
      dataDir: pgliteDir(config),
    });
    await migrate(database.db);
    return { database, lock };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/**
 * Starts the product: database, migrations, HTTP, the CLI control socket (embedded mode), and a
 * graceful stop on SIGTERM/SIGINT (stop accepting, finish in-flight requests, flush, close the db).
 */
export async function startServer(config: Config, opts: { handleSignals?: boolean } = {}): Promise<RunningServer> {
  const { database, lock } = await openConfiguredDatabase(config, 'server');
  const app = await buildApp({ config, database }).catch(async (err: unknown) => {
    // e.g. NATS unreachable at boot: close the pool so the process exits now, not when it idles out
    await database.close().catch(() => {});
    lock?.release();
    throw err;
  });
  const control = lock ? await startControlSocket(controlSocketPath(config.dataDir), database, app.log) : null;
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info({ engine: database.engine, dataDir: lock ? config.dataDir : undefined }, `Advocate listening on ${address}`);
  if (opts.handleSignals && (!cluster.isWorker || cluster.worker?.id === 1)) await announce(config, database, address);

  let stopping: Promise<void> | undefined;
  const stop = (reason = 'stop') =>
    (stopping ??= (async () => {
      app.log.info({ reason }, 'shutting down');
      await control?.close();
      await app.close(); // stops accepting, waits for in-flight requests, runs onClose hooks (flushes)
      await database.close();
      lock?.release();
    })());

  if (opts.handleSignals) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        const timer = setTimeout(() => process.exit(1), 15_000);
        timer.unref();
        stop(signal).then(
          () => process.exit(0),
          (err) => {
            app.log.error({ err }, 'shutdown failed');
            process.exit(1);
          },
        );
      });
    }
  }
  const port = (app.server.address() as { port: number }).port;
  return { app, database, url: `http://127.0.0.1:${port}`, stop };
}

/** One plain line for the person who ran `npm start`: where the dashboard is, and the demo login. */
async function announce(config: Config, database: Database, address: string): Promise<void> {
  const url = config.publicUrl ?? address.replace(/\/\/(0\.0\.0\.0|\[::\])(?=:)/, '//localhost');
  const demo = await findDemoLogin(database.db).catch(() => null);
  process.stdout.write(`\nAdvocate dashboard: ${url}/\n${demo ? `Demo login: ${demo.email} / ${demo.password}\n` : 'No demo login: `npx advocate demo` creates a populated demo workspace; `npx advocate user create --workspace <slug> --email <you> --role owner` adds your own login.\n'}\n`);
}

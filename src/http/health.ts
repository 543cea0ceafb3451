import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/client.ts';
import { pendingMigrations } from '../db/migrate.ts';

/** /healthz: the process answers. /readyz: the database answers and every migration is applied. */
export function registerHealth(app: FastifyInstance, database: Database): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok', pid: process.pid }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await database.ping();
      const pending = await pendingMigrations(database.db);
      if (pending.length > 0) return reply.status(503).send({ status: 'migrating', pendingMigrations: pending });
      return { status: 'ready', engine: database.engine };
    } catch (err) {
      request.log.warn({ err }, 'readiness check failed');
      return reply.status(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
}

import type { ServerResponse } from 'node:http';
import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { LiveHub } from './live-hub.ts';

/** Server-Sent Events: `event: totals` with today's counters whenever they change, and a heartbeat. */
export function liveRoutes(app: App, { database }: RouteDeps): void {
  const hub = new LiveHub(database.db, app.log);
  const open = new Set<ServerResponse>();
  app.addHook('onClose', async () => {
    hub.close();
    for (const res of open) res.end();
  });
  app.get(
    '/api/v1/live',
    { schema: { tags: ['reports'], summary: "Live counters (Server-Sent Events): today's clicks, leads, sales and revenue as they change" } },
    async (request, reply) => {
      const ctx = contextOf(request, database);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      res.write('retry: 2000\n\n');
      open.add(res);
      const unsubscribe = hub.subscribe(ctx.workspaceId, (totals) => res.write(`event: totals\ndata: ${JSON.stringify(totals)}\n\n`));
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      heartbeat.unref();
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(res);
      });
    },
  );
}

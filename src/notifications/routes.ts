import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { listNotifications, markNotificationsRead } from './notification-verbs.ts';
import { IdParams, ListNotificationsQuery } from './schemas.ts';

export function notificationRoutes(app: App, { database }: RouteDeps): void {
  const tags = ['notifications'];
  app.get('/api/v1/notifications', { schema: { tags, summary: 'In-app notices, newest first (unread=true for the unread ones)', querystring: ListNotificationsQuery } }, async (request) => ({
    data: await listNotifications({ ctx: contextOf(request, database), input: request.query }),
  }));
  app.post('/api/v1/notifications/read-all', { schema: { tags, summary: 'Mark every notice read' } }, async (request) =>
    markNotificationsRead({ ctx: contextOf(request, database), input: { id: 'all' } }),
  );
  app.post('/api/v1/notifications/:id/read', { schema: { tags, summary: 'Mark one notice read', params: IdParams } }, async (request) =>
    markNotificationsRead({ ctx: contextOf(request, database), input: { id: request.params.id } }),
  );
}

import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { getWorkspace } from './get-workspace.ts';

export function workspaceRoutes(app: App, { database }: RouteDeps): void {
  app.get('/api/v1/workspace', { schema: { tags: ['workspace'], summary: "The caller's workspace" } }, async (request) => ({
    workspace: await getWorkspace({ ctx: contextOf(request, database) }),
  }));
}

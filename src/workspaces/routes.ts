import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { getWorkspace } from './get-workspace.ts';
import { UpdateWorkspaceInput } from './schemas.ts';
import { updateWorkspace } from './update-workspace.ts';

export function workspaceRoutes(app: App, { database }: RouteDeps): void {
  app.get('/api/v1/workspace', { schema: { tags: ['workspace'], summary: "The caller's workspace" } }, async (request) => ({
    workspace: await getWorkspace({ ctx: contextOf(request, database) }),
  }));
  app.patch(
    '/api/v1/workspace',
    { schema: { tags: ['workspace'], summary: "Update the caller's workspace", body: UpdateWorkspaceInput } },
    async (request) => ({ workspace: await updateWorkspace({ ctx: contextOf(request, database), input: request.body }) }),
  );
}

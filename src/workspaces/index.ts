export { createWorkspace } from './create-workspace.ts';
export { getWorkspace, getWorkspaceBySlug, listWorkspaces } from './get-workspace.ts';
export { CreateWorkspaceInput, WorkspaceSlug, type WorkspaceDto } from './schemas.ts';
export { workspaceRoutes } from './routes.ts';

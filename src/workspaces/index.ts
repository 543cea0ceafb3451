export { createWorkspace } from './create-workspace.ts';
export { getWorkspace, getWorkspaceBySlug, listWorkspaces } from './get-workspace.ts';
export { CreateWorkspaceInput, UpdateWorkspaceInput, WorkspaceSlug, type WorkspaceDto } from './schemas.ts';
export { updateWorkspace } from './update-workspace.ts';
export { workspaceRoutes } from './routes.ts';
export { readSettings, WorkspaceSettings } from './settings.ts';

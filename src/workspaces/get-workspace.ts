import type { Context, SystemContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { WorkspaceDto } from './schemas.ts';
import { toWorkspaceDto } from './to-workspace-dto.ts';

/** The caller's own workspace. */
export async function getWorkspace({ ctx }: { ctx: Context }): Promise<WorkspaceDto> {
  const row = await ctx.db.selectFrom('workspaces').selectAll().where('id', '=', ctx.workspaceId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Workspace not found');
  return toWorkspaceDto(row);
}

/** Looks a workspace up by slug for the CLI; a clear 404 names the slug. */
export async function getWorkspaceBySlug({ ctx, input }: { ctx: SystemContext; input: { slug: string } }): Promise<WorkspaceDto> {
  const row = await ctx.db.selectFrom('workspaces').selectAll().where('slug', '=', input.slug).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No workspace with slug "${input.slug}" (create it with: advocate workspace create ${input.slug})`);
  return toWorkspaceDto(row);
}

/** Every workspace, for `advocate workspace list`. */
export async function listWorkspaces({ ctx }: { ctx: SystemContext }): Promise<WorkspaceDto[]> {
  const rows = await ctx.db.selectFrom('workspaces').selectAll().orderBy('created_at').execute();
  return rows.map(toWorkspaceDto);
}

import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { UpdateWorkspaceInput, type WorkspaceDto } from './schemas.ts';
import { toWorkspaceDto } from './to-workspace-dto.ts';

/**
 * Renames the caller's workspace (more settings join as capabilities land).
 * @example await updateWorkspace({ ctx, input: { name: 'Acme Europe' } })
 */
export async function updateWorkspace({ ctx, input }: { ctx: Context; input: UpdateWorkspaceInput }): Promise<WorkspaceDto> {
  const { name } = UpdateWorkspaceInput.parse(input);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('workspaces')
      .set({ ...(name !== undefined ? { name } : {}) })
      .where('id', '=', ctx.workspaceId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'Workspace not found');
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'workspace.updated', subjectId: row.id, data: { name } });
    return toWorkspaceDto(row);
  });
}

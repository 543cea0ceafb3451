import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { UpdateWorkspaceInput, type WorkspaceDto } from './schemas.ts';
import { toWorkspaceDto } from './to-workspace-dto.ts';
import { readSettings } from './settings.ts';
import { notifyCache } from '../db/cache-notify.ts';

/**
 * Renames the workspace and changes its settings (merged into the stored ones).
 * @example await updateWorkspace({ ctx, input: { name: 'Acme Europe' } })
 */
export async function updateWorkspace({ ctx, input }: { ctx: Context; input: UpdateWorkspaceInput }): Promise<WorkspaceDto> {
  const { name, settings } = UpdateWorkspaceInput.parse(input);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('workspaces').select('settings').where('id', '=', ctx.workspaceId).forUpdate().executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', 'Workspace not found');
    const merged = settings ? { ...readSettings(current.settings), ...settings } : undefined;
    const row = await trx
      .updateTable('workspaces')
      .set({ ...(name !== undefined ? { name } : {}), ...(merged ? { settings: JSON.stringify(merged) } : {}) })
      .where('id', '=', ctx.workspaceId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'Workspace not found');
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'workspace.updated', subjectId: row.id, data: { name, settings } });
    // Redirects cache settings (click id parameter, unique window): tell every process.
    if (settings) await notifyCache(trx, { workspaceId: ctx.workspaceId });
    return toWorkspaceDto(row);
  });
}

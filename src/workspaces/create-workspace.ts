import { audit } from '../shared/audit.ts';
import type { SystemContext } from '../shared/context.ts';
import { isUniqueViolation } from '../shared/db-errors.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { CreateWorkspaceInput, type WorkspaceDto } from './schemas.ts';
import { toWorkspaceDto } from './to-workspace-dto.ts';

/**
 * Creates a workspace (one brand's program). Slugs are unique across the instance.
 * @example await createWorkspace({ ctx, input: { slug: 'acme', name: 'Acme Inc.' } })
 */
export async function createWorkspace({ ctx, input }: { ctx: SystemContext; input: CreateWorkspaceInput }): Promise<WorkspaceDto> {
  const { slug, name } = CreateWorkspaceInput.parse(input);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('workspaces')
        .values({ id: newId('workspace'), slug, name: name ?? slug, settings: JSON.stringify({}) })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit({ ...ctx, db: trx }, { workspaceId: row.id, action: 'workspace.created', subjectId: row.id, data: { slug } });
      return toWorkspaceDto(row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `A workspace with slug "${slug}" already exists`);
    throw err;
  }
}

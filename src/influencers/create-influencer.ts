import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import { CreateInfluencerInput, type InfluencerDto } from './schemas.ts';
import { toInfluencerDto } from './to-influencer-dto.ts';

/**
 * Adds a creator to the workspace (minimal profile: name, optional email, handles per platform).
 * @example await createInfluencer({ ctx, input: { name: 'Ada', handles: { instagram: '@ada' } } })
 */
export async function createInfluencer({ ctx, input }: { ctx: Context; input: CreateInfluencerInput }): Promise<InfluencerDto> {
  const { name, email, handles } = CreateInfluencerInput.parse(input);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('influencers')
      .values({ id: newId('influencer'), workspace_id: ctx.workspaceId, name, email: email ?? null, handles: JSON.stringify(handles), status: 'active' })
      .returningAll()
      .executeTakeFirstOrThrow();
    // No email in the audit row: it is personal data and the audit log is kept indefinitely.
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'influencer.created', subjectId: row.id, data: { name } });
    return toInfluencerDto(row);
  });
}

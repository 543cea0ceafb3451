import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { hasPrefix } from '../shared/ids.ts';
import type { InfluencerDto, InfluencerStatus } from './schemas.ts';
import { toInfluencerDto } from './to-influencer-dto.ts';

/**
 * Archives an influencer (kept with its history, hidden from `status=active` lists). Archiving an
 * archived influencer changes nothing and writes no audit row.
 * @example await archiveInfluencer({ ctx, input: { id: 'inf_...' } })
 */
export async function archiveInfluencer({ ctx, input }: { ctx: Context; input: { id: string } }): Promise<InfluencerDto> {
  return setStatus(ctx, input.id, 'archived');
}

/**
 * Makes an archived influencer active again; harmless when it already is.
 * @example await unarchiveInfluencer({ ctx, input: { id: 'inf_...' } })
 */
export async function unarchiveInfluencer({ ctx, input }: { ctx: Context; input: { id: string } }): Promise<InfluencerDto> {
  return setStatus(ctx, input.id, 'active');
}

async function setStatus(ctx: Context, id: string, status: InfluencerStatus): Promise<InfluencerDto> {
  if (!hasPrefix(id, 'influencer')) throw notFound('Influencer', id);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('influencers')
      .selectAll()
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound('Influencer', id);
    if (current.status === status) return toInfluencerDto(current);
    const row = await trx
      .updateTable('influencers')
      .set({ status, updated_at: new Date() })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const action = status === 'archived' ? 'influencer.archived' : 'influencer.unarchived';
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action, subjectId: id });
    return toInfluencerDto(row);
  });
}

import { notifyCache } from '../db/cache-notify.ts';
import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { hasPrefix } from '../shared/ids.ts';
import { UpdateInfluencerInput, type InfluencerDto } from './schemas.ts';
import { toInfluencerDto } from './to-influencer-dto.ts';

/**
 * Changes the given fields only. `handles` is merged per platform (`null` removes one), so a client
 * can set an Instagram handle without knowing the others.
 * @example await updateInfluencer({ ctx, input: { id: 'inf_...', patch: { handles: { tiktok: '@ada', x: null } } } })
 */
export async function updateInfluencer({ ctx, input }: { ctx: Context; input: { id: string; patch: UpdateInfluencerInput } }): Promise<InfluencerDto> {
  const patch = UpdateInfluencerInput.parse(input.patch);
  if (!hasPrefix(input.id, 'influencer')) throw notFound('Influencer', input.id);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('influencers')
      .selectAll()
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound('Influencer', input.id);
    let handles: Record<string, string> | undefined;
    if (patch.handles) {
      handles = { ...toInfluencerDto(current).handles };
      for (const [platform, value] of Object.entries(patch.handles)) {
        if (value === null) delete handles[platform];
        else if (value !== undefined) handles[platform] = value;
      }
    }
    const row = await trx
      .updateTable('influencers')
      .set({
        ...(patch.recruitedBy !== undefined ? { recruited_by: await checkRecruiter(trx, ctx.workspaceId, input.id, patch.recruitedBy) } : {}),
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.email !== undefined ? { email: patch.email } : {}),
        ...(handles ? { handles: JSON.stringify(handles) } : {}),
        updated_at: new Date(),
      })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', input.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    // Field names only: the values may be personal data (email).
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'influencer.updated', subjectId: row.id, data: { fields: Object.keys(patch) } });
    // Handles feed the default utm_source/utm_content of cached redirects; there is no per-creator
    // invalidation, so drop the workspace's entries (handle edits are rare).
    if (handles) await notifyCache(trx, { workspaceId: ctx.workspaceId });
    return toInfluencerDto(row);
  });
}

/** A recruiter must be another creator of the workspace, and recruiting must not loop back. */
async function checkRecruiter(db: Context['db'], workspaceId: string, id: string, recruiter: string | null): Promise<string | null> {
  if (recruiter === null) return null;
  if (recruiter === id) throw new AppError('VALIDATION', 'recruitedBy: a creator cannot recruit themselves');
  let current: string | null = recruiter;
  for (let depth = 0; current && depth < 50; depth++) {
    const row: { id: string; recruited_by: string | null } | undefined = await db
      .selectFrom('influencers')
      .select(['id', 'recruited_by'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', current)
      .executeTakeFirst();
    if (!row) throw new AppError('VALIDATION', `recruitedBy: no creator ${current} in this workspace`);
    if (row.recruited_by === id) throw new AppError('VALIDATION', 'recruitedBy: that would make a recruiting loop');
    current = row.recruited_by;
  }
  return recruiter;
}

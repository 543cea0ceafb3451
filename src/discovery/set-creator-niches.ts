import { z } from 'zod';
import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { hasPrefix } from '../shared/ids.ts';
import { readDiscoverySettings } from './discovery-settings.ts';
import { inTransaction } from './in-transaction.ts';
import { refreshMetrics } from './refresh-metrics.ts';

export const SetCreatorNichesInput = z.strictObject({
  /** Niche ids of the workspace taxonomy; null or [] returns to the niches assigned from content. */
  niches: z.array(z.string().min(1).max(40)).max(10, 'at most 10 niches').nullable(),
});
export type SetCreatorNichesInput = z.input<typeof SetCreatorNichesInput>;

/**
 * Sets a creator's niches by hand (they replace the ones assigned from bio, captions and hashtags
 * until cleared) and recomputes the creator's search row.
 * @example await setCreatorNiches({ ctx, input: { id: 'inf_...', niches: ['fitness', 'wellness'] } })
 */
export async function setCreatorNiches({ ctx, input }: { ctx: Context; input: { id: string } & SetCreatorNichesInput }): Promise<{ niches: string[] | null }> {
  const { niches } = SetCreatorNichesInput.parse({ niches: input.niches });
  if (!hasPrefix(input.id, 'influencer')) throw notFound('Influencer', input.id);
  return inTransaction(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('influencers as i')
      .leftJoin('creator_metrics as m', (j) => j.onRef('m.influencer_id', '=', 'i.id').on('m.workspace_id', '=', ctx.workspaceId))
      .select(['i.id', 'm.influencer_id as metrics'])
      .where('i.workspace_id', '=', ctx.workspaceId)
      .where('i.id', '=', input.id)
      .executeTakeFirst();
    if (!row) throw notFound('Influencer', input.id);
    if (!row.metrics) throw new AppError('PRECONDITION_FAILED', `Influencer ${input.id} has no social account yet; import one first`);
    const known = new Set((await readDiscoverySettings(trx, ctx.workspaceId)).taxonomy.map((n) => n.id));
    const unknown = (niches ?? []).filter((n) => !known.has(n));
    if (unknown.length) throw new AppError('VALIDATION', `niches: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the workspace's niche taxonomy`);
    const manual = niches && niches.length ? [...new Set(niches)] : null;
    await trx.updateTable('creator_metrics').set({ manual_niches: manual }).where('workspace_id', '=', ctx.workspaceId).where('influencer_id', '=', input.id).execute();
    await refreshMetrics({ ctx: { ...ctx, db: trx }, input: { influencerIds: [input.id] } });
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'influencer.niches_set', subjectId: input.id, data: { niches: manual } });
    return { niches: manual };
  });
}

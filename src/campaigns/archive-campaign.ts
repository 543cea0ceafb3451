import { notifyCache } from '../db/cache-notify.ts';
import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { hasPrefix } from '../shared/ids.ts';
import type { CampaignDto } from './schemas.ts';
import { toCampaignDto } from './to-campaign-dto.ts';

/**
 * Sets the campaign's status to archived (PATCH `status` brings it back). Archiving an archived
 * campaign changes nothing and writes no audit row.
 * @example await archiveCampaign({ ctx, input: { id: 'cmp_...' } })
 */
export async function archiveCampaign({ ctx, input }: { ctx: Context; input: { id: string } }): Promise<CampaignDto> {
  if (!hasPrefix(input.id, 'campaign')) throw notFound('Campaign', input.id);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('campaigns')
      .selectAll()
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound('Campaign', input.id);
    if (current.status === 'archived') return toCampaignDto(current);
    const row = await trx
      .updateTable('campaigns')
      .set({ status: 'archived', updated_at: new Date() })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', input.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'campaign.archived', subjectId: row.id, data: { previousStatus: current.status } });
    await notifyCache(trx, { campaignId: row.id }); // the redirect ignores status today; it must not go stale if it stops
    return toCampaignDto(row);
  });
}

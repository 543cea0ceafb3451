import { getCampaignForLinks } from '../campaigns/index.ts';
import { notifyCache } from '../db/cache-notify.ts';
import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { checkLinkDestination } from './check-link-destination.ts';
import { getLink } from './get-link.ts';
import { linkRows, type LinkRow } from './link-query.ts';
import { UpdateLinkInput } from './schemas.ts';

/**
 * Changes a link: disable/re-enable, label, destination (re-checked against the campaign), UTM
 * overrides. Every process drops its cached redirect when the change commits.
 * @example await updateLink({ ctx, input: { id: 'lnk_…', patch: { disabled: true } } })
 */
export async function updateLink({ ctx, input }: { ctx: Context; input: { id: string; patch: UpdateLinkInput } }): Promise<LinkRow> {
  const patch = UpdateLinkInput.parse(input.patch);
  const link = await getLink({ ctx, input: { id: input.id } });
  let destination: string | undefined;
  if (patch.destinationUrl !== undefined) {
    const campaign = await getCampaignForLinks({ ctx, id: link.campaign_id });
    destination = checkLinkDestination(patch.destinationUrl, campaign.allowed_domains);
  }
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('links')
      .set({
        updated_at: new Date(),
        ...(patch.disabled !== undefined ? { disabled_at: patch.disabled ? (link.disabled_at ?? new Date()) : null } : {}),
        ...(patch.label !== undefined ? { label: patch.label } : {}),
        ...(destination !== undefined ? { destination_url: destination } : {}),
        ...(patch.utm !== undefined ? { utm: JSON.stringify(patch.utm) } : {}),
      })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', link.id)
      .execute();
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'link.updated', subjectId: link.id, data: patch });
    await notifyCache(trx, { code: link.code });
    return linkRows(trx).where('l.id', '=', link.id).executeTakeFirstOrThrow();
  });
}

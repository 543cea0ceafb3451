import { getInfluencer } from '../influencers/index.ts';
import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';

/**
 * Ends a creator's portal access: their account, its sessions (logged out at once) and any
 * pending invitation. Inviting them again gives a new account.
 */
export async function revokePortalAccess({ ctx, input }: { ctx: Context; input: { influencerId: string } }): Promise<{ revoked: boolean }> {
  const influencer = await getInfluencer({ ctx, input: { id: input.influencerId } });
  return ctx.db.transaction().execute(async (trx) => {
    const sessions = await trx.deleteFrom('creator_sessions').where('workspace_id', '=', ctx.workspaceId).where('influencer_id', '=', influencer.id).executeTakeFirst();
    const accounts = await trx.deleteFrom('creator_accounts').where('workspace_id', '=', ctx.workspaceId).where('influencer_id', '=', influencer.id).executeTakeFirst();
    const invitations = await trx
      .deleteFrom('creator_invitations')
      .where('workspace_id', '=', ctx.workspaceId)
      .where('influencer_id', '=', influencer.id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst();
    const revoked = Number(accounts.numDeletedRows) + Number(invitations.numDeletedRows) > 0;
    if (revoked) await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'creator.portal_revoked', subjectId: influencer.id, data: { sessions: Number(sessions.numDeletedRows) } });
    return { revoked };
  });
}

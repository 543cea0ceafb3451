import { getInfluencer } from '../influencers/index.ts';
import type { Context } from '../shared/context.ts';

export type PortalAccessDto = {
  /** An invitation was sent (pending or accepted) or the creator has an account. */
  invited: boolean;
  hasAccount: boolean;
  /** When the creator first set a password, or null. */
  acceptedAt: string | null;
  /** The account's login email, else the latest invitation's address. */
  email: string | null;
  lastLoginAt: string | null;
  /** Expiry of the latest unaccepted invitation (in the past: expired), or null. */
  invitationExpiresAt: string | null;
};

/** Whether a creator was invited to the portal, has logged in, and when. */
export async function getPortalAccess({ ctx, input }: { ctx: Context; input: { influencerId: string } }): Promise<PortalAccessDto> {
  const influencer = await getInfluencer({ ctx, input: { id: input.influencerId } });
  const [account, invitation] = await Promise.all([
    ctx.db.selectFrom('creator_accounts').selectAll().where('workspace_id', '=', ctx.workspaceId).where('influencer_id', '=', influencer.id).executeTakeFirst(),
    ctx.db
      .selectFrom('creator_invitations')
      .selectAll()
      .where('workspace_id', '=', ctx.workspaceId)
      .where('influencer_id', '=', influencer.id)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst(),
  ]);
  return {
    invited: Boolean(account || invitation),
    hasAccount: Boolean(account),
    acceptedAt: account?.created_at.toISOString() ?? null,
    email: account?.email ?? invitation?.email ?? null,
    lastLoginAt: account?.last_login_at?.toISOString() ?? null,
    invitationExpiresAt: invitation && !invitation.accepted_at ? invitation.expires_at.toISOString() : null,
  };
}

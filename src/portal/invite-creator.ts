import { sql } from 'kysely';
import { getInfluencer } from '../influencers/index.ts';
import { notify } from '../notifications/index.ts';
import { audit } from '../shared/audit.ts';
import { actorLabel, type Context } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { randomBase62, sha256Hex } from '../shared/secrets.ts';
import { getWorkspace } from '../workspaces/index.ts';
import { InviteCreatorInput } from './schemas.ts';

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export type InvitationDto = { id: string; influencerId: string; email: string; expiresAt: string; acceptUrl: string };

/**
 * Invites a creator to the portal: a one-time link valid for 7 days, emailed to them (the token
 * travels encrypted in the email job and is stored only as a SHA-256). A new invitation replaces
 * the creator's earlier unaccepted ones; accepting it when an account exists resets its password.
 * @example await inviteCreator({ ctx, input: { influencerId: 'inf_…', baseUrl: 'https://brand.example' } })
 */
export async function inviteCreator({ ctx, input }: { ctx: Context; input: { influencerId: string; baseUrl: string; body: unknown } }): Promise<InvitationDto> {
  const body = InviteCreatorInput.parse(input.body ?? {});
  const influencer = await getInfluencer({ ctx, input: { id: input.influencerId } });
  if (influencer.status === 'archived') throw new AppError('PRECONDITION_FAILED', `Influencer ${influencer.id} is archived; unarchive them to invite them to the portal`);
  const email = body.email ?? influencer.email?.trim().toLowerCase();
  if (!email) {
    throw new AppError('VALIDATION', `email: influencer ${influencer.id} has no email on their profile; send { "email": "…" } or add one to the influencer`);
  }
  const taken = await ctx.db
    .selectFrom('creator_accounts')
    .select('influencer_id')
    .where('workspace_id', '=', ctx.workspaceId)
    .where(sql<boolean>`lower(email) = ${email}`)
    .where('influencer_id', '<>', influencer.id)
    .executeTakeFirst();
  if (taken) throw new AppError('CONFLICT', `${email} already logs in to the portal as influencer ${taken.influencer_id}; use another address`);
  const workspace = await getWorkspace({ ctx });
  const token = randomBase62(43);
  const acceptUrl = `${input.baseUrl}/portal/accept?token=${token}`;
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  const id = newId('creatorInvitation');
  await ctx.db.transaction().execute(async (trx) => {
    const tctx = { ...ctx, db: trx };
    await trx.deleteFrom('creator_invitations').where('workspace_id', '=', ctx.workspaceId).where('influencer_id', '=', influencer.id).where('accepted_at', 'is', null).execute();
    await trx
      .insertInto('creator_invitations')
      .values({ id, workspace_id: ctx.workspaceId, influencer_id: influencer.id, email, token_hash: sha256Hex(token), expires_at: expiresAt, created_by: actorLabel(ctx.actor) })
      .execute();
    await notify(tctx, {
      to: { email },
      subject: `${workspace.name} invites you to their creator portal`,
      text:
        `Hi ${influencer.name},\n\n${workspace.name} invited you to their creator portal, where you see your links, clicks, sales and ` +
        `earnings and choose how you are paid.\n\nChoose your password here (the link works once, until ${expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC):\n` +
        `{{acceptUrl}}\n\nIf you did not expect this email, you can ignore it.`,
      secrets: { acceptUrl },
    });
    await audit(tctx, { workspaceId: ctx.workspaceId, action: 'creator.invited', subjectId: influencer.id, data: { invitationId: id, email } });
  });
  return { id, influencerId: influencer.id, email, expiresAt: expiresAt.toISOString(), acceptUrl };
}

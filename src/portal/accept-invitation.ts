import { audit } from '../shared/audit.ts';
import type { SystemContext } from '../shared/context.ts';
import { isUniqueViolation } from '../shared/db-errors.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { sha256Hex } from '../shared/secrets.ts';
import { hashPassword } from '../users/index.ts';
import { findCreatorSession, openCreatorSession, type CreatorSession } from './creator-sessions.ts';
import { AcceptInvitationInput } from './schemas.ts';

/**
 * Turns an invitation into a creator account with the chosen password (or resets the password of
 * the creator's existing account, ending its sessions) and logs the creator in. Each invitation
 * works once, before it expires.
 * @returns the new session and its cookie token
 */
export async function acceptInvitation({ ctx, input }: { ctx: SystemContext; input: AcceptInvitationInput }): Promise<{ session: CreatorSession; token: string }> {
  const { token, password } = AcceptInvitationInput.parse(input);
  const tokenHash = sha256Hex(token);
  const check = (inv: { accepted_at: Date | null; expires_at: Date } | undefined) => {
    if (!inv) throw new AppError('NOT_FOUND', 'This invitation link is not valid (a newer invitation may have replaced it); ask the brand to invite you again');
    if (inv.accepted_at) throw new AppError('CONFLICT', 'This invitation was already used; log in with your email and password instead');
    if (inv.expires_at <= new Date()) {
      throw new AppError('PRECONDITION_FAILED', `This invitation expired on ${inv.expires_at.toISOString().slice(0, 10)}; ask the brand to invite you again`);
    }
  };
  check(await ctx.db.selectFrom('creator_invitations').select(['accepted_at', 'expires_at']).where('token_hash', '=', tokenHash).executeTakeFirst());
  const passwordHash = await hashPassword(password); // slow: outside the transaction
  let opened: { token: string };
  try {
    opened = await ctx.db.transaction().execute(async (trx) => {
      const inv = await trx.selectFrom('creator_invitations').selectAll().where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
      check(inv);
      const invitation = inv!;
      const scope = { workspace_id: invitation.workspace_id, influencer_id: invitation.influencer_id };
      const now = new Date();
      const existing = await trx.selectFrom('creator_accounts').select('id').where('workspace_id', '=', scope.workspace_id).where('influencer_id', '=', scope.influencer_id).executeTakeFirst();
      const accountId = existing?.id ?? newId('creatorAccount');
      if (existing) {
        await trx.updateTable('creator_accounts').set({ email: invitation.email, password_hash: passwordHash, last_login_at: now }).where('id', '=', existing.id).execute();
        await trx.deleteFrom('creator_sessions').where('account_id', '=', existing.id).execute();
      } else {
        await trx.insertInto('creator_accounts').values({ id: accountId, ...scope, email: invitation.email, password_hash: passwordHash, last_login_at: now }).execute();
      }
      await trx.updateTable('creator_invitations').set({ accepted_at: now }).where('id', '=', invitation.id).execute();
      const session = await openCreatorSession(trx, { id: accountId, ...scope });
      const actor = { kind: 'creator' as const, id: accountId, influencerId: scope.influencer_id, sessionId: '' };
      await audit({ ...ctx, db: trx, actor }, { workspaceId: scope.workspace_id, action: existing ? 'creator.password_reset' : 'creator.joined', subjectId: scope.influencer_id, data: { invitationId: invitation.id } });
      return session;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', 'Another creator of this brand already uses this email for the portal; ask the brand to invite you with another address');
    throw err;
  }
  const session = await findCreatorSession(ctx.db, opened.token);
  if (!session) throw new AppError('INTERNAL', 'The new portal session could not be read back');
  return { session, token: opened.token };
}

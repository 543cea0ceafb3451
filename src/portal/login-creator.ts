import { sql } from 'kysely';
import { audit } from '../shared/audit.ts';
import type { SystemContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { dummyPasswordHash, verifyPassword } from '../users/index.ts';
import { findCreatorSession, openCreatorSession, type CreatorSession } from './creator-sessions.ts';
import { CreatorLoginInput } from './schemas.ts';

// A creator may work with several brands on one instance, each with its own account and password.
const MAX_CANDIDATES = 5;

/**
 * Checks a creator's email and password and opens a portal session: in the workspace named (slug
 * or id), or in the first of their accounts whose password matches (most recently used first).
 * Wrong email, wrong password and wrong workspace give the same answer.
 */
export async function loginCreator({ ctx, input }: { ctx: SystemContext; input: CreatorLoginInput }): Promise<{ session: CreatorSession; token: string }> {
  const { email, password, workspace } = CreatorLoginInput.parse(input);
  let q = ctx.db
    .selectFrom('creator_accounts as a')
    .innerJoin('workspaces as w', 'w.id', 'a.workspace_id')
    .select(['a.id', 'a.workspace_id', 'a.influencer_id', 'a.password_hash'])
    .where(sql<boolean>`lower(a.email) = ${email}`)
    .where('w.archived_at', 'is', null);
  if (workspace) q = q.where((eb) => eb.or([eb('w.slug', '=', workspace), eb('w.id', '=', workspace)]));
  const candidates = await q.orderBy(sql`a.last_login_at desc nulls last`).orderBy('a.created_at').limit(MAX_CANDIDATES).execute();
  let account: (typeof candidates)[number] | undefined;
  for (const c of candidates) {
    if (await verifyPassword(c.password_hash, password)) {
      account = c;
      break;
    }
  }
  if (candidates.length === 0) await verifyPassword(await dummyPasswordHash(), password); // same timing as a wrong password
  if (!account) throw new AppError('UNAUTHORIZED', 'Email or password is wrong');
  const { token } = await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('creator_accounts').set({ last_login_at: new Date() }).where('id', '=', account.id).execute();
    const opened = await openCreatorSession(trx, account);
    const actor = { kind: 'creator' as const, id: account.id, influencerId: account.influencer_id, sessionId: '' };
    await audit({ ...ctx, db: trx, actor }, { workspaceId: account.workspace_id, action: 'creator.logged_in', subjectId: account.influencer_id });
    return opened;
  });
  const session = await findCreatorSession(ctx.db, token);
  if (!session) throw new AppError('INTERNAL', 'The new portal session could not be read back');
  return { session, token };
}

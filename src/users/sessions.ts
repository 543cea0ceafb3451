import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { audit } from '../shared/audit.ts';
import type { Role, SystemContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { randomBase62, sha256Hex } from '../shared/secrets.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { LoginInput } from './schemas.ts';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

export type Session = {
  id: string;
  userId: string;
  email: string;
  workspaceId: string;
  role: Role;
  csrfToken: string;
  expiresAt: Date;
};

/**
 * Checks email and password and opens a session in one of the user's workspaces (the one named,
 * or the first). Wrong email and wrong password give the same answer.
 * @returns the session and the cookie token (shown once, stored hashed)
 */
export async function login({ ctx, input }: { ctx: SystemContext; input: LoginInput }): Promise<{ session: Session; token: string }> {
  const { email, password, workspace } = LoginInput.parse(input);
  const user = await ctx.db.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', email)).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
  if (!user || !ok || user.disabled_at) throw new AppError('UNAUTHORIZED', 'Email or password is wrong');
  let q = ctx.db
    .selectFrom('memberships as m')
    .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
    .select(['m.workspace_id', 'm.role', 'w.slug'])
    .where('m.user_id', '=', user.id)
    .orderBy('m.created_at');
  if (workspace) q = q.where((eb) => eb.or([eb('w.slug', '=', workspace), eb('w.id', '=', workspace)]));
  const membership = await q.executeTakeFirst();
  if (!membership) throw new AppError('FORBIDDEN', workspace ? `You are not a member of workspace "${workspace}"` : 'You are not a member of any workspace');
  const token = randomBase62(43);
  const session = {
    id: newId('session'),
    userId: user.id,
    email: user.email,
    workspaceId: membership.workspace_id,
    role: membership.role,
    csrfToken: randomBase62(32),
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  };
  await ctx.db
    .insertInto('sessions')
    .values({
      id: session.id,
      token_hash: sha256Hex(token),
      user_id: user.id,
      workspace_id: session.workspaceId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
    })
    .execute();
  await audit({ ...ctx, actor: { kind: 'user', id: user.id, role: session.role, sessionId: session.id } }, {
    workspaceId: session.workspaceId,
    action: 'user.logged_in',
    subjectId: user.id,
  });
  return { session, token };
}

/** The live session for a cookie token, or null (unknown, expired, user disabled). */
export async function findSession(db: Kysely<DB>, token: string, now = new Date()): Promise<Session | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('memberships as m', (j) => j.onRef('m.user_id', '=', 's.user_id').onRef('m.workspace_id', '=', 's.workspace_id'))
    .select(['s.id', 's.user_id', 's.workspace_id', 's.csrf_token', 's.expires_at', 'u.email', 'u.disabled_at', 'm.role'])
    .where('s.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now || row.disabled_at) return null;
  return {
    id: row.id,
    userId: row.user_id,
    email: row.email,
    workspaceId: row.workspace_id,
    role: row.role,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
  };
}

/** Ends a session; later requests with its cookie are anonymous. */
export async function logout(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Deletes sessions past their expiry (run by the minute scheduler; findSession already ignores them). */
export async function pruneExpiredSessions(db: Kysely<DB>, now = new Date()): Promise<number> {
  const res = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(res.numDeletedRows);
}

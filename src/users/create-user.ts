import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { hashPassword } from './passwords.ts';
import { CreateUserInput, type MemberDto } from './schemas.ts';

/**
 * Adds a dashboard user to the workspace: creates the user if the email is new, otherwise adds a
 * membership (the existing password stays). Answers CONFLICT if already a member.
 * @example await createUser({ ctx, input: { email: 'ana@acme.test', password: '…', role: 'admin' } })
 */
export async function createUser({ ctx, input }: { ctx: Context; input: CreateUserInput }): Promise<MemberDto> {
  const { email, password, name, role } = CreateUserInput.parse(input);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction().execute(async (trx) => {
    let user = await trx.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', email)).executeTakeFirst();
    if (!user) {
      user = await trx
        .insertInto('users')
        .values({ id: newId('user'), email, name: name ?? null, password_hash: passwordHash })
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    const existing = await trx
      .selectFrom('memberships')
      .select('role')
      .where('workspace_id', '=', ctx.workspaceId)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (existing) throw new AppError('CONFLICT', `${email} is already a member of this workspace (role ${existing.role})`);
    const membership = await trx
      .insertInto('memberships')
      .values({ workspace_id: ctx.workspaceId, user_id: user.id, role })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'user.added', subjectId: user.id, data: { role } });
    return { id: user.id, email: user.email, name: user.name, role, createdAt: membership.created_at.toISOString() };
  });
}

import type { Context } from '../shared/context.ts';
import type { MemberDto } from './schemas.ts';

/** The workspace's dashboard users with their roles. */
export async function listMembers({ ctx }: { ctx: Context }): Promise<MemberDto[]> {
  const rows = await ctx.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.name', 'm.role', 'm.created_at'])
    .where('m.workspace_id', '=', ctx.workspaceId)
    .orderBy('m.created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, createdAt: r.created_at.toISOString() }));
}

import type { SystemContext } from './context.ts';
import { actorLabel } from './context.ts';

/** Writes one audit row with the caller's db, so it commits or rolls back with the change. */
export async function audit(
  ctx: SystemContext,
  entry: { workspaceId: string | null; action: string; subjectId?: string; data?: Record<string, unknown> },
): Promise<void> {
  await ctx.db
    .insertInto('audit_log')
    .values({
      workspace_id: entry.workspaceId,
      actor: actorLabel(ctx.actor),
      action: entry.action,
      subject_id: entry.subjectId ?? null,
      data: JSON.stringify(entry.data ?? {}),
    })
    .execute();
}

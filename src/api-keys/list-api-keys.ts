import type { Context } from '../shared/context.ts';
import type { ApiKeyDto } from './schemas.ts';
import { toApiKeyDto } from './to-api-key-dto.ts';

/** The workspace's keys, newest first, revoked ones included (marked). */
export async function listApiKeys({ ctx }: { ctx: Context }): Promise<ApiKeyDto[]> {
  const rows = await ctx.db
    .selectFrom('api_keys')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toApiKeyDto);
}

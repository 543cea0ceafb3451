import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { ApiKeyDto } from './schemas.ts';
import { toApiKeyDto } from './to-api-key-dto.ts';
import { forgetVerifiedKeys } from './verify-api-key.ts';

/**
 * Revokes a key by id or visible prefix; revoking twice is harmless and keeps the first time.
 * @example await revokeApiKey({ ctx, input: { id: 'key_...' } })
 */
export async function revokeApiKey({ ctx, input }: { ctx: Context; input: { id: string } }): Promise<ApiKeyDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('api_keys')
      .selectAll()
      .where('workspace_id', '=', ctx.workspaceId)
      .where((eb) => eb.or([eb('id', '=', input.id), eb('prefix', '=', input.id)]))
      .executeTakeFirst();
    if (!row) throw notFound('API key', input.id);
    if (row.revoked_at) return toApiKeyDto(row);
    const updated = await trx
      .updateTable('api_keys')
      .set({ revoked_at: new Date() })
      .where('id', '=', row.id)
      .where('workspace_id', '=', ctx.workspaceId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'api_key.revoked', subjectId: row.id });
    forgetVerifiedKeys();
    return toApiKeyDto(updated);
  });
}

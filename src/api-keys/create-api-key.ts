import { audit } from '../shared/audit.ts';
import { actorLabel, type Context } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import { randomBase62, sha256Hex } from '../shared/secrets.ts';
import { CreateApiKeyInput, type ApiKeyDto } from './schemas.ts';
import { toApiKeyDto } from './to-api-key-dto.ts';

/** Keys look like `adv_` + 40 base62 chars (≈ 238 bits); the first 12 chars are the visible prefix. */
export const KEY_PREFIX_LENGTH = 12;

/**
 * Creates an API key. The secret is returned once and stored only as a SHA-256 hash.
 * @example const { secret } = await createApiKey({ ctx, input: { scopes: ['read'] } })
 */
export async function createApiKey({ ctx, input }: { ctx: Context; input: CreateApiKeyInput }): Promise<{ apiKey: ApiKeyDto; secret: string }> {
  const { name, scopes } = CreateApiKeyInput.parse(input);
  const secret = `adv_${randomBase62(40)}`;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_keys')
      .values({
        id: newId('apiKey'),
        workspace_id: ctx.workspaceId,
        name,
        prefix: secret.slice(0, KEY_PREFIX_LENGTH),
        key_hash: sha256Hex(secret),
        scopes,
        created_by: actorLabel(ctx.actor),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'api_key.created', subjectId: row.id, data: { scopes } });
    return { apiKey: toApiKeyDto(row), secret };
  });
}

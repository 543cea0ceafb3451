import type { Selectable } from 'kysely';
import type { ApiKeysTable } from '../db/schema.ts';
import type { ApiKeyDto } from './schemas.ts';

/** Never includes the hash: only the visible prefix identifies a key. */
export function toApiKeyDto(row: Selectable<ApiKeysTable>): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

import type { Kysely, Selectable } from 'kysely';
import { getInstanceSecret } from '../db/instance-secret.ts';
import type { IntegrationsTable } from '../db/schema-conversions.ts';
import type { DB } from '../db/schema.ts';
import { decryptSecret } from '../shared/encryption.ts';
import { sha256Hex } from '../shared/secrets.ts';
import type { Provider } from './schemas.ts';

export type ActiveIntegration = { row: Selectable<IntegrationsTable>; secret: string };

async function withSecret(db: Kysely<DB>, row: Selectable<IntegrationsTable> | undefined): Promise<ActiveIntegration | null> {
  if (!row || !row.enabled) return null;
  return { row, secret: decryptSecret(row.secret_encrypted, await getInstanceSecret(db)) };
}

/** The enabled integration of a workspace (webhooks name the workspace in their URL). */
export async function findIntegration(db: Kysely<DB>, workspaceId: string, provider: Provider): Promise<ActiveIntegration | null> {
  if (!/^ws_[0-9a-z]{16}$/.test(workspaceId)) return null;
  const row = await db.selectFrom('integrations').selectAll().where('workspace_id', '=', workspaceId).where('provider', '=', provider).executeTakeFirst();
  return withSecret(db, row);
}

/** The enabled integration a postback token or publishable key belongs to. */
export async function findIntegrationByToken(db: Kysely<DB>, provider: Provider, token: string): Promise<ActiveIntegration | null> {
  if (!/^[a-z]{2}_[0-9A-Za-z]{32}$/.test(token)) return null;
  const row = await db.selectFrom('integrations').selectAll().where('provider', '=', provider).where('token_hash', '=', sha256Hex(token)).executeTakeFirst();
  return withSecret(db, row);
}

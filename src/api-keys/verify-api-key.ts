import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { sha256Hex } from '../shared/secrets.ts';

export type VerifyResult =
  | { valid: true; keyId: string; workspaceId: string; scopes: string[] }
  | { valid: false; code: 'MALFORMED' | 'NOT_FOUND' | 'REVOKED' };

// last_used_at is informative; writing it on every request would put a write on every read.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Checks a bearer token. Expected outcomes are data, not exceptions (they are normal on this path).
 * @example const r = await verifyApiKey(db, 'adv_...'); if (!r.valid) reply 401
 */
export async function verifyApiKey(db: Kysely<DB>, token: string, now = new Date()): Promise<VerifyResult> {
  if (!/^adv_[0-9A-Za-z]{40}$/.test(token)) return { valid: false, code: 'MALFORMED' };
  const hash = sha256Hex(token);
  const cached = recent.get(hash);
  if (cached && cached.until > now.getTime()) return cached.result;
  const result = await lookup(db, hash, now);
  if (recent.size >= MAX_CACHED) recent.clear();
  recent.set(hash, { result, until: now.getTime() + CACHE_MS });
  return result;
}

/** Forgets cached verdicts (this process) so a revocation applies at once here; others within CACHE_MS. */
export function forgetVerifiedKeys(): void {
  recent.clear();
}

// Every API request verifies its key; a short cache saves that query on busy integrations.
const CACHE_MS = 5_000;
const MAX_CACHED = 10_000;
const recent = new Map<string, { result: VerifyResult; until: number }>();

async function lookup(db: Kysely<DB>, hash: string, now: Date): Promise<VerifyResult> {
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'workspace_id', 'scopes', 'revoked_at', 'last_used_at'])
    .where('key_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return { valid: false, code: 'NOT_FOUND' };
  if (row.revoked_at) return { valid: false, code: 'REVOKED' };
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { valid: true, keyId: row.id, workspaceId: row.workspace_id, scopes: row.scopes };
}

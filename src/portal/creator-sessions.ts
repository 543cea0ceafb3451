import type { Db } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import { randomBase62, sha256Hex } from '../shared/secrets.ts';
import type { CreatorDto } from './schemas.ts';

export const CREATOR_SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

export type CreatorSession = {
  id: string;
  accountId: string;
  workspaceId: string;
  influencerId: string;
  csrfToken: string;
  expiresAt: Date;
  creator: CreatorDto;
};

/**
 * Opens a portal session for a creator account (and drops its expired ones).
 * @returns the session and the cookie token (given once, stored hashed)
 */
export async function openCreatorSession(db: Db, account: { id: string; workspace_id: string; influencer_id: string }): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBase62(43);
  const csrfToken = randomBase62(32);
  const expiresAt = new Date(Date.now() + CREATOR_SESSION_TTL_MS);
  await db.deleteFrom('creator_sessions').where('account_id', '=', account.id).where('expires_at', '<=', new Date()).execute();
  await db
    .insertInto('creator_sessions')
    .values({
      id: newId('creatorSession'),
      token_hash: sha256Hex(token),
      account_id: account.id,
      workspace_id: account.workspace_id,
      influencer_id: account.influencer_id,
      csrf_token: csrfToken,
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The live portal session for a cookie token, or null (unknown, expired, account removed, workspace archived). */
export async function findCreatorSession(db: Db, token: string, now = new Date()): Promise<CreatorSession | null> {
  const row = await db
    .selectFrom('creator_sessions as s')
    .innerJoin('creator_accounts as a', (j) => j.onRef('a.id', '=', 's.account_id').onRef('a.influencer_id', '=', 's.influencer_id').onRef('a.workspace_id', '=', 's.workspace_id'))
    .innerJoin('influencers as i', (j) => j.onRef('i.id', '=', 'a.influencer_id').onRef('i.workspace_id', '=', 'a.workspace_id'))
    .innerJoin('workspaces as w', 'w.id', 'a.workspace_id')
    .select(['s.id', 's.account_id', 's.workspace_id', 's.influencer_id', 's.csrf_token', 's.expires_at', 'a.email', 'i.name', 'w.name as workspace_name', 'w.slug as workspace_slug', 'w.archived_at'])
    .where('s.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now || row.archived_at) return null;
  return {
    id: row.id,
    accountId: row.account_id,
    workspaceId: row.workspace_id,
    influencerId: row.influencer_id,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
    creator: { influencerId: row.influencer_id, name: row.name, email: row.email, workspaceName: row.workspace_name, workspaceSlug: row.workspace_slug },
  };
}

/** Ends one portal session; later requests with its cookie are anonymous. */
export async function endCreatorSession(db: Db, sessionId: string): Promise<void> {
  await db.deleteFrom('creator_sessions').where('id', '=', sessionId).execute();
}

/** Deletes creator sessions past their expiry (run by the minute scheduler). */
export async function pruneExpiredCreatorSessions(db: Db, now = new Date()): Promise<number> {
  const res = await db.deleteFrom('creator_sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(res.numDeletedRows);
}

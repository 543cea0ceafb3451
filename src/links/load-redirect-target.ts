import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { linkRows, redirectTemplate } from './link-query.ts';

/** Everything the redirect needs about a link, precomputed so a hit only concatenates strings. */
export type RedirectTarget = {
  linkId: string;
  workspaceId: string;
  influencerId: string;
  campaignId: string;
  /** Destination with UTM parameters and `<clickIdParam>=` up to where the click id goes. */
  before: string;
  /** The rest of the URL after the click id (the fragment, if any). */
  after: string;
  uniqueWindowMs: number;
};

export type RedirectLookup = { kind: 'found'; target: RedirectTarget } | { kind: 'missing' } | { kind: 'disabled' } | { kind: 'invalid'; reason: string };

/** Loads a link by code for the redirect (any workspace: the code is the whole address). */
export async function loadRedirectTarget(db: Kysely<DB>, code: string): Promise<RedirectLookup> {
  const row = await linkRows(db).where('l.code', '=', code).executeTakeFirst();
  if (!row) return { kind: 'missing' };
  if (row.disabled_at) return { kind: 'disabled' };
  const t = redirectTemplate(row);
  if (!t.ok) return { kind: 'invalid', reason: t.reason };
  return {
    kind: 'found',
    target: {
      linkId: row.id,
      workspaceId: row.workspace_id,
      influencerId: row.influencer_id,
      campaignId: row.campaign_id,
      before: t.before,
      after: t.after,
      uniqueWindowMs: t.uniqueWindowMs,
    },
  };
}

import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

export type Role = 'owner' | 'admin' | 'member';

/** Who is acting: written into the audit log as `actor`. */
export type Actor =
  | { kind: 'api_key'; id: string; scopes: string[] }
  | { kind: 'user'; id: string; role: Role; sessionId: string }
  /** A creator logged in to the portal: `id` is their creator account. */
  | { kind: 'creator'; id: string; influencerId: string; sessionId: string }
  | { kind: 'system'; name: string };

export type Db = Kysely<DB> | Transaction<DB>;

/** What every verb that is not tied to one workspace receives. */
export type SystemContext = { db: Db; actor: Actor; log: FastifyBaseLogger };

/** What every workspace-scoped verb receives: every query it makes filters by workspaceId. */
export type Context = SystemContext & { workspaceId: string };

/** Stable text for the audit log's actor column. */
export function actorLabel(actor: Actor): string {
  return actor.kind === 'system' ? `system:${actor.name}` : actor.id;
}

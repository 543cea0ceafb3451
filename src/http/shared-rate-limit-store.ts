import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;

/**
 * A @fastify/rate-limit store on the database: fixed windows counted in `rate_limits`, so every
 * process and host on one database shares one count per caller. One upsert per limited request
 * (logins, invitation accepts — never the redirect).
 * @example await app.register(fastifyRateLimit, { store: sharedRateLimitStore(db), skipOnError: true })
 */
export function sharedRateLimitStore(db: Kysely<DB>): FastifyRateLimitStoreCtor {
  class SharedRateLimitStore implements FastifyRateLimitStore {
    constructor(private readonly scope = '') {}

    incr(key: string, callback: Callback, timeWindow: number): void {
      hit(db, this.scope + key, timeWindow).then((r) => callback(null, r), (err: Error) => callback(err));
    }

    read(key: string, callback: Callback): void {
      peek(db, this.scope + key).then((r) => callback(null, r), (err: Error) => callback(err));
    }

    child(routeOptions: { routeInfo?: { method?: string; url?: string }; path?: string }): FastifyRateLimitStore {
      const route = routeOptions.routeInfo ?? { method: '', url: routeOptions.path };
      return new SharedRateLimitStore(`${route.method ?? ''} ${route.url ?? ''}|`);
    }
  }
  return SharedRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}

/** Keys hold an ip and an email: only a digest is stored. */
const digest = (key: string) => createHash('sha256').update(key).digest('base64url');

async function hit(db: Kysely<DB>, key: string, windowMs: number): Promise<Result> {
  const now = Date.now();
  const nowAt = new Date(now).toISOString();
  const endsAt = new Date(now + windowMs).toISOString();
  const { rows } = await sql<{ hits: number; window_ends_at: Date }>`
    insert into rate_limits (key, hits, window_ends_at) values (${digest(key)}, 1, ${endsAt})
    on conflict (key) do update set
      hits = case when rate_limits.window_ends_at <= ${nowAt}::timestamptz then 1 else rate_limits.hits + 1 end,
      window_ends_at = case when rate_limits.window_ends_at <= ${nowAt}::timestamptz then excluded.window_ends_at else rate_limits.window_ends_at end
    returning hits, window_ends_at`.execute(db);
  const row = rows[0]!;
  return { current: row.hits, ttl: Math.max(0, new Date(row.window_ends_at).getTime() - now) };
}

async function peek(db: Kysely<DB>, key: string): Promise<Result> {
  const row = await db.selectFrom('rate_limits').select(['hits', 'window_ends_at']).where('key', '=', digest(key)).executeTakeFirst();
  const ttl = row ? new Date(row.window_ends_at).getTime() - Date.now() : 0;
  return ttl > 0 && row ? { current: row.hits, ttl } : { current: 0, ttl: 0 };
}

/** Drops windows that ended an hour ago or more (run by the minute scheduler). */
export async function pruneRateLimits(db: Kysely<DB>): Promise<number> {
  const res = await db.deleteFrom('rate_limits').where('window_ends_at', '<', new Date(Date.now() - 3600_000)).executeTakeFirst();
  return Number(res.numDeletedRows);
}

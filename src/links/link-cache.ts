import type { Kysely } from 'kysely';
import type { CacheInvalidation } from '../db/cache-notify.ts';
import type { DB } from '../db/schema.ts';
import { loadRedirectTarget, type RedirectLookup } from './load-redirect-target.ts';

type Entry = { lookup: RedirectLookup; expires: number };

// NOTIFY makes changes visible at once; the TTL only bounds staleness if a notification is lost.
const TTL_MS = 5 * 60_000;
const MISSING_TTL_MS = 10_000;
const MAX_ENTRIES = 100_000;

/**
 * In-process cache of redirect targets by code, invalidated through NOTIFY by every process that
 * changes a link, campaign or workspace setting. Concurrent misses for one code share one query.
 */
export class LinkCache {
  #entries = new Map<string, Entry>();
  #loading = new Map<string, Promise<RedirectLookup>>();

  constructor(private readonly db: Kysely<DB>) {}

  get(code: string, now = Date.now()): RedirectLookup | Promise<RedirectLookup> {
    const hit = this.#entries.get(code);
    if (hit && hit.expires > now) return hit.lookup;
    let loading = this.#loading.get(code);
    if (!loading) {
      loading = loadRedirectTarget(this.db, code)
        .then((lookup) => {
          if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
          this.#entries.set(code, { lookup, expires: Date.now() + (lookup.kind === 'found' ? TTL_MS : MISSING_TTL_MS) });
          return lookup;
        })
        .finally(() => this.#loading.delete(code));
      this.#loading.set(code, loading);
    }
    return loading;
  }

  /** Applies a NOTIFY payload (JSON CacheInvalidation, or '*' for everything). */
  invalidate(payload: string): void {
    if (payload === '*') return this.#entries.clear();
    let what: CacheInvalidation;
    try {
      what = JSON.parse(payload) as CacheInvalidation;
    } catch {
      return this.#entries.clear();
    }
    if (what.code) this.#entries.delete(what.code);
    if (what.campaignId || what.workspaceId) {
      for (const [code, entry] of this.#entries) {
        const t = entry.lookup.kind === 'found' ? entry.lookup.target : null;
        if (!t || t.campaignId === what.campaignId || t.workspaceId === what.workspaceId) this.#entries.delete(code);
      }
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}

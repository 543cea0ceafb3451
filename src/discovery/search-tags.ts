/**
 * Short tokens for the categorical search filters (tiers are follower ranges instead), stored in `creator_metrics.tags` and matched
 * with one GIN index. Refresh writes them and search queries them through these functions only,
 * so the spellings cannot drift apart.
 */
import type { AudienceDimension } from './types.ts';

export const tag = {
  platform: (p: string) => `p:${p}`,
  niche: (n: string) => `n:${n}`,
  country: (c: string) => `c:${c.toUpperCase()}`,
  language: (l: string) => `l:${l.toLowerCase()}`,
  email: 'e',
  audience: (dimension: AudienceDimension, key: string, decile: number) => `a${dimension[0]}:${key.toLowerCase()}:${decile}`,
} as const;

/** Tenths of a share, 0–10 (the epsilon keeps 0.3 in decile 3 despite binary floating point). */
export function shareDecile(share: number): number {
  return Math.max(0, Math.min(10, Math.floor(share * 10 + 1e-9)));
}

/**
 * Tags any creator whose audience share of `key` is at least `minShare` carries: one decile tag
 * per audience key is stored, so "at least 30%" is "decile 3 or above". The exact share is
 * re-checked in SQL; the tags only narrow the rows.
 * @example audienceTagsAtLeast('country', 'DE', 0.75) // ['ac:de:7', 'ac:de:8', 'ac:de:9', 'ac:de:10']
 */
export function audienceTagsAtLeast(dimension: AudienceDimension, key: string, minShare: number): string[] {
  const out: string[] = [];
  for (let d = shareDecile(minShare); d <= 10; d++) out.push(tag.audience(dimension, key, d));
  return out;
}

export type TaggedCreator = {
  platforms: readonly string[];
  nicheIds: readonly string[];
  country: string | null;
  language: string | null;
  hasEmail: boolean;
  audience: Record<string, Record<string, number>>;
};

/** The tags one creator is stored with. */
export function creatorTags(c: TaggedCreator): string[] {
  const out = new Set<string>();
  for (const p of c.platforms) out.add(tag.platform(p));
  for (const n of c.nicheIds) out.add(tag.niche(n));
  if (c.country) out.add(tag.country(c.country));
  if (c.language) out.add(tag.language(c.language));
  if (c.hasEmail) out.add(tag.email);
  for (const [dimension, shares] of Object.entries(c.audience)) {
    for (const [key, share] of Object.entries(shares)) {
      if (share > 0) out.add(tag.audience(dimension as AudienceDimension, key, shareDecile(share)));
    }
  }
  return [...out];
}

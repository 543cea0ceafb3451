import { SLUG_MAX } from './schemas.ts';

/**
 * A slug for a campaign name: accents dropped, other runs of non-alphanumerics become one hyphen.
 * Names with no Latin letters or digits at all get `campaign`.
 * @example slugFromName('Été 2025: Soldes!') // 'ete-2025-soldes'
 */
export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '');
  return slug || 'campaign';
}

/**
 * `base` when it is free, else `base-2`, `base-3`, … (the base shortened so the suffix fits).
 * @example firstFreeSlug('summer', new Set(['summer', 'summer-2'])) // 'summer-3'
 */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

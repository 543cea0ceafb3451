/**
 * Assigns niches from a creator's bio, captions and hashtags (issue section "Niche fit").
 * Scores are shares of the matched evidence, so they say how a creator's content splits between
 * niches, with the matched terms listed as the explanation.
 */
import { DEFAULT_NICHE_TAXONOMY, type NicheDefinition } from './niche-taxonomy.ts';
import { stem, tokenize } from './text.ts';
import type { NicheScore } from './types.ts';

export { DEFAULT_NICHE_TAXONOMY, type NicheDefinition } from './niche-taxonomy.ts';

export interface NicheInput {
  bio: string;
  captions: readonly string[];
  /** With or without '#'. */
  hashtags: readonly string[];
}

export interface NicheOptions {
  taxonomy?: readonly NicheDefinition[];
  /** Niches with a smaller share are left out as noise. */
  minScore?: number;
}

/**
 * Hashtags are chosen to be found, so they are the strongest evidence; the bio is the creator's
 * own summary; a single caption mention is the weakest.
 */
export const SOURCE_WEIGHTS = { hashtag: 2, bio: 1.5, caption: 1 } as const;
export const DEFAULT_MIN_NICHE_SCORE = 0.05;

const hashtagForm = (tag: string) => stem(tag.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));

interface Matcher {
  phrases: Map<string, { niche: string; term: string; tokens: string[] }[]>;
  hashtags: Map<string, { niche: string; term: string }[]>;
}

function buildMatcher(taxonomy: readonly NicheDefinition[]): Matcher {
  const phrases: Matcher['phrases'] = new Map();
  const hashtags: Matcher['hashtags'] = new Map();
  const addTag = (form: string, niche: string, term: string) => {
    const list = hashtags.get(form) ?? [];
    if (!list.some((e) => e.niche === niche)) list.push({ niche, term });
    hashtags.set(form, list);
  };
  for (const n of taxonomy) {
    for (const kw of n.keywords) {
      const tokens = tokenize(kw);
      if (tokens.length === 0) continue;
      const list = phrases.get(tokens[0] as string) ?? [];
      list.push({ niche: n.id, term: kw, tokens });
      phrases.set(tokens[0] as string, list);
      // "#mealprep" should match the keyword "meal prep".
      addTag(hashtagForm(tokens.join('')), n.id, kw);
    }
    for (const tag of n.hashtags) addTag(hashtagForm(tag), n.id, `#${tag}`);
  }
  return { phrases, hashtags };
}

/**
 * Ranks niches for a creator.
 *
 * @example
 * assignNiches({ bio: 'Vegan recipes & meal prep', captions: ['Tofu curry tonight'], hashtags: ['plantbased'] });
 * // [{ id: 'food-beverage', label: 'Food & beverage', score: 1, matchedTerms: ['#plantbased', 'meal prep', 'recipe', 'vegan'] }]
 */
export function assignNiches(input: NicheInput, options: NicheOptions = {}): NicheScore[] {
  const taxonomy = options.taxonomy ?? DEFAULT_NICHE_TAXONOMY;
  const matcher = buildMatcher(taxonomy);
  // Weighted count per niche and matched term.
  const evidence = new Map<string, Map<string, number>>();
  const credit = (niche: string, term: string, weight: number) => {
    const terms = evidence.get(niche) ?? new Map<string, number>();
    terms.set(term, (terms.get(term) ?? 0) + weight);
    evidence.set(niche, terms);
  };
  const scanText = (text: string, weight: number) => {
    const tokens = tokenize(text);
    tokens.forEach((tok, i) => {
      for (const p of matcher.phrases.get(tok) ?? []) {
        if (p.tokens.every((t, k) => tokens[i + k] === t)) credit(p.niche, p.term, weight);
      }
    });
  };
  scanText(input.bio, SOURCE_WEIGHTS.bio);
  for (const c of input.captions) scanText(c, SOURCE_WEIGHTS.caption);
  for (const tag of input.hashtags) {
    for (const m of matcher.hashtags.get(hashtagForm(tag)) ?? []) credit(m.niche, m.term, SOURCE_WEIGHTS.hashtag);
  }
  // Sub-linear per term: a hashtag used on every post should not drown out everything else.
  const raw = [...evidence.entries()].map(([id, terms]) => ({
    id,
    raw: [...terms.values()].reduce((s, w) => s + Math.log1p(w), 0),
    matchedTerms: [...terms.keys()].sort(),
  }));
  const total = raw.reduce((s, r) => s + r.raw, 0);
  if (total === 0) return [];
  const labels = new Map(taxonomy.map((n) => [n.id, n.label]));
  return raw
    .map((r) => ({ id: r.id, label: labels.get(r.id) ?? r.id, score: r.raw / total, matchedTerms: r.matchedTerms }))
    .filter((r) => r.score >= (options.minScore ?? DEFAULT_MIN_NICHE_SCORE))
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/**
 * Fit between a brand's brief and a creator, 0–100, explained term by term (issue section
 * "Niche fit"): content relevance (BM25), niche match, audience match, ER against the tier's
 * benchmark, and authenticity.
 *
 * Terms the brief does not ask about (no niches, no target audience) are dropped and the other
 * weights rescaled. Terms the creator has no data for score a neutral 0.5, so missing data
 * neither sinks nor lifts a creator, and the explanation says so.
 */
import { buildBm25Index, scoreBm25, type Bm25Index, type Bm25Result } from './bm25.ts';
import { computeEngagement } from './compute-engagement.ts';
import { assignNiches, type NicheDefinition } from './niche.ts';
import { tokenize } from './text.ts';
import { DEFAULT_TIER_BANDS, DEFAULT_TIER_BENCHMARKS, expectedEngagement, tierFor, type BenchmarkKey, type ErRange, type TierBands } from './tiers.ts';
import type { AudienceDimension, AudienceShare, Brief, NicheScore, Post } from './types.ts';

export type FitTermName = 'relevance' | 'niche' | 'audience' | 'engagement' | 'authenticity';

export interface FitCreator {
  id: string;
  bio: string;
  followers: number;
  posts: readonly Post[];
  /** Brand-edited or previously assigned niches; assigned from the content when absent. */
  niches?: readonly NicheScore[];
  audience?: readonly AudienceShare[];
  /** Median ER by followers; computed from `posts` when undefined. */
  medianEr?: number | null;
  /** 0–100 from scoreAuthenticity; neutral when absent. */
  authenticityScore?: number | null;
}

export interface FitTerm {
  name: FitTermName;
  /** 0–1, or null when the term was dropped because the brief does not ask about it. */
  value: number | null;
  /** Weight after rescaling over the active terms; they sum to 1. */
  weight: number;
  /** Points out of 100 this term adds: weight × value × 100. */
  contribution: number;
  explanation: string;
}

export interface FitResult {
  score: number;
  terms: FitTerm[];
}

export type FitWeights = Record<FitTermName, number>;

export const DEFAULT_FIT_WEIGHTS: FitWeights = { relevance: 0.3, niche: 0.25, audience: 0.2, engagement: 0.15, authenticity: 0.1 };
/** Value for terms the creator has no data for. */
export const NEUTRAL_VALUE = 0.5;
/**
 * ER this many times the tier benchmark earns full marks. Beyond it higher ER adds nothing:
 * very high ER is as likely to be pods (which authenticity catches) as reach.
 */
export const ER_RATIO_FOR_FULL_MARKS = 1.5;

export interface FitOptions {
  /** BM25 index over the candidate pool (see buildFitIndex); without it every brief word weighs the same. */
  index?: Bm25Index;
  weights?: Partial<FitWeights>;
  taxonomy?: readonly NicheDefinition[];
  bands?: TierBands;
  benchmarks?: Readonly<Record<BenchmarkKey, ErRange>>;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
/** Engagement rates are small; two decimals, as benchmarks are quoted (1.81%). */
const pctEr = (x: number) => `${(x * 100).toFixed(2)}%`;

/** The text BM25 sees for a creator. */
export function creatorDocument(creator: Pick<FitCreator, 'bio' | 'posts'>): string {
  return [creator.bio, ...creator.posts.map((p) => `${p.caption} ${p.hashtags.join(' ')}`)].join('\n');
}

/** BM25 index over a pool of creators, so rare brief words weigh more than common ones. */
export function buildFitIndex(creators: readonly FitCreator[]): Bm25Index {
  return buildBm25Index(creators.map((c) => ({ id: c.id, text: creatorDocument(c) })));
}

type Partial3 = { value: number | null; explanation: string };

/**
 * scoreBm25 scores every document of an index; scoring a pool creator by creator would redo that
 * for each (quadratic), so results are kept per index and query. Indexes are never changed after
 * buildBm25Index, so a kept result cannot go stale.
 */
const pooledScores = new WeakMap<Bm25Index, Map<string, Map<string, Bm25Result>>>();

function pooledScore(index: Bm25Index, query: string, id: string): Bm25Result | undefined {
  let byQuery = pooledScores.get(index);
  if (!byQuery) pooledScores.set(index, (byQuery = new Map()));
  let scores = byQuery.get(query);
  if (!scores) byQuery.set(query, (scores = new Map(scoreBm25(index, query).map((r) => [r.id, r]))));
  return scores.get(id);
}

function relevance(brief: Brief, creator: FitCreator, index: Bm25Index | undefined): Partial3 {
  const pooled = index?.docs.has(creator.id) === true;
  const result = pooled
    ? pooledScore(index!, brief.text, creator.id)
    : scoreBm25(buildBm25Index([{ id: creator.id, text: creatorDocument(creator) }]), brief.text, { uniformIdf: true }).find((r) => r.id === creator.id);
  if (!result || result.normalized === 0) return { value: 0, explanation: 'none of the brief\'s words appear in the bio, captions or hashtags' };
  const top = result.terms.slice(0, 5).map((t) => `"${t.term}" ×${t.tf}`).join(', ');
  return { value: result.normalized, explanation: `BM25 ${result.score.toFixed(2)} (${pct(result.normalized)} of the best possible); matched ${top}` };
}

function nicheMatch(brief: Brief, creator: FitCreator, taxonomy?: readonly NicheDefinition[]): Partial3 {
  if (brief.niches.length === 0) return { value: null, explanation: 'the brief names no niche' };
  const niches = creator.niches ?? assignNiches({ bio: creator.bio, captions: creator.posts.map((p) => p.caption), hashtags: creator.posts.flatMap((p) => p.hashtags) }, { taxonomy });
  const top = niches[0];
  if (!top) return { value: NEUTRAL_VALUE, explanation: 'no niche could be assigned to the creator; neutral' };
  const matched = niches.filter((n) => brief.niches.includes(n.id));
  if (matched.length === 0) return { value: 0, explanation: `creator is ${niches.slice(0, 3).map((n) => `${pct(n.score)} ${n.label}`).join(', ')}; none requested` };
  // Relative to the creator's main niche: a requested primary niche scores 1, a side niche less.
  const best = Math.max(...matched.map((n) => n.score));
  return { value: best / top.score, explanation: `requested ${matched.map((n) => `${n.label} (${pct(n.score)} of content)`).join(', ')}; creator's main niche is ${top.label} (${pct(top.score)})` };
}

function audienceMatch(brief: Brief, creator: FitCreator): Partial3 {
  const target = brief.targetAudience ?? {};
  const wanted: [AudienceDimension, readonly string[] | undefined][] = [['country', target.countries], ['age', target.ageBands], ['gender', target.genders]];
  const active = wanted.filter((w): w is [AudienceDimension, readonly string[]] => (w[1]?.length ?? 0) > 0);
  if (active.length === 0) return { value: null, explanation: 'the brief sets no target audience' };
  const parts: string[] = [];
  const shares: number[] = [];
  for (const [dimension, keys] of active) {
    const slices = (creator.audience ?? []).filter((a) => a.dimension === dimension);
    if (slices.length === 0) {
      parts.push(`${dimension}: no data`);
      continue;
    }
    const wantedKeys = new Set(keys.map((k) => k.toLowerCase()));
    const share = Math.min(1, slices.filter((s) => wantedKeys.has(s.key.toLowerCase())).reduce((s, a) => s + a.share, 0));
    shares.push(share);
    parts.push(`${pct(share)} in ${dimension} ${keys.join('/')}`);
  }
  if (shares.length === 0) return { value: NEUTRAL_VALUE, explanation: `no audience data for the targeted dimensions; neutral` };
  // Geometric mean: an audience with none of the targeted gender is no match, whatever the country split.
  const value = Math.pow(shares.reduce((p, s) => p * s, 1), 1 / shares.length);
  return { value, explanation: `${parts.join('; ')} (geometric mean)` };
}

function engagementTerm(creator: FitCreator, options: FitOptions): Partial3 {
  const er = creator.medianEr !== undefined ? creator.medianEr : computeEngagement({ followers: creator.followers, posts: creator.posts }).byFollowers.median;
  const bands = options.bands ?? DEFAULT_TIER_BANDS;
  const expected = expectedEngagement(creator.followers, bands, options.benchmarks ?? DEFAULT_TIER_BENCHMARKS);
  const tier = tierFor(creator.followers, bands);
  if (er === null) return { value: NEUTRAL_VALUE, explanation: 'no engagement rate (no posts or no followers); neutral' };
  if (!expected) return { value: NEUTRAL_VALUE, explanation: `median ER ${pctEr(er)}; no benchmark below the nano tier; neutral` };
  const benchmark = (expected.low + expected.high) / 2;
  const ratio = er / benchmark;
  return { value: Math.min(1, ratio / ER_RATIO_FOR_FULL_MARKS), explanation: `median ER ${pctEr(er)} is ${ratio.toFixed(2)}× the ${tier.label.toLowerCase()} benchmark ${pctEr(benchmark)} (full marks at ${ER_RATIO_FOR_FULL_MARKS}×)` };
}

function authenticityTerm(creator: FitCreator): Partial3 {
  const s = creator.authenticityScore;
  if (s === undefined || s === null) return { value: NEUTRAL_VALUE, explanation: 'authenticity not scored yet; neutral' };
  return { value: Math.min(1, Math.max(0, s / 100)), explanation: `authenticity score ${s}/100` };
}

/**
 * Scores how well a creator fits a brief.
 *
 * @example
 * fitScore({ text: 'vegan protein snacks', niches: ['food-beverage'] }, creator, { index });
 * // { score: 71.4, terms: [{ name: 'relevance', value: 0.62, weight: 0.3, contribution: 18.6, explanation: 'BM25 …' }, …] }
 */
export function fitScore(brief: Brief, creator: FitCreator, options: FitOptions = {}): FitResult {
  const weights = { ...DEFAULT_FIT_WEIGHTS, ...options.weights };
  const raw: [FitTermName, Partial3][] = [
    ['relevance', tokenize(brief.text).length > 0 ? relevance(brief, creator, options.index) : { value: null, explanation: 'the brief has no searchable words' }],
    ['niche', nicheMatch(brief, creator, options.taxonomy)],
    ['audience', audienceMatch(brief, creator)],
    ['engagement', engagementTerm(creator, options)],
    ['authenticity', authenticityTerm(creator)],
  ];
  const activeWeight = raw.reduce((s, [name, t]) => s + (t.value === null ? 0 : weights[name]), 0);
  const terms = raw.map(([name, t]): FitTerm => {
    const weight = t.value === null || activeWeight === 0 ? 0 : weights[name] / activeWeight;
    return {
      name,
      value: t.value === null ? null : Math.round(t.value * 1000) / 1000,
      weight: Math.round(weight * 1000) / 1000,
      contribution: Math.round(weight * (t.value ?? 0) * 1000) / 10,
      explanation: t.explanation,
    };
  });
  const score = raw.reduce((s, [name, t]) => s + (t.value === null || activeWeight === 0 ? 0 : (weights[name] / activeWeight) * t.value * 100), 0);
  return { score: Math.round(score * 10) / 10, terms };
}

import { describe, expect, it } from 'vitest';
import { buildFitIndex, fitScore, type FitCreator } from './fit-score.ts';
import { makePost } from './test-helpers.ts';
import type { Brief } from './types.ts';

const captions = (...texts: string[]) => texts.map((caption, i) => makePost(i * 7, { caption, likes: 380, comments: 10 }));

const veganRunner: FitCreator = {
  id: 'vegan-runner',
  bio: 'Vegan athlete. Plant-based recipes and marathon training.',
  followers: 20_000,
  posts: captions('High protein vegan bowl after my long run', 'Marathon training week 12', 'Vegan protein pancakes recipe'),
  audience: [
    { dimension: 'country', key: 'CH', share: 0.5 },
    { dimension: 'country', key: 'DE', share: 0.3 },
    { dimension: 'country', key: 'US', share: 0.2 },
    { dimension: 'gender', key: 'female', share: 0.64 },
    { dimension: 'gender', key: 'male', share: 0.36 },
  ],
  authenticityScore: 90,
};
const gamer: FitCreator = {
  id: 'gamer',
  bio: 'Speedruns and PC builds',
  followers: 20_000,
  posts: captions('New GPU in the rig', 'Speedrun world record attempt'),
  audience: [{ dimension: 'country', key: 'US', share: 0.7 }, { dimension: 'gender', key: 'male', share: 0.85 }, { dimension: 'gender', key: 'female', share: 0.15 }],
  authenticityScore: 95,
};

const brief: Brief = {
  text: 'Launch of a vegan protein powder for runners',
  niches: ['food-beverage', 'fitness'],
  targetAudience: { countries: ['CH', 'DE', 'AT'], genders: ['female'] },
};

describe('fitScore', () => {
  const index = buildFitIndex([veganRunner, gamer]);

  it('explains every term and adds contributions up to the score', () => {
    const result = fitScore(brief, veganRunner, { index });
    expect(result.terms.map((t) => t.name)).toEqual(['relevance', 'niche', 'audience', 'engagement', 'authenticity']);
    expect(result.terms.reduce((s, t) => s + t.weight, 0)).toBeCloseTo(1, 2);
    expect(result.terms.reduce((s, t) => s + t.contribution, 0)).toBeCloseTo(result.score, 0);
    const byName = Object.fromEntries(result.terms.map((t) => [t.name, t]));
    // Audience: sqrt(0.8 in CH/DE/AT × 0.64 female)
    expect(byName.audience!.value).toBeCloseTo(Math.sqrt(0.8 * 0.64), 3);
    expect(byName.audience!.explanation).toContain('80.0% in country CH/DE/AT');
    // Engagement: 390 / 20,000 = 1.95% vs micro 1.81% → 1.077× → /1.5
    expect(byName.engagement!.value).toBeCloseTo(0.0195 / 0.0181 / 1.5, 3);
    expect(byName.authenticity!.value).toBe(0.9);
    expect(byName.relevance!.explanation).toMatch(/"vegan" ×3, "protein" ×2/);
    expect(byName.niche!.value).toBe(1);
  });

  it('ranks the relevant creator above the irrelevant one', () => {
    const a = fitScore(brief, veganRunner, { index });
    const b = fitScore(brief, gamer, { index });
    expect(a.score).toBeGreaterThan(b.score + 30);
    const relevance = b.terms.find((t) => t.name === 'relevance')!;
    expect(relevance.value).toBe(0);
    expect(b.terms.find((t) => t.name === 'niche')!.value).toBe(0);
  });

  it('drops terms the brief does not ask about and rescales weights', () => {
    const result = fitScore({ text: 'vegan', niches: [] }, veganRunner, { index });
    const niche = result.terms.find((t) => t.name === 'niche')!;
    expect(niche).toMatchObject({ value: null, weight: 0, contribution: 0, explanation: 'the brief names no niche' });
    expect(result.terms.find((t) => t.name === 'audience')!.weight).toBe(0);
    // Remaining weights 0.3, 0.15, 0.1 rescaled over 0.55.
    expect(result.terms.find((t) => t.name === 'relevance')!.weight).toBeCloseTo(0.3 / 0.55, 3);
  });

  it('scores missing creator data as neutral and says so', () => {
    const bare: FitCreator = { id: 'bare', bio: 'vegan food', followers: 500, posts: [] };
    const result = fitScore(brief, bare);
    const byName = Object.fromEntries(result.terms.map((t) => [t.name, t]));
    expect(byName.audience).toMatchObject({ value: 0.5, explanation: 'no audience data for the targeted dimensions; neutral' });
    expect(byName.engagement).toMatchObject({ value: 0.5 });
    expect(byName.authenticity).toMatchObject({ value: 0.5, explanation: 'authenticity not scored yet; neutral' });
    // Without an index every brief word weighs the same.
    expect(byName.relevance!.value).toBeGreaterThan(0);
  });

  it('uses brand-edited niches and custom weights', () => {
    const edited = { ...gamer, niches: [{ id: 'fitness', label: 'Fitness', score: 1, matchedTerms: [] }] };
    expect(fitScore(brief, edited, { index }).terms.find((t) => t.name === 'niche')!.value).toBe(1);
    const onlyAuth = fitScore(brief, gamer, { index, weights: { relevance: 0, niche: 0, audience: 0, engagement: 0, authenticity: 1 } });
    expect(onlyAuth.score).toBe(95);
  });
});

import { describe, expect, it } from 'vitest';
import { createRng, shuffled } from './rng.ts';
import { mean, median } from './stats.ts';
import { stem, tokenize } from './text.ts';

describe('text', () => {
  it('stems plurals only', () => {
    expect(stem('recipes')).toBe('recipe');
    expect(stem('babies')).toBe('baby');
    expect(stem('dresses')).toBe('dress');
    expect(stem('dress')).toBe('dress');
    expect(stem('yoga')).toBe('yoga');
    expect(stem('bus')).toBe('bus');
  });

  it('tokenizes with accents, hashtags and stop words', () => {
    expect(tokenize('Vegan Recipes & #MealPrep ideas!')).toEqual(['vegan', 'recipe', 'mealprep', 'idea']);
    expect(tokenize('Café in Zürich')).toEqual(['cafe', 'zurich']);
    expect(tokenize('')).toEqual([]);
  });
});

describe('stats and rng', () => {
  it('computes median and mean', () => {
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeNull();
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(mean([])).toBeNull();
  });

  it('is deterministic per seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(shuffled([1, 2, 3, 4, 5], createRng(7)).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(shuffled([1, 2, 3, 4, 5], createRng(7))).toEqual(shuffled([1, 2, 3, 4, 5], createRng(7)));
  });
});

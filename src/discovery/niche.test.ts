import { describe, expect, it } from 'vitest';
import { DEFAULT_NICHE_TAXONOMY, assignNiches } from './niche.ts';

describe('taxonomy', () => {
  it('covers the niches named in the issue and more', () => {
    const ids = DEFAULT_NICHE_TAXONOMY.map((n) => n.id);
    for (const id of ['fitness', 'wellness', 'sustainable-fashion', 'beauty-skincare', 'tech', 'food-beverage', 'parenting', 'lifestyle', 'travel', 'gaming', 'finance', 'pets', 'home']) {
      expect(ids).toContain(id);
    }
    expect(ids.length).toBeGreaterThan(15);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('assignNiches', () => {
  it('assigns a food creator from bio, caption phrase and hashtag', () => {
    expect(assignNiches({ bio: 'Vegan recipes & meal prep', captions: ['Tofu curry tonight'], hashtags: ['plantbased'] })).toEqual([
      { id: 'food-beverage', label: 'Food & beverage', score: 1, matchedTerms: ['#plantbased', 'meal prep', 'recipe', 'vegan'] },
    ]);
  });

  it('ranks a fitness mum fitness first, parenting second', () => {
    const niches = assignNiches({
      bio: 'Personal trainer | HIIT & strength | mom of two',
      captions: ['Leg day done 💪 new workout on the blog', 'Morning run before the kids wake up'],
      hashtags: ['fitness', '#LegDay', 'momlife', 'fitfam'],
    });
    expect(niches.map((n) => n.id)).toEqual(['fitness', 'parenting']);
    expect(niches[0]!.matchedTerms).toContain('personal trainer');
    expect(niches[0]!.matchedTerms).toContain('#legday');
    expect(niches[1]!.matchedTerms).toEqual(['#momlife', 'kid', 'mom']);
    expect(niches[0]!.score + niches[1]!.score).toBeCloseTo(1, 12);
  });

  it('tells sustainable fashion from fashion', () => {
    const niches = assignNiches({
      bio: 'Thrifted & preloved outfits. Slow fashion advocate',
      captions: ['Secondhand blazer styled three ways', 'My capsule wardrobe for autumn'],
      hashtags: ['sustainablefashion', 'ootd', 'thriftfinds'],
    });
    expect(niches[0]!.id).toBe('sustainable-fashion');
    expect(niches[1]!.id).toBe('fashion');
  });

  it('returns nothing without evidence, and uses an edited taxonomy', () => {
    expect(assignNiches({ bio: '', captions: [], hashtags: [] })).toEqual([]);
    const taxonomy = [{ id: 'padel', label: 'Padel', keywords: ['padel', 'padel racket'], hashtags: ['padellife'] }];
    expect(assignNiches({ bio: 'Padel coach', captions: ['New padel racket!'], hashtags: ['padellife'] }, { taxonomy })[0]).toMatchObject({
      id: 'padel',
      score: 1,
      matchedTerms: ['#padellife', 'padel', 'padel racket'],
    });
  });

  it('drops niches below the minimum share', () => {
    const text = { bio: 'gym gym gym workout fitness hiit crossfit', captions: ['strength training'], hashtags: ['fitness', 'gym'] };
    expect(assignNiches({ ...text, captions: [...text.captions, 'coffee'] }).map((n) => n.id)).toEqual(['fitness', 'food-beverage']);
    expect(assignNiches({ ...text, captions: [...text.captions, 'coffee'] }, { minScore: 0.2 }).map((n) => n.id)).toEqual(['fitness']);
  });
});

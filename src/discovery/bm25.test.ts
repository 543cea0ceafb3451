import { describe, expect, it } from 'vitest';
import { bm25Idf, buildBm25Index, scoreBm25 } from './bm25.ts';

const docs = [
  { id: 'vegan', text: 'Vegan recipes every week. Vegan protein bowls, vegan baking.' },
  { id: 'mixed', text: 'Travel diaries and the occasional vegan recipe from the road.' },
  { id: 'gaming', text: 'Gaming setup tours and speedrun highlights.' },
  { id: 'long', text: `${'Travel vlog from Lisbon. '.repeat(20)}vegan recipe` },
];

describe('BM25', () => {
  const index = buildBm25Index(docs);

  it('computes Lucene idf by hand', () => {
    // "vegan" is in 3 of 4 documents: ln(1 + (4 − 3 + 0.5) / (3 + 0.5))
    expect(bm25Idf(index, 'vegan')).toBeCloseTo(Math.log(1 + 1.5 / 3.5), 12);
    expect(bm25Idf(index, 'speedrun')).toBeCloseTo(Math.log(1 + 3.5 / 1.5), 12);
    expect(bm25Idf(index, 'absent')).toBeCloseTo(Math.log(1 + 4.5 / 0.5), 12);
  });

  it('ranks by term frequency, saturating, and penalises long documents', () => {
    const ranked = scoreBm25(index, 'vegan recipe');
    expect(ranked.map((r) => r.id)).toEqual(['vegan', 'mixed', 'long', 'gaming']);
    expect(ranked[3]!.score).toBe(0);
    expect(ranked[0]!.terms.map((t) => [t.term, t.tf])).toEqual([['vegan', 3], ['recipe', 1]]);
  });

  it('matches a hand-computed score', () => {
    // "gaming setup tour speedrun highlight": 5 tokens once the stop word "and" is dropped
    const doc = index.docs.get('gaming')!;
    expect(doc.length).toBe(5);
    const norm = 1.2 * (1 - 0.75 + (0.75 * 5) / index.avgLength);
    const expected = bm25Idf(index, 'speedrun') * (1 * 2.2) / (1 + norm);
    expect(scoreBm25(index, 'speedrun')[0]).toMatchObject({ id: 'gaming' });
    expect(scoreBm25(index, 'speedrun')[0]!.score).toBeCloseTo(expected, 12);
  });

  it('normalises against the best possible score', () => {
    const top = scoreBm25(index, 'vegan recipe')[0]!;
    const best = (bm25Idf(index, 'vegan') + bm25Idf(index, 'recipe')) * 2.2;
    expect(top.normalized).toBeCloseTo(top.score / best, 12);
    expect(top.normalized).toBeLessThan(1);
    const single = buildBm25Index([{ id: 'a', text: 'vegan vegan vegan' }]);
    expect(scoreBm25(single, 'vegan gaming', { uniformIdf: true })[0]!.normalized).toBeCloseTo(((3 * 2.2) / (3 + 1.2)) / 4.4, 12);
  });
});

describe('BM25 normalisation with unused query words', () => {
  it('ignores words no document contains', () => {
    const index = buildBm25Index(docs);
    const a = scoreBm25(index, 'speedrun')[0]!;
    const b = scoreBm25(index, 'speedrun zeppelin')[0]!;
    expect(b.score).toBeCloseTo(a.score, 12);
    expect(b.normalized).toBeCloseTo(a.normalized, 12);
  });
});

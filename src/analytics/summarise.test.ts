import { describe, expect, it } from 'vitest';
import { summarise } from './summarise.ts';

describe('summarise', () => {
  it('computes mean, median and the t-based 95% interval by hand', () => {
    // mean 0.025, sd 0.005, t(2) = 4.303 → half-width 4.303 × 0.005 / √3 = 0.012421
    const s = summarise([0.02, 0.03, 0.025]);
    expect(s.n).toBe(3);
    expect(s.mean).toBeCloseTo(0.025, 12);
    expect(s.median).toBeCloseTo(0.025, 12);
    expect(s.ci95![0]).toBeCloseTo(0.025 - 0.0124215, 6);
    expect(s.ci95![1]).toBeCloseTo(0.025 + 0.0124215, 6);
  });
  it('uses 1.96 for large samples and gives no interval for one value', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i % 2 ? 0.01 : 0.03));
    const s = summarise(values);
    const sd = Math.sqrt((100 * 0.0001) / 99);
    expect(s.ci95![1] - s.mean!).toBeCloseTo((1.96 * sd) / 10, 10);
    expect(summarise([0.05])).toEqual({ n: 1, mean: 0.05, median: 0.05, ci95: null });
    expect(summarise([])).toEqual({ n: 0, mean: null, median: null, ci95: null });
  });
});

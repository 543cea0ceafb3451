import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_BENCHMARKS, expectedEngagement, percentileWithin, tierFor } from './tiers.ts';

describe('tierFor', () => {
  it.each([
    [0, 'below-nano', false, null],
    [999, 'below-nano', false, null],
    [1_000, 'nano', false, 'nano'],
    [9_999, 'nano', false, 'nano'],
    [10_000, 'micro', false, 'micro'],
    [49_999, 'micro', false, 'micro'],
    [50_000, 'micro', true, 'mid-tier'],
    [99_999, 'micro', true, 'mid-tier'],
    [100_000, 'macro', false, 'macro'],
    [999_999, 'macro', false, 'macro'],
    [1_000_000, 'mega', false, 'mega'],
    [250_000_000, 'mega', false, 'mega'],
  ])('%i followers → %s (mid-tier %s)', (followers, tier, midTier, key) => {
    const t = tierFor(followers);
    expect(t.tier).toBe(tier);
    expect(t.midTier).toBe(midTier);
    expect(t.benchmarkKey).toBe(key);
  });

  it('reports the band limits', () => {
    expect(tierFor(60_000)).toEqual({ tier: 'micro', midTier: true, benchmarkKey: 'mid-tier', label: 'Mid-tier', min: 50_000, max: 100_000 });
    expect(tierFor(2_000_000).max).toBeNull();
  });

  it('accepts custom bands', () => {
    const bands = { nano: 500, micro: 5_000, midTier: 20_000, macro: 50_000, mega: 500_000 };
    expect(tierFor(600, bands).tier).toBe('nano');
    expect(tierFor(5_000, bands).tier).toBe('micro');
    expect(tierFor(20_000, bands).midTier).toBe(true);
    expect(tierFor(60_000, bands).tier).toBe('macro');
  });

  it('rejects bands out of order', () => {
    expect(() => tierFor(10, { nano: 1_000, micro: 1_000, midTier: 50_000, macro: 100_000, mega: 1_000_000 })).toThrow(/increasing/);
  });
});

describe('benchmarks', () => {
  it('holds the published defaults as fractions', () => {
    expect(DEFAULT_TIER_BENCHMARKS.nano).toEqual({ low: 0.0271, high: 0.0271 });
    expect(DEFAULT_TIER_BENCHMARKS.micro.low).toBe(0.0181);
    expect(DEFAULT_TIER_BENCHMARKS['mid-tier'].low).toBe(0.0124);
    expect(DEFAULT_TIER_BENCHMARKS.macro).toEqual({ low: 0.0061, high: 0.0087 });
    expect(DEFAULT_TIER_BENCHMARKS.mega).toEqual({ low: 0.0068, high: 0.0094 });
  });

  it('maps followers to the expected ER, null below nano', () => {
    expect(expectedEngagement(250_000)).toEqual({ low: 0.0061, high: 0.0087 });
    expect(expectedEngagement(75_000)).toEqual({ low: 0.0124, high: 0.0124 });
    expect(expectedEngagement(500)).toBeNull();
  });

  it('uses edited benchmarks', () => {
    const edited = { ...DEFAULT_TIER_BENCHMARKS, nano: { low: 0.05, high: 0.06 } };
    expect(expectedEngagement(2_000, undefined, edited)).toEqual({ low: 0.05, high: 0.06 });
  });
});

describe('percentileWithin', () => {
  it('uses mid-rank for ties and bounds', () => {
    expect(percentileWithin(3, [1, 2, 3, 4])).toBe(62.5);
    expect(percentileWithin(0, [1, 2, 3, 4])).toBe(0);
    expect(percentileWithin(5, [1, 2, 3, 4])).toBe(100);
    expect(percentileWithin(2, [2, 2, 2, 2])).toBe(50);
    expect(percentileWithin(1, [])).toBeNull();
  });
});

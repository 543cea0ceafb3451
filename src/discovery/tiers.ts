/**
 * Creator tiers by follower count, the engagement rate expected of each tier, and percentiles
 * within a cohort (e.g. all micro fitness creators).
 */

export type TierId = 'below-nano' | 'nano' | 'micro' | 'macro' | 'mega';
/** Benchmarks split micro into micro proper and its 50K–100K "mid-tier" upper half. */
export type BenchmarkKey = 'nano' | 'micro' | 'mid-tier' | 'macro' | 'mega';

/** Lower bounds (inclusive) of each band, in followers. Editable per brand. */
export interface TierBands {
  nano: number;
  micro: number;
  /** Micro creators at or above this are flagged mid-tier. */
  midTier: number;
  macro: number;
  mega: number;
}

export const DEFAULT_TIER_BANDS: TierBands = {
  nano: 1_000,
  micro: 10_000,
  midTier: 50_000,
  macro: 100_000,
  mega: 1_000_000,
};

export interface ErRange {
  /** Expected engagement rate by followers, as fractions (0.0181 = 1.81%). */
  low: number;
  high: number;
}

/**
 * Expected ER by followers per tier, from published industry benchmarks quoted in the issue
 * (nano 2.71%, micro 1.81%, mid-tier 1.24%, macro 0.61–0.87%, mega 0.68–0.94%). Editable.
 */
export const DEFAULT_TIER_BENCHMARKS: Readonly<Record<BenchmarkKey, ErRange>> = {
  nano: { low: 0.0271, high: 0.0271 },
  micro: { low: 0.0181, high: 0.0181 },
  'mid-tier': { low: 0.0124, high: 0.0124 },
  macro: { low: 0.0061, high: 0.0087 },
  mega: { low: 0.0068, high: 0.0094 },
};

export interface TierAssignment {
  tier: TierId;
  /** True for micro creators at or above `bands.midTier`. */
  midTier: boolean;
  /** Which benchmark applies; null below nano, where no benchmark is published. */
  benchmarkKey: BenchmarkKey | null;
  label: string;
  /** Followers range of the band, upper bound exclusive (null = unbounded). */
  min: number;
  max: number | null;
}

function assertBands(b: TierBands): void {
  const order = [b.nano, b.micro, b.midTier, b.macro, b.mega];
  if (order.some((v, i) => !Number.isFinite(v) || v < 0 || (i > 0 && v <= (order[i - 1] as number)))) {
    throw new Error('tier bands must be non-negative and strictly increasing: nano < micro < midTier < macro < mega');
  }
}

/**
 * Tier of a follower count. Each band includes its lower bound: 10,000 is micro, 9,999 nano.
 *
 * @example
 * tierFor(60_000); // { tier: 'micro', midTier: true, benchmarkKey: 'mid-tier', label: 'Mid-tier', min: 50000, max: 100000 }
 */
export function tierFor(followers: number, bands: TierBands = DEFAULT_TIER_BANDS): TierAssignment {
  assertBands(bands);
  if (followers >= bands.mega) {
    return { tier: 'mega', midTier: false, benchmarkKey: 'mega', label: 'Mega', min: bands.mega, max: null };
  }
  if (followers >= bands.macro) {
    return { tier: 'macro', midTier: false, benchmarkKey: 'macro', label: 'Macro', min: bands.macro, max: bands.mega };
  }
  if (followers >= bands.midTier) {
    return { tier: 'micro', midTier: true, benchmarkKey: 'mid-tier', label: 'Mid-tier', min: bands.midTier, max: bands.macro };
  }
  if (followers >= bands.micro) {
    return { tier: 'micro', midTier: false, benchmarkKey: 'micro', label: 'Micro', min: bands.micro, max: bands.midTier };
  }
  if (followers >= bands.nano) {
    return { tier: 'nano', midTier: false, benchmarkKey: 'nano', label: 'Nano', min: bands.nano, max: bands.micro };
  }
  return { tier: 'below-nano', midTier: false, benchmarkKey: null, label: 'Below nano', min: 0, max: bands.nano };
}

/**
 * Expected ER range for a follower count, or null below the nano band.
 *
 * @example
 * expectedEngagement(250_000); // { low: 0.0061, high: 0.0087 }
 */
export function expectedEngagement(
  followers: number,
  bands: TierBands = DEFAULT_TIER_BANDS,
  benchmarks: Readonly<Record<BenchmarkKey, ErRange>> = DEFAULT_TIER_BENCHMARKS,
): ErRange | null {
  const key = tierFor(followers, bands).benchmarkKey;
  return key ? benchmarks[key] : null;
}

/**
 * Percentile (0–100) of `value` within `values`: the share strictly below plus half the share
 * equal (mid-rank), so a cohort's median lands on 50 and ties do not favour anyone. Null when
 * the cohort is empty.
 *
 * @example
 * percentileWithin(3, [1, 2, 3, 4]); // 62.5  ((2 + 0.5) / 4)
 */
export function percentileWithin(value: number, values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let below = 0;
  let equal = 0;
  for (const v of values) {
    if (v < value) below++;
    else if (v === value) equal++;
  }
  return ((below + equal / 2) / values.length) * 100;
}

// Two-sided 95% Student t quantiles for df 1..30; beyond 30 the normal 1.96 is within 2%.
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export type Summary = { n: number; mean: number | null; median: number | null; ci95: [number, number] | null };

/**
 * Mean with a 95% confidence interval (Student t on the sample standard deviation), so a group of
 * three posts reads as "somewhere between 0.4% and 6%" instead of a confident 3.2%. Fewer than two
 * values: no interval.
 * @example summarise([0.02, 0.03, 0.025]) // { n: 3, mean: 0.025, ci95: [0.0126, 0.0374], ... }
 */
export function summarise(values: readonly number[]): Summary {
  const n = values.length;
  if (n === 0) return { n, mean: null, median: null, ci95: null };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sorted = [...values].sort((a, b) => a - b);
  const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  if (n < 2) return { n, mean, median, ci95: null };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  const t = n - 1 <= 30 ? T95[n - 2]! : 1.96;
  const half = (t * Math.sqrt(variance)) / Math.sqrt(n);
  return { n, mean, median, ci95: [mean - half, mean + half] };
}

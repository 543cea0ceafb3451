import { toDecimalString } from '../../shared/money.ts';
import { percentPpm, ppmToText } from './percent-value.ts';
import type { TieredPlan } from './plan-schema.ts';

export type TierPiece = { tier: number; slice: bigint; ppm: bigint };

export type TieredOutcome = {
  /** Σ slice × ppm: the exact commission × 1_000_000, rounded once by the caller. */
  numerator: bigint;
  pieces: TierPiece[];
  rule: string;
  text: string;
  /** whole-volume + retroactive: rate difference owed on the period's earlier volume (× 1_000_000). */
  adjustment: { numerator: bigint; text: string } | null;
};

type Tier = { n: number; from: bigint; ppm: bigint };

/**
 * Tier rates by the creator's period volume. Semantics of `from`:
 * - marginal: only volume beyond `from` earns that tier's rate, so a revenue
 *   conversion is cut at tier boundaries: [before, before + amount) is split
 *   into slices and each slice earns its own tier's rate. By sales count, a
 *   sale occupies [before, before + 1), so with `from: 50` the 51st sale and
 *   later earn the tier.
 * - whole-volume: the whole conversion earns the rate of the tier the volume
 *   reaches including this conversion (`from: 50` applies from the 50th sale;
 *   revenue reaching exactly `from` counts as reached).
 * @example // marginal plan, tiers { from: 0, percent: 10 } and { from: 100000, percent: 15 }:
 * tieredRate(plan, 80000n, 50000n, 'USD', 80000n).numerator // 20000n * 100000n + 30000n * 150000n
 */
export function tieredRate(plan: TieredPlan, volumeBefore: bigint, amount: bigint, currency: string, periodRevenue: bigint): TieredOutcome {
  const tiers: Tier[] = plan.tiers.map((t, i) => ({ n: i + 1, from: BigInt(t.from), ppm: percentPpm(t.percent) }));
  const tierAt = (v: bigint): Tier => tiers.filter((t) => t.from <= v).at(-1) ?? tiers[0]!;
  const label = (t: Tier): string => `tier ${t.n} (${ppmToText(t.ppm)}%)`;
  const byRevenue = plan.metric === 'revenue';
  const vol = (v: bigint): string => (byRevenue ? toDecimalString({ amount: v, currency }) : v.toString());
  const after = volumeBefore + (byRevenue ? amount : 1n);
  const volumeText = `${plan.period} ${byRevenue ? 'revenue' : 'sales'} ${vol(volumeBefore)} → ${vol(after)}${byRevenue ? ` ${currency}` : ''}`;

  if (plan.mode === 'whole-volume') {
    const reached = tierAt(after);
    const pieces = amount > 0n ? [{ tier: reached.n, slice: amount, ppm: reached.ppm }] : [];
    const before = tierAt(volumeBefore);
    let adjustment: TieredOutcome['adjustment'] = null;
    if (plan.retroactive && reached.n !== before.n && periodRevenue !== 0n) {
      adjustment = {
        numerator: periodRevenue * (reached.ppm - before.ppm),
        text: `retroactive ${label(before)} → ${label(reached)}: (${ppmToText(reached.ppm)}% − ${ppmToText(before.ppm)}%) of earlier ${plan.period} base ${toDecimalString({ amount: periodRevenue, currency })} ${currency}`,
      };
    }
    return {
      numerator: amount * reached.ppm,
      pieces,
      rule: `tiered:whole-volume ${label(reached)}`,
      text: `tiered whole-volume, ${volumeText} reaches ${label(reached)}`,
      adjustment,
    };
  }

  const pieces: TierPiece[] = [];
  if (!byRevenue) {
    const t = tierAt(volumeBefore);
    if (amount > 0n) pieces.push({ tier: t.n, slice: amount, ppm: t.ppm });
  } else {
    tiers.forEach((t, i) => {
      const next = tiers[i + 1];
      const start = t.from > volumeBefore ? t.from : volumeBefore;
      const end = next !== undefined && next.from < after ? next.from : after;
      if (end > start) pieces.push({ tier: t.n, slice: end - start, ppm: t.ppm });
    });
  }
  const used = pieces.map((p) => tiers[p.tier - 1]!);
  const rule =
    used.length <= 1
      ? `tiered:marginal ${label(used[0] ?? tierAt(volumeBefore))}`
      : `tiered:marginal tiers ${used[0]!.n}–${used.at(-1)!.n} (${used.map((t) => `${ppmToText(t.ppm)}%`).join(', ')})`;
  const sliceText = pieces.map((p) => `${toDecimalString({ amount: p.slice, currency })} at ${ppmToText(p.ppm)}% (tier ${p.tier})`).join(' + ');
  return {
    numerator: pieces.reduce((s, p) => s + p.slice * p.ppm, 0n),
    pieces,
    rule,
    text: `tiered marginal, ${volumeText}${sliceText === '' ? '' : `: ${sliceText}`}`,
    adjustment: null,
  };
}

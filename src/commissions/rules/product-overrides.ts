import type { Conversion } from './commission-line.ts';
import { moneyText } from './commission-line.ts';
import { percentPpm, ppmToText } from './percent-value.ts';
import type { PlanOverride } from './plan-schema.ts';

export type OverrideOutcome = {
  /** Base left for the plan's primary rule after carving out overridden line items. */
  remainder: bigint;
  /** Σ item amount × ppm for percent overrides, to be rounded together with the primary rule. */
  percentNumerator: bigint;
  /** Exact per-unit amounts × quantity, by currency (no rounding needed). */
  fixedByCurrency: Map<string, bigint>;
  parts: string[];
};

function findOverride(overrides: readonly PlanOverride[], sku: string, category: string | null | undefined): PlanOverride | undefined {
  // A SKU override is more specific than a category one, so it wins wherever it is listed.
  return (
    overrides.find((o) => 'sku' in o.match && o.match.sku === sku) ??
    overrides.find((o) => 'category' in o.match && category != null && o.match.category === category)
  );
}

/**
 * Applies per-product / per-category overrides to a conversion's line items.
 * Overridden items are taken out of the base at their line amount; the rest of
 * the base (which on a gross plan still holds tax and shipping) stays with the
 * primary rule. Fixed overrides pay `amount` per unit sold.
 * @example applyProductOverrides([{ match: { sku: 'MUG' }, percent: 20 }], conversion, 9000n)
 *   // { remainder: 6000n, percentNumerator: 3000n * 200000n, fixedByCurrency: Map {}, parts: ['sku MUG 30.00 USD at 20%'] }
 */
export function applyProductOverrides(overrides: readonly PlanOverride[], conversion: Conversion, base: bigint): OverrideOutcome {
  const out: OverrideOutcome = { remainder: base, percentNumerator: 0n, fixedByCurrency: new Map(), parts: [] };
  if (overrides.length === 0 || conversion.lineItems === undefined) return out;
  let carved = 0n;
  for (const item of conversion.lineItems) {
    if (item.amount < 0n || !Number.isSafeInteger(item.quantity) || item.quantity <= 0) {
      throw new RangeError(`conversion ${conversion.id}: line item ${item.sku} needs a non-negative amount and a positive whole quantity`);
    }
    const o = findOverride(overrides, item.sku, item.category);
    if (o === undefined) continue;
    const label = 'sku' in o.match ? `sku ${item.sku}` : `category ${o.match.category} (sku ${item.sku})`;
    carved += item.amount;
    if (o.percent !== undefined) {
      const ppm = percentPpm(o.percent);
      out.percentNumerator += item.amount * ppm;
      out.parts.push(`${label} ${moneyText(item.amount, conversion.currency)} at ${ppmToText(ppm)}%`);
    } else if (o.amount !== undefined && o.currency !== undefined) {
      const total = BigInt(o.amount) * BigInt(item.quantity);
      out.fixedByCurrency.set(o.currency, (out.fixedByCurrency.get(o.currency) ?? 0n) + total);
      out.parts.push(`${label} ${item.quantity} × ${moneyText(BigInt(o.amount), o.currency)}`);
    }
  }
  out.remainder = base - carved < 0n ? 0n : base - carved;
  return out;
}

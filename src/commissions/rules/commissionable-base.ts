import { toDecimalString } from '../../shared/money.ts';
import type { Conversion, LineInputs } from './commission-line.ts';

export type CommissionableBase = { amount: bigint; text: string; inputs: LineInputs };

/**
 * The amount a percent applies to. "net" subtracts tax and shipping when the
 * platform told us them; when it did not we can only use gross, and the text
 * says so rather than pretending. A net below zero (bogus payload: tax larger
 * than the order) is floored at zero so a sale never yields a negative commission.
 * @example commissionableBase({ amount: 10000n, tax: 800n, shipping: 200n, currency: 'USD', ... }, 'net')
 *   // { amount: 9000n, text: 'net 90.00 USD (gross 100.00 − tax 8.00 − shipping 2.00)', inputs: {...} }
 */
export function commissionableBase(conversion: Conversion, base: 'net' | 'gross'): CommissionableBase {
  const { amount: gross, tax, shipping, currency } = conversion;
  const d = (x: bigint): string => toDecimalString({ amount: x, currency });
  for (const [name, v] of [['amount', gross], ['tax', tax], ['shipping', shipping]] as const) {
    if (v !== undefined && v < 0n) throw new RangeError(`conversion ${conversion.id}: ${name} must not be negative; use reverseCommission for refunds`);
  }
  const inputs: LineInputs = {
    base,
    grossMinor: gross.toString(),
    taxMinor: tax?.toString() ?? null,
    shippingMinor: shipping?.toString() ?? null,
  };
  if (base === 'gross') return { amount: gross, text: `gross ${d(gross)} ${currency}`, inputs: { ...inputs, baseMinor: gross.toString() } };
  if (tax === undefined && shipping === undefined) {
    return { amount: gross, text: `gross ${d(gross)} ${currency} (tax and shipping unknown, so net = gross)`, inputs: { ...inputs, baseMinor: gross.toString() } };
  }
  const raw = gross - (tax ?? 0n) - (shipping ?? 0n);
  const net = raw < 0n ? 0n : raw;
  const parts = [`gross ${d(gross)}`];
  if (tax !== undefined) parts.push(`tax ${d(tax)}`);
  if (shipping !== undefined) parts.push(`shipping ${d(shipping)}`);
  const floored = raw < 0n ? ', floored at zero' : '';
  return { amount: net, text: `net ${d(net)} ${currency} (${parts.join(' − ')}${floored})`, inputs: { ...inputs, baseMinor: net.toString() } };
}

import { isCurrency } from '../../shared/currencies.ts';
import { moneyText, type CostRecord } from './commission-line.ts';

export type GiftItem = { sku: string; quantity: number; unitValue: bigint | number; currency: string };

export type GiftedCostInput = {
  influencerId: string;
  /** Items shipped to the creator; plan.gifts entries can be passed as-is. */
  gifts: readonly GiftItem[];
  /** Shipment or campaign reference for the audit trail. */
  reference: string;
  occurredAt: Date;
};

/**
 * Records the value of products gifted to a creator as a COST for the brand's
 * campaign economics, never as a commission: nothing here is owed to or paid to
 * the creator. One record per currency (values are exact: unit × quantity).
 * @example evaluateGiftedCost({ influencerId: 'inf_1', gifts: [{ sku: 'MUG', quantity: 2, unitValue: 1250n, currency: 'USD' }], reference: 'ship_1', occurredAt })
 *   // [{ kind: 'gifted_product', amount: 2500n, currency: 'USD', explanation: 'gifted products valued at 25.00 USD: 2 × MUG at 12.50 USD', ... }]
 */
export function evaluateGiftedCost({ influencerId, gifts, reference, occurredAt }: GiftedCostInput): CostRecord[] {
  const byCurrency = new Map<string, { total: bigint; parts: string[] }>();
  for (const g of gifts) {
    if (!isCurrency(g.currency)) throw new RangeError(`gift ${g.sku}: unknown currency "${g.currency}"`);
    if (typeof g.unitValue === 'number' && !Number.isSafeInteger(g.unitValue)) throw new RangeError(`gift ${g.sku}: unitValue must be whole minor units`);
    const unit = BigInt(g.unitValue);
    if (unit < 0n || !Number.isSafeInteger(g.quantity) || g.quantity <= 0) throw new RangeError(`gift ${g.sku}: needs a non-negative value and a positive whole quantity`);
    const entry = byCurrency.get(g.currency) ?? { total: 0n, parts: [] };
    entry.total += unit * BigInt(g.quantity);
    entry.parts.push(`${g.quantity} × ${g.sku} at ${moneyText(unit, g.currency)}`);
    byCurrency.set(g.currency, entry);
  }
  return [...byCurrency].map(([currency, { total, parts }]) => ({
    influencerId,
    kind: 'gifted_product',
    amount: total,
    currency,
    explanation: `gifted products valued at ${moneyText(total, currency)}: ${parts.join(', ')}`,
    inputs: { reference, occurredAt: occurredAt.toISOString(), items: parts.join('; ') },
  }));
}

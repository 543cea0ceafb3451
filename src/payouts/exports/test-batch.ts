/** Test helper (not exported from index.ts): small batches with hand-checkable lines. */
import type { PayoutBatch, PayoutLine } from './types.ts';

export function paypalLine(itemId: string, amount: bigint, currency: string, over: Partial<PayoutLine> = {}): PayoutLine {
  return {
    itemId, influencerId: `inf_${itemId.slice(4)}`, name: 'Ana Lopez', amount, currency, method: 'paypal',
    paypalEmail: 'ana@example.com', iban: null, bic: null, accountHolder: null, note: 'March commissions', ...over,
  };
}

export function bankLine(itemId: string, amount: bigint, currency: string, over: Partial<PayoutLine> = {}): PayoutLine {
  return {
    itemId, influencerId: `inf_${itemId.slice(4)}`, name: 'Ana Lopez', amount, currency, method: 'bank',
    paypalEmail: null, iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX', accountHolder: 'Ana Lopez', note: 'March commissions', ...over,
  };
}

export function batchOf(currency: string, lines: PayoutLine[], over: Partial<PayoutBatch> = {}): PayoutBatch {
  return {
    id: 'pay_0k3m9x2v7q1b8n4c',
    createdAt: new Date('2025-03-01T10:15:30.250Z'),
    currency,
    lines,
    debtor: { name: 'Acme Cosmetics GmbH', iban: 'DE02 1203 0000 0000 2020 51', bic: 'BYLADEM1001' },
    ...over,
  };
}

/** Builders shared by the rules tests (not used by production code). */
import { commissionPlanSchema, type CommissionPlan } from './plan-schema.ts';
import type { Conversion } from './commission-line.ts';

export const plan = (input: unknown): CommissionPlan => commissionPlanSchema.parse(input);

export const sale = (overrides: Partial<Conversion> = {}): Conversion => ({
  id: 'conv_1',
  type: 'sale',
  amount: 10000n,
  currency: 'USD',
  isFirstOrderOfCustomer: true,
  occurredAt: new Date('2024-05-10T12:00:00Z'),
  influencerId: 'inf_1',
  ...overrides,
});

export const monthStats = (salesCountInPeriod: number, revenueInPeriod: bigint) => ({ month: { salesCountInPeriod, revenueInPeriod } });

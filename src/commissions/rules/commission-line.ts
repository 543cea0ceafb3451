/**
 * Shared shapes for the commission rules: what goes in (a conversion and the
 * creator's period stats) and what comes out (commission lines, each carrying
 * the rule that produced it and an explanation in words and numbers).
 */
import { toDecimalString } from '../../shared/money.ts';
import type { Period } from './plan-schema.ts';

export type LineItem = { sku: string; category?: string | null; quantity: number; amount: bigint };

export type Conversion = {
  id: string;
  type: 'lead' | 'sale';
  /** Gross amount in minor units: what the customer paid, tax and shipping included. */
  amount: bigint;
  currency: string;
  tax?: bigint;
  shipping?: bigint;
  /** Line totals (unit price × quantity, after discounts, before tax/shipping). */
  lineItems?: readonly LineItem[];
  isFirstOrderOfCustomer: boolean;
  subscription?: { isRenewal: boolean; firstPaidAt: Date };
  occurredAt: Date;
  influencerId: string;
};

/**
 * The creator's volume in one period BEFORE this conversion. Revenue is the sum
 * of commissionable bases (per the plan's net/gross base) of earlier
 * commissionable sales in the period, in the conversion's currency.
 */
export type PeriodStats = { salesCountInPeriod: number; revenueInPeriod: bigint };
export type CreatorStats = Partial<Record<Period, PeriodStats>>;

export type CommissionKind = 'sale' | 'lead' | 'click' | 'bonus' | 'override' | 'split' | 'flat_fee' | 'adjustment';

/** JSON-safe audit inputs: bigint amounts are written as decimal strings of minor units. */
export type LineInputs = Record<string, string | number | boolean | null>;

export type CommissionLine = {
  influencerId: string;
  kind: CommissionKind;
  amount: bigint;
  currency: string;
  /** Which rule produced the line, e.g. 'tiered:whole-volume tier 2 (15%)'. */
  rule: string;
  /** Words and numbers, e.g. 'percent 10% of net 90.00 USD (...) = 9.00 USD'. */
  explanation: string;
  inputs: LineInputs;
};

/** `reason` says why nothing is due when `lines` is empty, and is null otherwise. */
export type EvaluationResult = { lines: CommissionLine[]; reason: string | null };

/** A cost the brand bears that is not owed to the creator (e.g. gifted products). */
export type CostRecord = {
  influencerId: string;
  kind: 'gifted_product';
  amount: bigint;
  currency: string;
  explanation: string;
  inputs: LineInputs;
};

/**
 * "12.34 USD" — the spelling used in every explanation.
 * @example moneyText(-5n, 'USD') // '-0.05 USD'
 */
export function moneyText(amount: bigint, currency: string): string {
  return `${toDecimalString({ amount, currency })} ${currency}`;
}

/**
 * Result helper: lines, or no lines and a reason.
 * @example result([], 'not the customer\'s first order') // { lines: [], reason: '...' }
 */
export function result(lines: CommissionLine[], reasonIfEmpty: string): EvaluationResult {
  return lines.length > 0 ? { lines, reason: null } : { lines: [], reason: reasonIfEmpty };
}

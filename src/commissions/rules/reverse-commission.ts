import { MoneyError, roundHalfEven, type Money } from '../../shared/money.ts';
import { moneyText, type CommissionLine } from './commission-line.ts';

export type ReverseCommissionInput = {
  /** The commission line being (partly) reversed. */
  line: CommissionLine;
  /** The conversion amount the line was earned on. */
  original: Money;
  /** This refund, in the conversion's currency. */
  refund: Money;
  /** Sum of earlier refunds on the same conversion (default 0). */
  previouslyRefunded?: bigint;
  /** Sum already reversed on THIS line by earlier calls, same sign as line.amount (default 0). */
  previouslyReversed?: bigint;
  refundId?: string;
};

/**
 * The reversal line for a (partial) refund: refunded / original × commission.
 * Cumulative by design: the target "reversed so far" is
 * roundHalfEven(commission × totalRefunded, original) and this call returns the
 * difference from what was already reversed. So any sequence of partial refunds
 * that adds up to the original reverses exactly the commission (the last one
 * takes the remainder), and rounding never drifts. Callers store and pass back
 * the running totals. The returned line has a negative amount (for a positive
 * commission); it may be zero for a tiny refund.
 * @example // line earned 9.00 USD (900n) on a 100.00 USD sale; 33.33 USD refunded:
 * reverseCommission({ line, original: { amount: 10000n, currency: 'USD' }, refund: { amount: 3333n, currency: 'USD' } }).amount
 *   // -300n  (900 × 3333/10000 = 299.97 → 300)
 */
export function reverseCommission(input: ReverseCommissionInput): CommissionLine {
  const { line, original, refund } = input;
  const prevRefunded = input.previouslyRefunded ?? 0n;
  const prevReversed = input.previouslyReversed ?? 0n;
  if (refund.currency !== original.currency) throw new MoneyError(`refund is in ${refund.currency} but the conversion is in ${original.currency}`);
  if (original.amount <= 0n) throw new RangeError('original amount must be positive to reverse proportionally');
  if (refund.amount <= 0n) throw new RangeError('refund amount must be positive');
  if (prevRefunded < 0n) throw new RangeError('previouslyRefunded must not be negative');
  const totalRefunded = prevRefunded + refund.amount;
  if (totalRefunded > original.amount) {
    throw new RangeError(`refunds total ${moneyText(totalRefunded, original.currency)}, more than the original ${moneyText(original.amount, original.currency)}`);
  }
  const target = totalRefunded === original.amount ? line.amount : roundHalfEven(line.amount * totalRefunded, original.amount);
  const reversal = target - prevReversed;
  // Targets only grow in magnitude as refunds accumulate, so a reversal pointing
  // the other way means previouslyReversed was not produced by this function.
  const wrongWay = line.amount >= 0n ? reversal < 0n || prevReversed < 0n : reversal > 0n || prevReversed > 0n;
  if (wrongWay) {
    throw new RangeError(`previouslyReversed ${prevReversed} does not match ${moneyText(target, line.currency)} due after ${moneyText(totalRefunded, original.currency)} refunded`);
  }
  const full = totalRefunded === original.amount;
  const c = original.currency;
  return {
    ...line,
    amount: -reversal,
    rule: `reversal of ${line.rule}`,
    explanation:
      `refund ${moneyText(refund.amount, c)} (refunded ${moneyText(totalRefunded, c)} of ${moneyText(original.amount, c)} in total): ` +
      (full ? `full refund reverses the whole ${moneyText(line.amount, line.currency)}` : `${moneyText(line.amount, line.currency)} × ${totalRefunded}/${original.amount} = ${moneyText(target, line.currency)} (rounded half-even)`) +
      ` − ${moneyText(prevReversed, line.currency)} already reversed = ${moneyText(-reversal, line.currency)}`,
    inputs: {
      ...line.inputs,
      reversalOfRule: line.rule,
      originalCommissionMinor: line.amount.toString(),
      originalMinor: original.amount.toString(),
      refundMinor: refund.amount.toString(),
      previouslyRefundedMinor: prevRefunded.toString(),
      previouslyReversedMinor: prevReversed.toString(),
      refundId: input.refundId ?? null,
    },
  };
}

/**
 * Binary-classification metrics for judging the authenticity models honestly.
 *
 * Accuracy alone misleads on imbalanced data (always "real" scores 90% on the SRF set), so the
 * main entry point reports F1, MCC, sensitivity and specificity beside it.
 */
import { createRng, shuffled } from './rng.ts';

export interface BinaryMetrics {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  accuracy: number;
  precision: number;
  /** Recall of the positive class (true-positive rate). */
  sensitivity: number;
  /** True-negative rate. */
  specificity: number;
  f1: number;
  /** Matthews correlation coefficient, −1…1; 0 for a constant predictor. */
  mcc: number;
}

/**
 * Confusion matrix and derived metrics; `true` is the positive class (fake, spam).
 * Ratios with a zero denominator are 0, which is what a constant predictor deserves.
 *
 * @example
 * evaluateBinary([true, false, false], [true, true, false]).f1; // 0.6666…
 */
export function evaluateBinary(actual: readonly boolean[], predicted: readonly boolean[]): BinaryMetrics {
  if (actual.length !== predicted.length) throw new Error('actual and predicted differ in length');
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  actual.forEach((a, i) => {
    const p = predicted[i];
    if (a && p) tp++;
    else if (!a && p) fp++;
    else if (!a && !p) tn++;
    else fn++;
  });
  const div = (a: number, b: number) => (b === 0 ? 0 : a / b);
  const precision = div(tp, tp + fp);
  const sensitivity = div(tp, tp + fn);
  const mccDen = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
  return {
    tp,
    fp,
    tn,
    fn,
    accuracy: div(tp + tn, actual.length),
    precision,
    sensitivity,
    specificity: div(tn, tn + fp),
    f1: div(2 * precision * sensitivity, precision + sensitivity),
    mcc: div(tp * tn - fp * fn, mccDen),
  };
}

export interface OperatingPoint {
  /** Predict positive when score >= threshold. */
  threshold: number;
  sensitivity: number;
  specificity: number;
}

/**
 * Best sensitivity reachable while keeping specificity >= `targetSpecificity`, sweeping every
 * distinct score as a threshold (a point on the ROC curve, ties kept together).
 *
 * @example
 * sensitivityAtSpecificity([0.9, 0.8, 0.4, 0.1], [true, false, true, false], 0.5);
 * // { threshold: 0.4, sensitivity: 1, specificity: 0.5 }
 */
export function sensitivityAtSpecificity(
  scores: readonly number[],
  actual: readonly boolean[],
  targetSpecificity: number,
): OperatingPoint {
  const positives = actual.filter(Boolean).length;
  const negatives = actual.length - positives;
  const order = scores.map((s, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  let best: OperatingPoint = { threshold: Infinity, sensitivity: 0, specificity: 1 };
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; ) {
    const score = scores[order[k] as number] as number;
    // Consume the whole tie group: a threshold cannot split equal scores.
    while (k < order.length && scores[order[k] as number] === score) {
      if (actual[order[k] as number]) tp++;
      else fp++;
      k++;
    }
    const specificity = negatives === 0 ? 1 : 1 - fp / negatives;
    if (specificity < targetSpecificity) break;
    const sensitivity = positives === 0 ? 0 : tp / positives;
    if (sensitivity >= best.sensitivity) best = { threshold: score, sensitivity, specificity };
  }
  return best;
}

/**
 * Threshold that keeps at most `1 - targetSpecificity` of the given negative-class scores at or
 * above it. Placed midway to the next higher score so unseen negatives have some margin.
 *
 * @example
 * thresholdForSpecificity([0.1, 0.2, 0.3, 0.9], 0.75); // 0.6: only 0.9 (25%) is above
 */
export function thresholdForSpecificity(negativeScores: readonly number[], targetSpecificity: number): number {
  if (negativeScores.length === 0) return 0.5;
  const desc = negativeScores.slice().sort((a, b) => b - a);
  const allowed = Math.floor((1 - targetSpecificity) * desc.length + 1e-9);
  if (allowed >= desc.length) return -Infinity;
  const boundary = desc[allowed] as number;
  // The highest-scoring negatives we may let through; the threshold must sit above `boundary`.
  let above = Infinity;
  for (let i = allowed - 1; i >= 0; i--) {
    if ((desc[i] as number) > boundary) {
      above = desc[i] as number;
      break;
    }
  }
  if (above === Infinity) return boundary + Math.max(1e-9, Math.abs(boundary) * 1e-9);
  return (boundary + above) / 2;
}

/**
 * Stratified k-fold assignment: returns the fold (0…k−1) of each row, with each class spread
 * evenly over folds after a seeded shuffle.
 *
 * @example
 * stratifiedFolds([true, true, false, false], 2, 1); // e.g. [0, 1, 1, 0]
 */
export function stratifiedFolds(actual: readonly boolean[], k: number, seed: number): number[] {
  const rand = createRng(seed);
  const folds = new Array<number>(actual.length).fill(0);
  let offset = 0;
  for (const cls of [true, false]) {
    const idx = shuffled(
      actual.map((a, i) => (a === cls ? i : -1)).filter((i) => i >= 0),
      rand,
    );
    idx.forEach((rowIndex, j) => {
      folds[rowIndex] = (j + offset) % k;
    });
    // Continue the round-robin where the previous class stopped so fold sizes stay balanced.
    offset = (offset + idx.length) % k;
  }
  return folds;
}

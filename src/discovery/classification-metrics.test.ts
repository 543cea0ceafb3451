import { describe, expect, it } from 'vitest';
import { evaluateBinary, sensitivityAtSpecificity, stratifiedFolds, thresholdForSpecificity } from './classification-metrics.ts';

describe('evaluateBinary', () => {
  it('computes the confusion matrix and derived metrics by hand', () => {
    // tp 2, fp 1, fn 1, tn 4
    const actual = [true, true, true, false, false, false, false, false];
    const predicted = [true, true, false, true, false, false, false, false];
    const m = evaluateBinary(actual, predicted);
    expect(m).toMatchObject({ tp: 2, fp: 1, fn: 1, tn: 4 });
    expect(m.accuracy).toBeCloseTo(6 / 8, 12);
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.sensitivity).toBeCloseTo(2 / 3, 12);
    expect(m.specificity).toBeCloseTo(4 / 5, 12);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
    // (2·4 − 1·1) / sqrt(3·3·5·5)
    expect(m.mcc).toBeCloseTo(7 / 15, 12);
  });

  it('gives a constant predictor zero F1 and MCC but high accuracy on imbalance', () => {
    const actual = [true, ...new Array<boolean>(9).fill(false)];
    const m = evaluateBinary(actual, actual.map(() => false));
    expect(m.accuracy).toBe(0.9);
    expect(m.f1).toBe(0);
    expect(m.mcc).toBe(0);
  });
});

describe('operating points', () => {
  it('finds the best sensitivity at a specificity floor', () => {
    const scores = [0.9, 0.8, 0.4, 0.1];
    const actual = [true, false, true, false];
    expect(sensitivityAtSpecificity(scores, actual, 0.5)).toEqual({ threshold: 0.4, sensitivity: 1, specificity: 0.5 });
    expect(sensitivityAtSpecificity(scores, actual, 1)).toEqual({ threshold: 0.9, sensitivity: 0.5, specificity: 1 });
  });

  it('keeps ties together', () => {
    // The positive ties with a negative: taking it costs specificity.
    expect(sensitivityAtSpecificity([0.5, 0.5, 0.1], [true, false, false], 0.9).sensitivity).toBe(0);
  });

  it('places a threshold above the allowed share of negatives', () => {
    expect(thresholdForSpecificity([0.1, 0.2, 0.3, 0.9], 0.75)).toBeCloseTo(0.6, 12);
    expect(thresholdForSpecificity([0.1, 0.2, 0.3, 0.9], 1)).toBeGreaterThan(0.9);
    // Ties at the boundary are all excluded.
    expect(thresholdForSpecificity([0.3, 0.3, 0.3, 0.9], 0.75)).toBeCloseTo(0.6, 12);
  });
});

describe('stratifiedFolds', () => {
  it('spreads each class evenly and is seeded', () => {
    const actual = [...new Array<boolean>(10).fill(true), ...new Array<boolean>(90).fill(false)];
    const folds = stratifiedFolds(actual, 10, 3);
    for (let k = 0; k < 10; k++) {
      expect(folds.filter((f, i) => f === k && actual[i]).length).toBe(1);
      expect(folds.filter((f) => f === k).length).toBe(10);
    }
    expect(stratifiedFolds(actual, 10, 3)).toEqual(folds);
    expect(stratifiedFolds(actual, 10, 4)).not.toEqual(folds);
  });
});

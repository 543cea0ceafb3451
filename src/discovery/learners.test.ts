import { describe, expect, it } from 'vitest';
import { boostedContributions, predictBoosted, trainGradientBoosting } from './gradient-boosting.ts';
import { logisticContributions, predictLogistic, trainLogisticRegression } from './logistic-regression.ts';
import { createRng } from './rng.ts';

// y = 1 when x0 + noise > 0.5; x1 is pure noise.
function toyData(n: number, seed: number): { x: number[][]; y: boolean[] } {
  const rand = createRng(seed);
  const x: number[][] = [];
  const y: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const a = rand();
    x.push([a, rand()]);
    y.push(a + (rand() - 0.5) * 0.2 > 0.5);
  }
  return { x, y };
}

describe('logistic regression', () => {
  it('learns the informative feature and ignores the noise', () => {
    const { x, y } = toyData(400, 1);
    const m = trainLogisticRegression(x, y, { l2: 0.1 });
    expect(m.weights[0]!).toBeGreaterThan(3);
    // Near-separable data gives large weights; the noise weight is small relative to the signal.
    expect(Math.abs(m.weights[1]!)).toBeLessThan(0.15 * m.weights[0]!);
    expect(predictLogistic(m, [0.9, 0.5])).toBeGreaterThan(0.9);
    expect(predictLogistic(m, [0.1, 0.5])).toBeLessThan(0.1);
    const c = logisticContributions(m, [0.9, 0.5]);
    expect(c[0]!).toBeGreaterThan(Math.abs(c[1]!));
  });
});

describe('gradient boosting', () => {
  it('learns a threshold, deterministically per seed', () => {
    const { x, y } = toyData(400, 2);
    const m = trainGradientBoosting(x, y, { rounds: 50, seed: 5 });
    expect(predictBoosted(m, [0.9, 0.5])).toBeGreaterThan(0.9);
    expect(predictBoosted(m, [0.1, 0.5])).toBeLessThan(0.1);
    expect(trainGradientBoosting(x, y, { rounds: 50, seed: 5 })).toEqual(m);
    const c = boostedContributions(m, [0.9, 0.5], 2);
    expect(c[0]!).toBeGreaterThan(Math.abs(c[1]!));
  });

  it('only splits on allowed columns', () => {
    const { x, y } = toyData(200, 3);
    const m = trainGradientBoosting(x, y, { rounds: 10, columns: [1] });
    expect(m.trees.flat().every((node) => node.feature === -1 || node.feature === 1)).toBe(true);
  });
});

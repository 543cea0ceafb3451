/**
 * L2-regularised logistic regression on standardised features, fitted with Newton's method.
 *
 * Newton converges in a handful of steps on the few dozen features used here and is fully
 * deterministic, so there is no learning rate to tune and no seed to carry.
 */

export interface LogisticModel {
  kind: 'logistic';
  /** Per-feature mean and standard deviation used to standardise inputs. */
  mean: number[];
  std: number[];
  /** Weights on standardised features; contribution_i = weights[i] * z_i. */
  weights: number[];
  bias: number;
}

export interface LogisticOptions {
  /** L2 penalty on the standardised weights (not on the bias). */
  l2?: number;
  maxIterations?: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Solves A x = b for symmetric positive-definite A (Cholesky). */
function solveSpd(a: number[][], b: number[]): number[] {
  const n = b.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = (a[i] as number[])[j] as number;
      for (let k = 0; k < j; k++) sum -= ((l[i] as number[])[k] as number) * ((l[j] as number[])[k] as number);
      if (i === j) (l[i] as number[])[i] = Math.sqrt(Math.max(sum, 1e-12));
      else (l[i] as number[])[j] = sum / ((l[j] as number[])[j] as number);
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= ((l[i] as number[])[k] as number) * (y[k] as number);
    y[i] = sum / ((l[i] as number[])[i] as number);
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i] as number;
    for (let k = i + 1; k < n; k++) sum -= ((l[k] as number[])[i] as number) * (x[k] as number);
    x[i] = sum / ((l[i] as number[])[i] as number);
  }
  return x;
}

/** Standardisation statistics; constant columns get std 1 so they standardise to 0. */
function columnStats(rows: readonly number[][]): { mean: number[]; std: number[] } {
  const d = rows[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const r of rows) r.forEach((v, j) => (mean[j] = (mean[j] as number) + v / rows.length));
  for (const r of rows) r.forEach((v, j) => (std[j] = (std[j] as number) + (v - (mean[j] as number)) ** 2 / rows.length));
  return { mean, std: std.map((s) => (s > 1e-12 ? Math.sqrt(s) : 1)) };
}

/**
 * Fits the model. `labels[i]` true = positive class.
 *
 * @example
 * const m = trainLogisticRegression([[0], [1], [2], [3]], [false, false, true, true]);
 * predictLogistic(m, [3]) > 0.5; // true
 */
export function trainLogisticRegression(
  rows: readonly number[][],
  labels: readonly boolean[],
  options: LogisticOptions = {},
): LogisticModel {
  const l2 = options.l2 ?? 1;
  const { mean, std } = columnStats(rows);
  const z = rows.map((r) => r.map((v, j) => (v - (mean[j] as number)) / (std[j] as number)));
  const d = mean.length;
  // Parameter vector: [bias, w_0 … w_{d-1}], with the bias first and unpenalised.
  let theta = new Array<number>(d + 1).fill(0);
  for (let iter = 0; iter < (options.maxIterations ?? 50); iter++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    z.forEach((x, i) => {
      let s = theta[0] as number;
      for (let j = 0; j < d; j++) s += (theta[j + 1] as number) * (x[j] as number);
      const p = sigmoid(s);
      const err = p - (labels[i] ? 1 : 0);
      const w = Math.max(p * (1 - p), 1e-9);
      const xe = [1, ...x];
      for (let a = 0; a <= d; a++) {
        grad[a] = (grad[a] as number) + err * (xe[a] as number);
        const row = hess[a] as number[];
        for (let b = 0; b <= a; b++) row[b] = (row[b] as number) + w * (xe[a] as number) * (xe[b] as number);
      }
    });
    for (let a = 0; a <= d; a++) {
      for (let b = a + 1; b <= d; b++) (hess[a] as number[])[b] = (hess[b] as number[])[a] as number;
      if (a > 0) {
        grad[a] = (grad[a] as number) + l2 * (theta[a] as number);
        (hess[a] as number[])[a] = ((hess[a] as number[])[a] as number) + l2;
      }
    }
    const step = solveSpd(hess, grad);
    theta = theta.map((t, k) => t - (step[k] as number));
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { kind: 'logistic', mean, std, weights: theta.slice(1), bias: theta[0] as number };
}

/** Per-feature contributions to the log-odds (weight × standardised value). */
export function logisticContributions(model: LogisticModel, features: readonly number[]): number[] {
  return model.weights.map((w, j) => w * (((features[j] as number) - (model.mean[j] as number)) / (model.std[j] as number)));
}

/** Probability of the positive class. */
export function predictLogistic(model: LogisticModel, features: readonly number[]): number {
  return sigmoid(model.bias + logisticContributions(model, features).reduce((a, b) => a + b, 0));
}

/**
 * Gradient-boosted shallow trees for binary classification (logistic loss, Newton leaves),
 * in the style of XGBoost but small: a few hundred rows, a dozen features.
 *
 * Features are binned into quantiles once; each tree level builds one gradient histogram per
 * feature, so a round costs O(rows × features × depth) plus a scan of the bins.
 */
import { createRng } from './rng.ts';

interface TreeNode {
  /** −1 for a leaf. */
  feature: number;
  threshold: number;
  left: number;
  right: number;
  /** Newton value (already scaled by the learning rate) of the rows that reached this node. */
  value: number;
}

export interface BoostedModel {
  kind: 'boosted';
  /** Prior log-odds. */
  base: number;
  trees: TreeNode[][];
}

export interface BoostingOptions {
  rounds?: number;
  depth?: number;
  learningRate?: number;
  /** L2 on leaf values (XGBoost's lambda). */
  lambda?: number;
  /** Minimum summed hessian in a child; stops splits on a handful of rows. */
  minChildWeight?: number;
  /** Chance that each row is used by a given tree (stochastic boosting). */
  subsample?: number;
  seed?: number;
  /** Quantile bins per feature (at most 255); split search scans bins, not rows. */
  maxBins?: number;
  /** Columns the trees may split on (default all); others are ignored. */
  columns?: readonly number[] | null;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Feature matrix pre-binned into quantile bins, as histogram GBMs (LightGBM) do. */
interface Binned {
  /** cuts[j][b]: upper edge of bin b of feature j; x < cuts[j][b] means bin <= b. */
  cuts: Float64Array[];
  /** bins[j][i]: bin of row i for feature j. */
  bins: Uint8Array[];
}

function binFeatures(rows: readonly number[][], maxBins: number, columns: readonly number[] | null): Binned {
  const d = rows[0]?.length ?? 0;
  const cuts: Float64Array[] = [];
  const bins: Uint8Array[] = [];
  for (let j = 0; j < d; j++) {
    if (columns && !columns.includes(j)) {
      // No cut points: the split search skips this column.
      cuts.push(new Float64Array(0));
      bins.push(new Uint8Array(0));
      continue;
    }
    const values = rows.map((r) => r[j] as number).sort((a, b) => a - b);
    const distinct = [...new Set(values)];
    let edges: number[];
    if (distinct.length <= maxBins) {
      edges = distinct.slice(1).map((v, k) => ((distinct[k] as number) + v) / 2);
    } else {
      // Quantile edges, deduplicated: each bin holds roughly the same number of rows.
      const set = new Set<number>();
      for (let b = 1; b < maxBins; b++) {
        const v = values[Math.floor((b * values.length) / maxBins)] as number;
        const k = distinct.indexOf(v);
        if (k > 0) set.add(((distinct[k - 1] as number) + v) / 2);
      }
      edges = [...set].sort((a, b) => a - b);
    }
    const cut = Float64Array.from(edges);
    cuts.push(cut);
    bins.push(
      Uint8Array.from(rows, (r) => {
        const x = r[j] as number;
        let lo = 0;
        let hi = cut.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (x < (cut[mid] as number)) hi = mid;
          else lo = mid + 1;
        }
        return lo;
      }),
    );
  }
  return { cuts, bins };
}

function buildTree(
  binned: Binned,
  grad: Float64Array,
  hess: Float64Array,
  inSample: Uint8Array,
  o: Required<BoostingOptions>,
): { tree: TreeNode[]; leafOf: Int32Array } {
  const n = grad.length;
  const maxNodes = 2 ** (o.depth + 1);
  const nodes: TreeNode[] = [];
  // Every row is routed (so the caller can update its score), but only sampled rows count.
  const nodeOf = new Int32Array(n);
  const totG = new Float64Array(maxNodes);
  const totH = new Float64Array(maxNodes);
  const leafValue = (g: number, h: number) => (o.learningRate * g) / (h + o.lambda);
  for (let i = 0; i < n; i++) {
    if (!inSample[i]) continue;
    totG[0] = (totG[0] as number) + (grad[i] as number);
    totH[0] = (totH[0] as number) + (hess[i] as number);
  }
  nodes.push({ feature: -1, threshold: 0, left: -1, right: -1, value: leafValue(totG[0] as number, totH[0] as number) });
  const splitBin = new Int32Array(maxNodes);
  let frontier = [0];
  for (let level = 0; level < o.depth && frontier.length > 0; level++) {
    const best = new Map<number, { gain: number; feature: number; bin: number; gl: number; hl: number }>();
    binned.bins.forEach((binsJ, j) => {
      const nb = (binned.cuts[j] as Float64Array).length + 1;
      if (nb < 2) return;
      const histG = new Float64Array(maxNodes * nb);
      const histH = new Float64Array(maxNodes * nb);
      for (let i = 0; i < n; i++) {
        if (!inSample[i]) continue;
        const k = (nodeOf[i] as number) * nb + (binsJ[i] as number);
        histG[k] = (histG[k] as number) + (grad[i] as number);
        histH[k] = (histH[k] as number) + (hess[i] as number);
      }
      for (const id of frontier) {
        const tg = totG[id] as number;
        const th = totH[id] as number;
        const parent = (tg * tg) / (th + o.lambda);
        let gl = 0;
        let hl = 0;
        for (let b = 0; b < nb - 1; b++) {
          gl += histG[id * nb + b] as number;
          hl += histH[id * nb + b] as number;
          const hr = th - hl;
          if (hl < o.minChildWeight || hr < o.minChildWeight) continue;
          const gr = tg - gl;
          const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parent;
          const cur = best.get(id);
          if (gain > 1e-9 && (!cur || gain > cur.gain)) best.set(id, { gain, feature: j, bin: b, gl, hl });
        }
      }
    });
    const next: number[] = [];
    for (const id of frontier) {
      const split = best.get(id);
      if (!split) continue;
      const left = nodes.length;
      const gr = (totG[id] as number) - split.gl;
      const hr = (totH[id] as number) - split.hl;
      nodes.push({ feature: -1, threshold: 0, left: -1, right: -1, value: leafValue(split.gl, split.hl) });
      nodes.push({ feature: -1, threshold: 0, left: -1, right: -1, value: leafValue(gr, hr) });
      const threshold = (binned.cuts[split.feature] as Float64Array)[split.bin] as number;
      Object.assign(nodes[id] as TreeNode, { feature: split.feature, threshold, left, right: left + 1 });
      splitBin[id] = split.bin;
      totG[left] = split.gl;
      totH[left] = split.hl;
      totG[left + 1] = gr;
      totH[left + 1] = hr;
      next.push(left, left + 1);
    }
    for (let i = 0; i < n; i++) {
      const node = nodes[nodeOf[i] as number] as TreeNode;
      if (node.feature < 0) continue;
      const bin = (binned.bins[node.feature] as Uint8Array)[i] as number;
      nodeOf[i] = bin <= (splitBin[nodeOf[i] as number] as number) ? node.left : node.right;
    }
    frontier = next;
  }
  return { tree: nodes, leafOf: nodeOf };
}

function treeOutput(tree: readonly TreeNode[], x: readonly number[]): number {
  let n = tree[0] as TreeNode;
  while (n.feature >= 0) n = tree[(x[n.feature] as number) < n.threshold ? n.left : n.right] as TreeNode;
  return n.value;
}

/**
 * Trains the ensemble. `labels[i]` true = positive class.
 *
 * @example
 * const m = trainGradientBoosting([[0], [1], [2], [3]], [false, false, true, true], { minChildWeight: 0 });
 * predictBoosted(m, [3]) > 0.5; // true
 */
export function trainGradientBoosting(
  rows: readonly number[][],
  labels: readonly boolean[],
  options: BoostingOptions = {},
): BoostedModel {
  const o: Required<BoostingOptions> = {
    rounds: 200,
    depth: 2,
    learningRate: 0.1,
    lambda: 1,
    minChildWeight: 1,
    subsample: 0.8,
    seed: 1,
    maxBins: 64,
    columns: null,
    ...options,
  };
  const n = rows.length;
  const y = labels.map((l) => (l ? 1 : 0));
  const pos = y.reduce<number>((a, b) => a + b, 0);
  const prior = Math.min(Math.max(pos / Math.max(n, 1), 1e-6), 1 - 1e-6);
  const base = Math.log(prior / (1 - prior));
  // Bin indices are stored as bytes.
  const binned = binFeatures(rows, Math.min(o.maxBins, 255), o.columns);
  const f = new Float64Array(n).fill(base);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const inSample = new Uint8Array(n);
  const rand = createRng(o.seed);
  const trees: TreeNode[][] = [];
  for (let round = 0; round < o.rounds; round++) {
    for (let i = 0; i < n; i++) {
      const p = sigmoid(f[i] as number);
      grad[i] = (y[i] as number) - p;
      hess[i] = Math.max(p * (1 - p), 1e-9);
      inSample[i] = rand() < o.subsample ? 1 : 0;
    }
    const { tree, leafOf } = buildTree(binned, grad, hess, inSample, o);
    trees.push(tree);
    for (let i = 0; i < n; i++) f[i] = (f[i] as number) + (tree[leafOf[i] as number] as TreeNode).value;
  }
  return { kind: 'boosted', base, trees };
}

/** Probability of the positive class. */
export function predictBoosted(model: BoostedModel, x: readonly number[]): number {
  let f = model.base;
  for (const t of model.trees) f += treeOutput(t, x);
  return sigmoid(f);
}

/**
 * Per-feature contributions to the log-odds (Saabas path attribution): each split along the
 * path credits its feature with the change in node value. They sum to logit(p) − base − root values.
 */
export function boostedContributions(model: BoostedModel, x: readonly number[], featureCount: number): number[] {
  const out = new Array<number>(featureCount).fill(0);
  for (const tree of model.trees) {
    let n = tree[0] as TreeNode;
    while (n.feature >= 0) {
      const child = tree[(x[n.feature] as number) < n.threshold ? n.left : n.right] as TreeNode;
      out[n.feature] = (out[n.feature] as number) + child.value - n.value;
      n = child;
    }
  }
  return out;
}

import { loadSrfAccounts } from '../src/discovery/load-training-data.ts';
import { extractAccountFeatures } from '../src/discovery/account-features.ts';
import { trainLogisticRegression, predictLogistic } from '../src/discovery/logistic-regression.ts';
import { trainGradientBoosting, predictBoosted } from '../src/discovery/gradient-boosting.ts';
import { stratifiedFolds, sensitivityAtSpecificity } from '../src/discovery/classification-metrics.ts';

const rows = loadSrfAccounts();
const X = rows.map(extractAccountFeatures);
const y = rows.map(r => r.fake);
const sel = (cols: number[] | null) => X.map(r => cols ? cols.map(c => r[c]!) : r);
type Fit = (X: number[][], y: boolean[]) => (x: number[]) => number;
function cv(name: string, fit: Fit, Xs: number[][], seeds = [1,2,3,4,5]) {
  const res: number[] = []; const res95: number[] = [];
  const t0 = Date.now();
  for (const seed of seeds) {
    const folds = stratifiedFolds(y, 10, seed);
    const scores = new Array(y.length).fill(0);
    for (let k = 0; k < 10; k++) {
      const tr = y.map((_, i) => i).filter(i => folds[i] !== k);
      const f = fit(tr.map(i => Xs[i]!), tr.map(i => y[i]!));
      y.forEach((_, i) => { if (folds[i] === k) scores[i] = f(Xs[i]!); });
    }
    res.push(sensitivityAtSpecificity(scores, y, 0.96).sensitivity);
    res95.push(sensitivityAtSpecificity(scores, y, 0.95).sensitivity);
  }
  const m = (a: number[]) => (a.reduce((x, z) => x + z, 0) / a.length);
  console.log(name.padEnd(40), 'sens@96', m(res).toFixed(3), res.map(v=>v.toFixed(2)).join(' '), 'sens@95', m(res95).toFixed(3), `${Date.now()-t0}ms`);
}
const lr = (l2: number): Fit => (X, y) => { const m = trainLogisticRegression(X, y, { l2 }); return x => predictLogistic(m, x); };
const gb = (o: any): Fit => (X, y) => { const m = trainGradientBoosting(X, y, o); return x => predictBoosted(m, x); };
const base = [0,1,2,3,5,6];
const all = null;
for (const l2 of [0.1, 1, 10]) { cv(`lr base l2=${l2}`, lr(l2), sel(base)); cv(`lr all l2=${l2}`, lr(l2), sel(all)); }
for (const depth of [1,2,3]) for (const rounds of [100, 300]) for (const lrn of [0.05, 0.1]) {
  cv(`gb base d${depth} r${rounds} lr${lrn}`, gb({depth, rounds, learningRate: lrn}), sel(base));
  cv(`gb all d${depth} r${rounds} lr${lrn}`, gb({depth, rounds, learningRate: lrn}), sel(all));
}

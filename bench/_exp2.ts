import { loadSrfAccounts } from '../src/discovery/load-training-data.ts';
import { extractAccountFeatures } from '../src/discovery/account-features.ts';
import { trainLogisticRegression, predictLogistic } from '../src/discovery/logistic-regression.ts';
import { trainGradientBoosting, predictBoosted } from '../src/discovery/gradient-boosting.ts';
import { stratifiedFolds, sensitivityAtSpecificity } from '../src/discovery/classification-metrics.ts';

const rows = loadSrfAccounts();
const y = rows.map(r => r.fake);
const extra = (r: any) => {
  const u: string = r.username;
  const letters = u.replace(/[^a-z]/gi, '');
  const vow = (letters.match(/[aeiouy]/gi) ?? []).length;
  return [
    r.followers === 0 ? 1 : 0,
    r.posts === 0 ? 1 : 0,
    Math.log1p(r.following) ** 2,
    Math.log1p(r.posts) ** 2,
    letters.length ? vow / letters.length : 0,
    (u.match(/[._]/g) ?? []).length,
    Math.log1p(r.following) * Math.log1p(r.posts),
  ];
};
const X0 = rows.map(extractAccountFeatures);
const X1 = rows.map((r, i) => [...X0[i]!, ...extra(r)]);
type Fit = (X: number[][], y: boolean[]) => (x: number[]) => number;
function cv(name: string, fit: Fit, Xs: number[][], seeds = [1,2,3,4,5]) {
  const res: number[] = []; const res95: number[] = []; const t0 = Date.now();
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
const logit = (p: number) => Math.log(p / (1 - p));
const lr = (l2: number): Fit => (X, y) => { const m = trainLogisticRegression(X, y, { l2 }); return x => predictLogistic(m, x); };
const gb = (o: any): Fit => (X, y) => { const m = trainGradientBoosting(X, y, o); return x => predictBoosted(m, x); };
const ens = (a: Fit, b: Fit, wa = 0.5): Fit => (X, y) => { const fa = a(X, y), fb = b(X, y); return x => wa * logit(fa(x)) + (1 - wa) * logit(fb(x)); };
const S = [6,7,8,9,10,11,12,13,14,15];
const X0e = rows.map((r, i) => [...X0[i]!, ...extra(r).slice(0, 2)]);
cv('ens gb16 + lrX1', ens(gb({ depth: 2, rounds: 200, minChildWeight: 3, maxBins: 16 }), lr(0.1)), X1, S);
cv('ens gb255 + lrX1', ens(gb({ depth: 2, rounds: 200, minChildWeight: 3, maxBins: 255 }), lr(0.1)), X1, S);
cv('gb X0 d2 r200 mcw3 bins16 lr.05', gb({ depth: 2, rounds: 200, minChildWeight: 3, maxBins: 16, learningRate: 0.05 }), X0, S);
cv('gb X0 d3 r150 mcw3 bins16', gb({ depth: 3, rounds: 150, minChildWeight: 3, maxBins: 16 }), X0, S);
cv('gb X0 d2 r200 mcw3 bins8', gb({ depth: 2, rounds: 200, minChildWeight: 3, maxBins: 8 }), X0, S);
cv('gb X0 d2 r200 mcw4 bins16', gb({ depth: 2, rounds: 200, minChildWeight: 4, maxBins: 16 }), X0, S);

import { loadYoutubeSpamComments } from '../src/discovery/load-training-data.ts';
import { trainSpamModel, spamProbability, type SpamTrainingOptions } from '../src/discovery/spam-comment-model.ts';
import { stratifiedFolds, evaluateBinary } from '../src/discovery/classification-metrics.ts';
const rows = loadYoutubeSpamComments(); const y = rows.map(r => r.spam);
function cv(name: string, o: SpamTrainingOptions, seeds = [1, 2, 3]) {
  const accs: number[] = []; const f1s: number[] = []; const t0 = Date.now();
  for (const seed of seeds) {
    const folds = stratifiedFolds(y, 10, seed); const pred = new Array(y.length).fill(false);
    for (let k = 0; k < 10; k++) {
      const m = trainSpamModel(rows.filter((_, i) => folds[i] !== k), o);
      rows.forEach((r, i) => { if (folds[i] === k) pred[i] = spamProbability(m, r.text, o) >= 0.5; });
    }
    const e = evaluateBinary(y, pred); accs.push(e.accuracy); f1s.push(e.f1);
  }
  const m = (a: number[]) => a.reduce((x, z) => x + z, 0) / a.length;
  console.log(name.padEnd(30), 'acc', m(accs).toFixed(4), 'f1', m(f1s).toFixed(4), `${Date.now() - t0}ms`);
}
for (const alpha of [0.1, 0.5, 1]) for (const charNgrams of [[], [3], [3, 4], [2, 3, 4, 5]]) cv(`a${alpha} c${charNgrams.join('')}`, { alpha, charNgrams });

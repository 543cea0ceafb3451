import { describe, expect, it } from 'vitest';
import { evaluateBinary, sensitivityAtSpecificity, stratifiedFolds } from './classification-metrics.ts';
import { fakeProbability, getDefaultFakeAccountModel, scoreAccounts, trainFakeAccountModel } from './fake-account-model.ts';
import { loadSrfAccounts } from './load-training-data.ts';

const rows = loadSrfAccounts();
const bot = { username: 'x_99213', followers: 12, following: 7_400, posts: 0, hasProfilePicture: false, isPrivate: false };
const person = { username: 'anna.mueller', followers: 540, following: 380, posts: 120, hasProfilePicture: true, isPrivate: true };

describe('fake-account model', () => {
  it('labels an obvious bot fake and an ordinary account real, with reasons', () => {
    const model = getDefaultFakeAccountModel();
    const [a, b] = scoreAccounts(model, [bot, person]);
    expect(a!.label).toBe('fake');
    expect(a!.fakeProbability).toBeGreaterThan(0.9);
    expect(a!.reasons[0]!.code).toBe('MODEL_FOLLOWING');
    expect(a!.reasons[0]!.message).toMatch(/^Follows 7,400 accounts.*points to fake/);
    expect(a!.reasons[0]!.evidence.following).toBe(7_400);
    expect(b!.label).toBe('real');
    expect(b!.fakeProbability).toBeLessThan(0.05);
    expect(b!.reasons.every((r) => r.message.endsWith('points to real.'))).toBe(true);
  });

  it('picks a threshold that flags about 4.5% of real training accounts', () => {
    const model = getDefaultFakeAccountModel();
    expect(model.targetSpecificity).toBe(0.955);
    expect(model.threshold).toBeGreaterThan(0.01);
    expect(model.threshold).toBeLessThan(0.9);
    expect(getDefaultFakeAccountModel()).toBe(model);
  });

  it('is deterministic', () => {
    const subset = rows.slice(0, 400);
    expect(fakeProbability(trainFakeAccountModel(subset), bot)).toBe(fakeProbability(trainFakeAccountModel(subset), bot));
  });

  // Small, fast version of bench/authenticity.ts: 4-fold CV must beat the always-"real" baseline
  // (F1 0, MCC 0, sensitivity 0) by a wide margin.
  it('beats the always-real baseline in cross-validation', () => {
    const actual = rows.map((r) => r.fake);
    const folds = stratifiedFolds(actual, 4, 11);
    const scores = new Array<number>(rows.length).fill(0);
    const predicted = new Array<boolean>(rows.length).fill(false);
    for (let k = 0; k < 4; k++) {
      const model = trainFakeAccountModel(rows.filter((_, i) => folds[i] !== k), { thresholdFolds: 3, boosting: { rounds: 100, depth: 2, minChildWeight: 3, maxBins: 16 } });
      rows.forEach((r, i) => {
        if (folds[i] !== k) return;
        scores[i] = fakeProbability(model, r);
        predicted[i] = scores[i]! >= model.threshold;
      });
    }
    const m = evaluateBinary(actual, predicted);
    expect(m.mcc).toBeGreaterThan(0.55);
    expect(m.f1).toBeGreaterThan(0.55);
    expect(m.specificity).toBeGreaterThan(0.92);
    expect(sensitivityAtSpecificity(scores, actual, 0.96).sensitivity).toBeGreaterThan(0.65);
  });
});

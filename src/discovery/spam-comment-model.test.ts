import { describe, expect, it } from 'vitest';
import { evaluateBinary, stratifiedFolds } from './classification-metrics.ts';
import { loadYoutubeSpamComments } from './load-training-data.ts';
import { classifyComments, getDefaultSpamModel, spamProbability, tokenizeComment, trainSpamModel } from './spam-comment-model.ts';

describe('tokenizeComment', () => {
  it('collapses URLs and digits and adds bigrams', () => {
    expect(tokenizeComment('Check out my channel: www.x.com', { charNgrams: [] })).toEqual([
      'check', 'out', 'my', 'channel', '__url__', 'check out', 'out my', 'my channel', 'channel __url__',
    ]);
    expect(tokenizeComment('visit http://bit.ly/abc 2024', { charNgrams: [] })).toEqual(['visit', '__url__', '0000', 'visit __url__', '__url__ 0000']);
    expect(tokenizeComment('ab', { charNgrams: [3] })).toEqual(['ab', '# ab', '#ab ']);
    expect(tokenizeComment('SUBSCRIBE NOW!!', { charNgrams: [] })).toContain('__shouting__');
  });
});

describe('spam model', () => {
  it('separates self-promotion from reactions to the video', () => {
    const model = getDefaultSpamModel();
    const out = classifyComments(model, [
      'Check out my channel for more music, please subscribe!',
      'Free iTunes gift cards at www.freegifts.com',
      'This song never gets old, still listening in 2025',
      'Shakira is so talented, love her voice',
    ]);
    expect(out.map((c) => c.label)).toEqual(['spam', 'spam', 'ham', 'ham']);
    expect(out[0]!.spamProbability).toBeGreaterThan(0.9);
  });

  // Small, fast version of bench/authenticity.ts: 3-fold CV against the majority baseline (51.4%).
  it('beats the majority baseline in cross-validation', () => {
    const rows = loadYoutubeSpamComments();
    const actual = rows.map((r) => r.spam);
    const folds = stratifiedFolds(actual, 3, 5);
    const predicted = new Array<boolean>(rows.length).fill(false);
    for (let k = 0; k < 3; k++) {
      const model = trainSpamModel(rows.filter((_, i) => folds[i] !== k));
      rows.forEach((r, i) => {
        if (folds[i] === k) predicted[i] = spamProbability(model, r.text) >= model.threshold;
      });
    }
    const m = evaluateBinary(actual, predicted);
    expect(m.accuracy).toBeGreaterThan(0.92);
    expect(m.f1).toBeGreaterThan(0.92);
  });
});

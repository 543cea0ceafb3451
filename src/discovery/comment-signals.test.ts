import { describe, expect, it } from 'vitest';
import { analyzeComments } from './comment-signals.ts';
import { getDefaultSpamModel, spamProbability } from './spam-comment-model.ts';
import { makeComment } from './test-helpers.ts';

describe('analyzeComments', () => {
  it('leaves emoji-only comments to the emoji rule instead of counting the spam prior', () => {
    const model = getDefaultSpamModel();
    expect(spamProbability(model, '🔥🔥🔥')).toBeGreaterThanOrEqual(model.threshold); // the prior alone
    const s = analyzeComments([makeComment('a', '🔥🔥🔥'), makeComment('b', '😍'), makeComment('c', 'subscribe to my channel please!! www.x.com')], model);
    expect(s).toMatchObject({ total: 3, emojiOnly: 2, spam: 1 });
  });
});

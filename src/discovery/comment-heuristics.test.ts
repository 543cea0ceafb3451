import { describe, expect, it } from 'vitest';
import { duplicateKey, isEmojiOnly, isGenericComment } from './comment-heuristics.ts';

describe('comment heuristics', () => {
  it.each([
    ['🔥🔥🔥', true],
    ['😍😍 !!', true],
    ['👍🏽', true],
    ['❤️', true],
    ['🇩🇪', true],
    ['❤️ so good', false],
    ['', false],
    ['...', false],
  ])('isEmojiOnly(%j) = %s', (text, expected) => {
    expect(isEmojiOnly(text)).toBe(expected);
  });

  it.each([
    ['Nice pic!! 😍', true],
    ['Amazing!!!', true],
    ['wooooow', true],
    ['so beautiful ❤️', true],
    ['great content keep it up', true],
    ['hahaha love it', true],
    ['Where did you get that jacket?', false],
    ['love this recipe', false],
    ['nice nice nice nice nice nice', false],
    ['🔥🔥', false],
  ])('isGenericComment(%j) = %s', (text, expected) => {
    expect(isGenericComment(text)).toBe(expected);
  });

  it('normalises duplicates', () => {
    expect(duplicateKey('Great   post!!')).toBe('greatpost');
    expect(duplicateKey('great post')).toBe('greatpost');
    expect(duplicateKey('🔥 fire')).toBe('🔥fire');
  });
});

import { describe, expect, it } from 'vitest';
import { ACCOUNT_FEATURES, extractAccountFeatures } from './account-features.ts';

const value = (name: string, account: Parameters<typeof extractAccountFeatures>[0]) =>
  extractAccountFeatures(account)[ACCOUNT_FEATURES.findIndex((f) => f.name === name)];

describe('extractAccountFeatures', () => {
  const bot = { username: 'hdyshbs_4411', followers: 0, following: 7_499, posts: 0, hasProfilePicture: false, isPrivate: false };
  it('computes count, ratio and username features', () => {
    expect(value('log_following', bot)).toBeCloseTo(Math.log(7_500), 12);
    expect(value('log_follower_following_ratio', bot)).toBeCloseTo(Math.log(1 / 7_500), 12);
    expect(value('no_profile_picture', bot)).toBe(1);
    expect(value('no_followers', bot)).toBe(1);
    expect(value('username_length', bot)).toBe(12);
    expect(value('username_digit_ratio', bot)).toBeCloseTo(4 / 12, 12);
    expect(value('username_trailing_digits', bot)).toBe(4);
    // "y" counts as a vowel, so "hdyshbs" splits into "hd" and "shbs"
    expect(value('username_consonant_run', bot)).toBe(4);
    expect(value('username_separators', bot)).toBe(1);
  });

  it('describes each feature in words', () => {
    expect(ACCOUNT_FEATURES.find((f) => f.name === 'log_following')!.describe(bot)).toBe('follows 7,499 accounts');
    expect(new Set(ACCOUNT_FEATURES.map((f) => f.name)).size).toBe(ACCOUNT_FEATURES.length);
  });
});

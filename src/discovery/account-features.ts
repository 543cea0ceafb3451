/**
 * Turns an account (the SRF columns plus the username) into numeric features for the
 * fake-account model, and says in words what each feature means for the reasons shown to users.
 */
import type { AccountInput } from './types.ts';

/** What a feature is evidence about; reasons group features by concept. */
export type FeatureConcept = 'posts' | 'following' | 'followers' | 'ratio' | 'picture' | 'private' | 'username';

export interface FeatureDefinition {
  name: string;
  concept: FeatureConcept;
  /** A transform only the linear model needs; trees split on the raw column equally well. */
  linearOnly?: boolean;
  /** Describes the raw evidence behind the feature, for reasons shown to users. */
  describe: (account: AccountInput) => string;
  value: (account: AccountInput) => number;
}

const VOWELS = /[aeiouy]/;

function lettersOnly(username: string): string {
  return username.toLowerCase().replace(/[^a-z]/g, '');
}

/** Longest run of consonants: machine-made handles ("hdyshbs", "msnsdnsmsks") have long ones. */
function longestConsonantRun(username: string): number {
  let best = 0;
  let run = 0;
  for (const ch of lettersOnly(username)) {
    run = VOWELS.test(ch) ? 0 : run + 1;
    best = Math.max(best, run);
  }
  return best;
}

function vowelShare(username: string): number {
  const letters = lettersOnly(username);
  if (letters.length === 0) return 0;
  return [...letters].filter((ch) => VOWELS.test(ch)).length / letters.length;
}

function digitCount(username: string): number {
  return (username.match(/\d/g) ?? []).length;
}

function trailingDigits(username: string): number {
  return /(\d+)$/.exec(username)?.[1]?.length ?? 0;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The model's features, in column order. Counts go through log1p because they span five
 * orders of magnitude and fake accounts differ from real ones by multiples, not by differences.
 */
export const ACCOUNT_FEATURES: readonly FeatureDefinition[] = [
  {
    name: 'log_posts',
    concept: 'posts',
    value: (a) => Math.log1p(a.posts),
    describe: (a) => `${fmt(a.posts)} posts`,
  },
  {
    name: 'log_following',
    concept: 'following',
    value: (a) => Math.log1p(a.following),
    describe: (a) => `follows ${fmt(a.following)} accounts`,
  },
  {
    name: 'log_followers',
    concept: 'followers',
    value: (a) => Math.log1p(a.followers),
    describe: (a) => `${fmt(a.followers)} followers`,
  },
  {
    name: 'log_follower_following_ratio',
    concept: 'ratio',
    value: (a) => Math.log((a.followers + 1) / (a.following + 1)),
    describe: (a) =>
      `followers/following ratio ${((a.followers + 1) / (a.following + 1)).toFixed(2)} (${fmt(a.followers)}/${fmt(a.following)})`,
  },
  {
    name: 'log_posts_per_following',
    concept: 'posts',
    value: (a) => Math.log((a.posts + 1) / (a.following + 1)),
    describe: (a) => `${fmt(a.posts)} posts against ${fmt(a.following)} accounts followed`,
  },
  {
    name: 'no_profile_picture',
    concept: 'picture',
    value: (a) => (a.hasProfilePicture ? 0 : 1),
    describe: (a) => (a.hasProfilePicture ? 'has a profile picture' : 'no profile picture'),
  },
  {
    name: 'private',
    concept: 'private',
    value: (a) => (a.isPrivate ? 1 : 0),
    describe: (a) => (a.isPrivate ? 'private account' : 'public account'),
  },
  {
    name: 'username_length',
    concept: 'username',
    value: (a) => a.username.length,
    describe: (a) => `username "${a.username}" is ${a.username.length} characters long`,
  },
  {
    name: 'username_digit_ratio',
    concept: 'username',
    value: (a) => (a.username.length === 0 ? 0 : digitCount(a.username) / a.username.length),
    describe: (a) => `username "${a.username}" has ${digitCount(a.username)} digits`,
  },
  {
    name: 'username_trailing_digits',
    concept: 'username',
    value: (a) => trailingDigits(a.username),
    describe: (a) => `username "${a.username}" ends in ${trailingDigits(a.username)} digits`,
  },
  {
    name: 'username_consonant_run',
    concept: 'username',
    value: (a) => longestConsonantRun(a.username),
    describe: (a) => `username "${a.username}" has a run of ${longestConsonantRun(a.username)} consonants`,
  },
  {
    name: 'username_vowel_share',
    concept: 'username',
    value: (a) => vowelShare(a.username),
    describe: (a) => `username "${a.username}" is ${Math.round(vowelShare(a.username) * 100)}% vowels`,
  },
  {
    name: 'username_separators',
    concept: 'username',
    value: (a) => (a.username.match(/[._]/g) ?? []).length,
    describe: (a) => `username "${a.username}" has ${(a.username.match(/[._]/g) ?? []).length} dots/underscores`,
  },
  // The rest are non-linear terms so the logistic half of the ensemble can bend like the trees.
  {
    name: 'no_followers',
    linearOnly: true,
    concept: 'followers',
    value: (a) => (a.followers === 0 ? 1 : 0),
    describe: (a) => `${fmt(a.followers)} followers`,
  },
  {
    name: 'no_posts',
    linearOnly: true,
    concept: 'posts',
    value: (a) => (a.posts === 0 ? 1 : 0),
    describe: (a) => `${fmt(a.posts)} posts`,
  },
  {
    name: 'log_following_squared',
    linearOnly: true,
    concept: 'following',
    value: (a) => Math.log1p(a.following) ** 2,
    describe: (a) => `follows ${fmt(a.following)} accounts`,
  },
  {
    name: 'log_posts_squared',
    linearOnly: true,
    concept: 'posts',
    value: (a) => Math.log1p(a.posts) ** 2,
    describe: (a) => `${fmt(a.posts)} posts`,
  },
  {
    name: 'log_following_x_log_posts',
    concept: 'following',
    value: (a) => Math.log1p(a.following) * Math.log1p(a.posts),
    describe: (a) => `follows ${fmt(a.following)} accounts with ${fmt(a.posts)} posts`,
  },
];

/**
 * Feature vector of one account, in `ACCOUNT_FEATURES` order.
 *
 * @example
 * extractAccountFeatures({ username: 'ab12', followers: 0, following: 0, posts: 0,
 *   hasProfilePicture: true, isPrivate: false })[8]; // 0.5 (digit ratio)
 */
export function extractAccountFeatures(account: AccountInput): number[] {
  return ACCOUNT_FEATURES.map((f) => f.value(account));
}

/**
 * Builders for tests: a post or account with sensible defaults, overridden field by field.
 * Not used by production code.
 */
import type { Comment, Post, SocialAccount } from './types.ts';

export const DAY_MS = 86_400_000;
export const T0 = Date.UTC(2025, 0, 1);

/** A plain image post at `T0 + day` days with the given counts. */
export function makePost(day: number, overrides: Partial<Post> = {}): Post {
  return {
    platform: 'instagram',
    format: 'image',
    postedAt: new Date(T0 + day * DAY_MS),
    likes: 0,
    comments: 0,
    shares: 0,
    saves: 0,
    views: null,
    sponsored: false,
    gifted: false,
    hasCta: false,
    faceShown: true,
    caption: '',
    hashtags: [],
    ...overrides,
  };
}

export function makeAccount(overrides: Partial<SocialAccount> = {}): SocialAccount {
  return {
    platform: 'instagram',
    handle: 'creator',
    followers: 20_000,
    following: 800,
    postsCount: 300,
    bio: 'Plant-based recipes and running. Zurich.',
    hasProfilePicture: true,
    verified: false,
    ...overrides,
  };
}

export function makeComment(author: string, text: string, postId?: string): Comment {
  return { author, text, postId, postedAt: new Date(T0) };
}

/**
 * Aggregate quality signals over a creator's comments: shares of generic, emoji-only,
 * duplicate and spam comments, and authors who turn up under most posts (engagement pods).
 */
import { duplicateKey, isEmojiOnly, isGenericComment } from './comment-heuristics.ts';
import { spamProbability, type SpamModel } from './spam-comment-model.ts';
import type { Comment } from './types.ts';

export interface CommentSignals {
  total: number;
  generic: number;
  emojiOnly: number;
  /** Comments whose normalised text also appears elsewhere (counting every copy). */
  duplicate: number;
  /** Null when no spam model was given. */
  spam: number | null;
  /** Distinct posts with at least one comment carrying a post id. */
  postsWithComments: number;
  /** Authors who commented on at least REGULAR_AUTHOR_POST_SHARE of those posts. */
  regularAuthors: number;
  /** Comments written by those regular authors. */
  regularAuthorComments: number;
}

/**
 * Copy-paste bots repeat whole sentences; short praise ("nice!") repeats organically, so only
 * texts at least this long (after normalisation) count as duplicates.
 */
export const MIN_DUPLICATE_KEY_LENGTH = 12;
/** An author under at least half of a creator's recent posts is a regular (pod member or superfan). */
export const REGULAR_AUTHOR_POST_SHARE = 0.5;

/**
 * Computes the signals.
 *
 * @example
 * analyzeComments([{ author: 'a', text: 'nice pic', postedAt: new Date() }], null).generic; // 1
 */
export function analyzeComments(comments: readonly Comment[], spamModel: SpamModel | null): CommentSignals {
  const keys = new Map<string, number>();
  for (const c of comments) {
    const k = duplicateKey(c.text);
    if (k.length >= MIN_DUPLICATE_KEY_LENGTH) keys.set(k, (keys.get(k) ?? 0) + 1);
  }
  const postsByAuthor = new Map<string, Set<string>>();
  const commentsByAuthor = new Map<string, number>();
  const posts = new Set<string>();
  for (const c of comments) {
    if (c.postId === undefined) continue;
    posts.add(c.postId);
    const author = c.author.toLowerCase();
    const set = postsByAuthor.get(author) ?? new Set<string>();
    set.add(c.postId);
    postsByAuthor.set(author, set);
    commentsByAuthor.set(author, (commentsByAuthor.get(author) ?? 0) + 1);
  }
  let regularAuthors = 0;
  let regularAuthorComments = 0;
  for (const [author, set] of postsByAuthor) {
    if (posts.size > 0 && set.size / posts.size >= REGULAR_AUTHOR_POST_SHARE) {
      regularAuthors++;
      regularAuthorComments += commentsByAuthor.get(author) ?? 0;
    }
  }
  return {
    total: comments.length,
    generic: comments.filter((c) => isGenericComment(c.text)).length,
    emojiOnly: comments.filter((c) => isEmojiOnly(c.text)).length,
    duplicate: comments.filter((c) => (keys.get(duplicateKey(c.text)) ?? 0) >= 2).length,
    // Emoji-only comments carry no token the model knows, so it would answer its prior (≈ 51% spam)
    // for each; the emoji rule judges them instead.
    spam: spamModel ? comments.filter((c) => !isEmojiOnly(c.text) && spamProbability(spamModel, c.text) >= spamModel.threshold).length : null,
    postsWithComments: posts.size,
    regularAuthors,
    regularAuthorComments,
  };
}

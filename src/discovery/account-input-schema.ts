/**
 * zod schemas for POST /api/v1/authenticity/accounts, so the HTTP layer validates exactly what
 * `scoreAccounts` accepts.
 */
import { z } from 'zod';

/** The issue caps one request at 1,000 accounts; scoring them takes a few milliseconds. */
export const MAX_ACCOUNTS_PER_REQUEST = 1000;

/**
 * One account to score.
 *
 * @example
 * accountInputSchema.parse({ username: 'anna', followers: 10, following: 5, posts: 3,
 *   hasProfilePicture: true, isPrivate: false });
 */
export const accountInputSchema = z.object({
  username: z.string().min(1).max(100),
  biography: z.string().max(2200).optional(),
  followers: z.number().int().nonnegative(),
  following: z.number().int().nonnegative(),
  posts: z.number().int().nonnegative(),
  hasProfilePicture: z.boolean(),
  isPrivate: z.boolean(),
});

export const scoreAccountsRequestSchema = z.object({
  accounts: z.array(accountInputSchema).min(1).max(MAX_ACCOUNTS_PER_REQUEST),
});

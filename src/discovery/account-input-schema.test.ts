import { describe, expect, it } from 'vitest';
import { accountInputSchema, scoreAccountsRequestSchema } from './account-input-schema.ts';

const account = { username: 'anna', followers: 10, following: 5, posts: 3, hasProfilePicture: true, isPrivate: false };

describe('account input schema', () => {
  it('accepts the documented shape, biography optional', () => {
    expect(accountInputSchema.parse(account)).toEqual(account);
    expect(accountInputSchema.parse({ ...account, biography: 'hi' }).biography).toBe('hi');
  });

  it('rejects negative or fractional counts and more than 1,000 accounts', () => {
    expect(accountInputSchema.safeParse({ ...account, followers: -1 }).success).toBe(false);
    expect(accountInputSchema.safeParse({ ...account, posts: 1.5 }).success).toBe(false);
    expect(scoreAccountsRequestSchema.safeParse({ accounts: new Array(1000).fill(account) }).success).toBe(true);
    expect(scoreAccountsRequestSchema.safeParse({ accounts: new Array(1001).fill(account) }).success).toBe(false);
    expect(scoreAccountsRequestSchema.safeParse({ accounts: [] }).success).toBe(false);
  });
});

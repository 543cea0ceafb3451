import type { Context } from '../shared/context.ts';
import { scoreAccountsRequestSchema } from './account-input-schema.ts';
import { getDefaultFakeAccountModel, scoreAccounts } from './fake-account-model.ts';
import type { AccountScore } from './types.ts';

/**
 * Scores up to 1,000 accounts with the fake-account model (no database; the context is taken for
 * the same shape as every verb). Nothing is stored.
 * @example await scoreAccountBatch({ ctx, input: { accounts: [{ username: 'x_9921', followers: 12, following: 7400, posts: 0, hasProfilePicture: false, isPrivate: false }] } })
 */
export async function scoreAccountBatch({ input }: { ctx: Context; input: unknown }): Promise<{ accounts: AccountScore[]; model: { threshold: number; targetSpecificity: number } }> {
  const { accounts } = scoreAccountsRequestSchema.parse(input);
  const model = getDefaultFakeAccountModel();
  return { accounts: scoreAccounts(model, accounts), model: { threshold: Math.round(model.threshold * 10000) / 10000, targetSpecificity: model.targetSpecificity } };
}

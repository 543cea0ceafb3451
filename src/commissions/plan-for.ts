import { AppError } from '../shared/errors.ts';
import type { Context, Db } from '../shared/context.ts';
import { parseCommissionPlan, type CommissionPlan } from './rules/index.ts';

/** Validates a plan from the API: a 400 that names the field, or the parsed plan (defaults filled). */
export function parsePlanOrThrow(input: unknown, field = 'commissionPlan'): CommissionPlan {
  const parsed = parseCommissionPlan(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new AppError('VALIDATION', `${[field, ...i.path.map(String)].join('.')}: ${i.message}`);
  }
  return parsed.data;
}

/**
 * parsePlanOrThrow, then every creator a split pays must be one of this workspace's: a plan naming
 * another workspace's creator would put its commissions (and ledger entries) in the wrong tenant.
 * @example await parseWorkspacePlan(ctx, { type: 'percent', percent: 10, splits: [...] })
 */
export async function parseWorkspacePlan(ctx: Context, input: unknown, field = 'commissionPlan'): Promise<CommissionPlan> {
  const plan = parsePlanOrThrow(input, field);
  const ids = [...new Set(plan.splits.map((s) => s.influencerId))];
  const found = ids.length ? await ctx.db.selectFrom('influencers').select('id').where('workspace_id', '=', ctx.workspaceId).where('id', 'in', ids).execute() : [];
  const missing = ids.find((id) => !found.some((f) => f.id === id));
  if (missing) throw new AppError('NOT_FOUND', `${field}.splits: influencer ${missing} not found`);
  return plan;
}

/** The plan that applies to a creator in a campaign: their own override, else the campaign's. */
export async function planFor(db: Db, workspaceId: string, campaignId: string | null, influencerId: string): Promise<CommissionPlan | null> {
  if (!campaignId) return null;
  const override = await db
    .selectFrom('commission_plan_overrides')
    .select('plan')
    .where('workspace_id', '=', workspaceId)
    .where('campaign_id', '=', campaignId)
    .where('influencer_id', '=', influencerId)
    .executeTakeFirst();
  const stored = override?.plan ?? (await db.selectFrom('campaigns').select('commission_plan').where('workspace_id', '=', workspaceId).where('id', '=', campaignId).executeTakeFirst())?.commission_plan;
  if (!stored) return null;
  const parsed = parseCommissionPlan(stored);
  return parsed.success ? parsed.data : null;
}

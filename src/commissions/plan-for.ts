import { AppError } from '../shared/errors.ts';
import type { Db } from '../shared/context.ts';
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

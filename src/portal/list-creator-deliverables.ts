import { deliverableStatus } from '../partnerships/index.ts';
import type { CreatorContext } from './creator-context.ts';
import type { MoneyDto } from './schemas.ts';

export type CreatorDeliverableDto = {
  id: string;
  type: string;
  dueAt: string;
  /** due, submitted, approved, live — or overdue when the due date passed before it went live. */
  status: string;
  postUrl: string | null;
  liveAt: string | null;
  partnershipId: string;
  campaignId: string;
  campaignName: string;
  /** The creator's own flat fee for this deliverable, if any. */
  fee: MoneyDto | null;
};

/** The creator's deliverables across their partnerships, soonest due first. */
export async function listCreatorDeliverables({ ctx }: { ctx: CreatorContext }): Promise<CreatorDeliverableDto[]> {
  const rows = await ctx.db
    .selectFrom('deliverables as d')
    .innerJoin('partnerships as p', 'p.id', 'd.partnership_id')
    .innerJoin('campaigns as c', 'c.id', 'p.campaign_id')
    .selectAll('d')
    .select(['p.campaign_id', 'c.name as campaign_name'])
    .where('d.workspace_id', '=', ctx.workspaceId)
    .where('p.workspace_id', '=', ctx.workspaceId)
    .where('p.influencer_id', '=', ctx.influencerId)
    .orderBy('d.due_at')
    .orderBy('d.id')
    .limit(1000)
    .execute();
  const now = new Date();
  return rows.map((d) => ({
    id: d.id,
    type: d.type,
    dueAt: d.due_at.toISOString(),
    status: deliverableStatus(d, now),
    postUrl: d.post_url,
    liveAt: d.live_at?.toISOString() ?? null,
    partnershipId: d.partnership_id,
    campaignId: d.campaign_id,
    campaignName: d.campaign_name,
    fee: d.fee_amount !== null && d.fee_currency ? { currency: d.fee_currency, amount: Number(d.fee_amount) } : null,
  }));
}

import { addDeliverable, addGift, createPartnership, movePartnership, updateDeliverable, updateGift } from '../partnerships/index.ts';
import type { Context } from '../shared/context.ts';

const PATH = ['prospect', 'contacted', 'negotiating', 'active', 'completed'] as const;

/**
 * A pipeline with creators in every stage: prospects from discovery, outreach, negotiation, active
 * deals with deliverables (one live with its fee released, one overdue) and gifts, a completed
 * deal, a declined one, and a long-term ambassador.
 */
export async function seedDemoPartnerships(ctx: Context, campaignIds: string[], influencerIds: string[]): Promise<number> {
  const stages = ['prospect', 'contacted', 'negotiating', 'active', 'active', 'completed', 'declined'] as const;
  let made = 0;
  for (const [i, stage] of stages.entries()) {
    const influencerId = influencerIds[i];
    if (!influencerId) break;
    const p = await createPartnership({ ctx, input: { campaignId: campaignIds[0], influencerId, stage: 'prospect', terms: { flatFee: { amount: 60000, currency: 'USD' }, usageRights: 'organic reposts for 90 days' } } });
    made++;
    const target = stage === 'declined' ? ['contacted', 'declined'] : PATH.slice(1, PATH.indexOf(stage) + 1);
    for (const s of target) await movePartnership({ ctx, input: { id: p.id, move: { stage: s, note: s === 'declined' ? 'rates above budget' : undefined } } });
    if (stage === 'active' || stage === 'completed') {
      const live = await addDeliverable({ ctx, input: { partnershipId: p.id, deliverable: { type: 'reel', dueAt: new Date(Date.now() - 5 * 86400_000).toISOString(), fee: { amount: 60000, currency: 'USD' } } } });
      await updateDeliverable({ ctx, input: { id: live.id, patch: { status: 'live', postUrl: `https://www.instagram.com/reel/demo${i}/` } } });
      await addDeliverable({ ctx, input: { partnershipId: p.id, deliverable: { type: 'story', dueAt: new Date(Date.now() + (i % 2 ? -2 : 6) * 86400_000).toISOString() } } });
      const gift = await addGift({ ctx, input: { partnershipId: p.id, gift: { product: 'Glow Serum 50 ml', value: 4900, currency: 'USD' } } });
      await updateGift({ ctx, input: { id: gift.id, patch: { status: 'delivered' } } });
    }
  }
  const ambassador = influencerIds[7];
  if (ambassador && campaignIds[1]) {
    await createPartnership({
      ctx,
      input: {
        campaignId: campaignIds[1],
        influencerId: ambassador,
        stage: 'active',
        terms: { longTerm: { months: 6, perMonth: [{ type: 'reel', count: 1 }, { type: 'story', count: 2 }], feePerDeliverable: { amount: 25000, currency: 'USD' } } },
      },
    });
    made++;
  }
  return made;
}

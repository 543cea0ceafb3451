import { rememberDemoLogin } from './demo-login.ts';
import { createApiKey } from '../api-keys/index.ts';
import { approveCommissions } from '../commissions/index.ts';
import { createPayoutBatch, setPayoutDetails, settlePayoutItems } from '../payouts/index.ts';
import { createCampaign } from '../campaigns/index.ts';
import { createInfluencer } from '../influencers/index.ts';
import { createLink } from '../links/index.ts';
import type { SystemContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { randomBase62 } from '../shared/secrets.ts';
import { createUser } from '../users/index.ts';
import { createWorkspace } from '../workspaces/index.ts';
import { seedDemoClicks, seededRandom } from './demo-clicks.ts';
import { seedDemoConversions } from './demo-conversions.ts';
import { seedDemoPartnerships } from './demo-partnerships.ts';
import { seedDemoCreators } from '../discovery/seed-demo-creators.ts';

export const DEMO_SLUG = 'demo';
export const DEMO_EMAIL = 'demo@advocate.local';

const CREATORS: [string, Record<string, string>][] = [
  ['Maya Chen', { instagram: 'mayaglows' }],
  ['Jordan Ellis', { tiktok: 'jordanskin' }],
  ['Priya Raman', { youtube: 'priyareviews' }],
  ['Leo Martins', { instagram: 'leo.fit' }],
  ['Sofia Rossi', { instagram: 'sofiaslowliving' }],
  ['Amara Okafor', { tiktok: 'amaraglow' }],
  ['Noah Fischer', { youtube: 'noahtests' }],
  ['Hana Sato', { instagram: 'hana.minimal' }],
  ['Camila Reyes', { tiktok: 'camilacares' }],
  ['Ethan Brooks', { x: 'ethanbrooks' }],
  ['Zoe Laurent', { instagram: 'zoe.skin' }],
  ['Ravi Kapoor', { youtube: 'ravikapoor' }],
];

const CAMPAIGNS = [
  {
    name: 'Spring Glow Serum Launch',
    destinationUrl: 'https://shop.lumen-skincare.example/products/glow-serum',
    allowedDomains: ['lumen-skincare.example'],
    commissionPlan: { type: 'percent', percent: 15, holdDays: 14, bonuses: [{ metric: 'sales', threshold: 10, period: 'month', amount: 5000, currency: 'USD' }] },
  },
  {
    name: 'Always-on Ambassadors',
    destinationUrl: 'https://shop.lumen-skincare.example/',
    allowedDomains: ['lumen-skincare.example'],
    commissionPlan: { type: 'tiered', mode: 'marginal', metric: 'revenue', currency: 'USD', period: 'month', tiers: [{ from: 0, percent: 10 }, { from: 50000, percent: 15 }] },
  },
  {
    name: 'Holiday Gift Sets',
    destinationUrl: 'https://shop.lumen-skincare.example/collections/gifts',
    allowedDomains: ['lumen-skincare.example'],
    commissionPlan: { type: 'fixed', amount: 800, currency: 'USD', holdDays: 7 },
  },
];

/**
 * Creates the `demo` workspace: an owner login, an API key, creators, campaigns, links and two
 * months of clicks. Each capability adds its own realistic data here as it lands.
 */
export async function seedDemo({ ctx, input }: { ctx: SystemContext; input: { password?: string | undefined } }) {
  const existing = await ctx.db.selectFrom('workspaces').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirst();
  if (existing) throw new AppError('CONFLICT', 'The demo workspace already exists; log in with the credentials printed when it was created');
  const workspace = await createWorkspace({ ctx, input: { slug: DEMO_SLUG, name: 'Lumen Skincare (demo)' } });
  const wctx = { ...ctx, workspaceId: workspace.id };
  const password = input.password ?? `demo-${randomBase62(12)}`;
  await createUser({ ctx: wctx, input: { email: DEMO_EMAIL, password, role: 'owner', name: 'Demo Owner' } });
  const { secret } = await createApiKey({ ctx: wctx, input: { name: 'Demo key' } });

  const rand = seededRandom(7);
  const campaigns = [];
  for (const c of CAMPAIGNS) campaigns.push(await createCampaign({ ctx: wctx, input: c }));
  const links = [];
  const influencerIds: string[] = [];
  for (const [i, [name, handles]] of CREATORS.entries()) {
    const influencer = await createInfluencer({ ctx: wctx, input: { name, handles } });
    influencerIds.push(influencer.id);
    const platform = Object.keys(handles)[0]!;
    // Heavy-tailed popularity: a few creators bring most clicks.
    const popularity = Math.max(2, Math.round(60 / (i + 1) ** 1.1));
    for (const [j, campaign] of campaigns.entries()) {
      if (j === 2 && i % 3 !== 0) continue;
      for (const label of j === 0 ? ['reel', 'story'] : ['bio link']) {
        const link = await createLink({ ctx: wctx, input: { influencerId: influencer.id, campaignId: campaign.id, label } });
        links.push({ id: link.id, influencerId: influencer.id, campaignId: campaign.id, platform, popularity: Math.round(popularity * (0.5 + rand())) });
      }
    }
  }
  const clicks = await seedDemoClicks(ctx, workspace.id, links);
  const conversions = await seedDemoConversions(wctx, influencerIds);
  // Money: PayPal details, commissions past their hold approved, and last month's payout paid.
  for (const [i, id] of influencerIds.entries()) {
    await setPayoutDetails({ ctx: wctx, input: { influencerId: id, details: { method: 'paypal', paypalEmail: `creator${i + 1}@example.com` } } });
  }
  const partnerships = await seedDemoPartnerships(wctx, campaigns.map((c) => c.id), influencerIds);
  const discovered = await seedDemoCreators(wctx);
  const approved = await approveCommissions({ ctx: wctx, input: { due: { asOf: new Date(Date.now() - 14 * 86400_000) } } });
  const { batchId } = await createPayoutBatch({ ctx: wctx, input: { currency: 'USD', idempotencyKey: 'demo-first-payout' } });
  await settlePayoutItems({ ctx: wctx, input: { batchId, outcome: 'paid' } });
  await approveCommissions({ ctx: wctx, input: { due: { asOf: new Date() } } });
  await rememberDemoLogin(ctx.db, { email: DEMO_EMAIL, password });
  return {
    workspace,
    login: { email: DEMO_EMAIL, password },
    apiKey: secret,
    created: { influencers: CREATORS.length, campaigns: campaigns.length, links: links.length, clicks, conversions, partnerships, 'creators to discover': discovered, 'commissions approved': approved.length },
  };
}

import { z } from 'zod';
import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { addDeliverable, addGift, deliverableStatus, updateDeliverable, updateGift, type DeliverableRow, type GiftRow } from './deliverable-verbs.ts';
import { createPartnership, getPartnershipRow, listPartnerships, movePartnership, renewPartnership, type PartnershipRow } from './partnership-verbs.ts';
import { suggestFee } from './suggest-fee.ts';
import { sendDeliverableReminders } from './send-deliverable-reminders.ts';
import { CreateDeliverableInput, CreateGiftInput, CreatePartnershipInput, ListPartnershipsInput, MoveInput, UpdateDeliverableInput, UpdateGiftInput } from './schemas.ts';

const IdParams = z.strictObject({ id: z.string().max(100) });

const partnershipDto = (p: PartnershipRow) => ({ id: p.id, campaignId: p.campaign_id, influencerId: p.influencer_id, stage: p.stage, terms: p.terms, createdAt: p.created_at.toISOString(), updatedAt: p.updated_at.toISOString() });
const deliverableDto = (d: DeliverableRow) => ({
  id: d.id, partnershipId: d.partnership_id, type: d.type, dueAt: d.due_at.toISOString(), status: deliverableStatus(d), postUrl: d.post_url,
  fee: d.fee_amount === null ? null : { amount: Number(d.fee_amount), currency: d.fee_currency }, feeCommissionId: d.fee_commission_id, liveAt: d.live_at?.toISOString() ?? null,
});
const giftDto = (g: GiftRow) => ({ id: g.id, partnershipId: g.partnership_id, product: g.product, value: Number(g.value), currency: g.currency, status: g.status, shippedAt: g.shipped_at?.toISOString() ?? null, deliveredAt: g.delivered_at?.toISOString() ?? null });

export function partnershipRoutes(app: App, { database }: RouteDeps): void {
  const tags = ['partnerships'];
  app.post('/api/v1/partnerships', { schema: { tags, summary: 'Add a creator to a campaign pipeline with terms', body: CreatePartnershipInput } }, async (request, reply) =>
    reply.status(201).send({ partnership: partnershipDto(await createPartnership({ ctx: contextOf(request, database), input: request.body })) }),
  );
  app.get('/api/v1/partnerships', { schema: { tags, summary: 'Pipeline (filter by campaign, stage, or flag gifted_not_posted / overdue)', querystring: ListPartnershipsInput } }, async (request) => ({
    data: (await listPartnerships({ ctx: contextOf(request, database), input: request.query })).map(partnershipDto),
  }));
  app.get('/api/v1/partnerships/:id', { schema: { tags, summary: 'A partnership with its history, deliverables and gifts', params: IdParams } }, async (request) => {
    const ctx = contextOf(request, database);
    const p = await getPartnershipRow(ctx, request.params.id);
    const [events, deliverables, gifts] = await Promise.all([
      ctx.db.selectFrom('partnership_events').selectAll().where('partnership_id', '=', p.id).orderBy('id').execute(),
      ctx.db.selectFrom('deliverables').selectAll().where('partnership_id', '=', p.id).orderBy('due_at').orderBy('id').execute(),
      ctx.db.selectFrom('gift_shipments').selectAll().where('partnership_id', '=', p.id).orderBy('created_at').execute(),
    ]);
    // A live deliverable's post URL links it to the imported post record and its metrics.
    const urls = deliverables.map((d) => d.post_url).filter((u): u is string => u !== null);
    const posts = urls.length
      ? await ctx.db
          .selectFrom('social_posts as sp')
          .innerJoin('social_accounts as a', 'a.id', 'sp.account_id')
          .select(['sp.url', 'sp.format', 'sp.likes', 'sp.comments', 'sp.shares', 'sp.saves', 'sp.views', 'sp.posted_at', 'a.followers'])
          .where('sp.workspace_id', '=', ctx.workspaceId)
          .where('sp.url', 'in', urls)
          .execute()
      : [];
    const postOf = new Map(posts.map((x) => [x.url, x]));
    return {
      partnership: {
        ...partnershipDto(p),
        history: events.map((e) => ({ from: e.from_stage, to: e.to_stage, actor: e.actor, note: e.note, at: e.at.toISOString() })),
        deliverables: deliverables.map((d) => {
          const post = d.post_url ? postOf.get(d.post_url) : undefined;
          const engagements = post ? post.likes + post.comments + post.shares + post.saves : null;
          return {
            ...deliverableDto(d),
            post: post
              ? { format: post.format, postedAt: post.posted_at.toISOString(), likes: post.likes, comments: post.comments, shares: post.shares, saves: post.saves, views: post.views === null ? null : Number(post.views), engagementRate: post.followers > 0 ? engagements! / post.followers : null }
              : null,
          };
        }),
        gifts: gifts.map(giftDto),
      },
    };
  });
  app.post('/api/v1/partnerships/:id/move', { schema: { tags, summary: 'Move to another pipeline stage', params: IdParams, body: MoveInput } }, async (request) => ({
    partnership: partnershipDto(await movePartnership({ ctx: contextOf(request, database), input: { id: request.params.id, move: request.body } })),
  }));
  app.post('/api/v1/partnerships/:id/renew', { schema: { tags, summary: 'Renew a long-term partnership', params: IdParams, body: z.strictObject({ months: z.number().int() }) } }, async (request) => ({
    partnership: partnershipDto(await renewPartnership({ ctx: contextOf(request, database), input: { id: request.params.id, months: request.body.months } })),
  }));
  app.post('/api/v1/partnerships/:id/deliverables', { schema: { tags, summary: 'Add a deliverable', params: IdParams, body: CreateDeliverableInput } }, async (request, reply) =>
    reply.status(201).send({ deliverable: deliverableDto(await addDeliverable({ ctx: contextOf(request, database), input: { partnershipId: request.params.id, deliverable: request.body } })) }),
  );
  app.patch('/api/v1/deliverables/:id', { schema: { tags, summary: 'Advance a deliverable; going live releases its flat fee', params: IdParams, body: UpdateDeliverableInput } }, async (request) => ({
    deliverable: deliverableDto(await updateDeliverable({ ctx: contextOf(request, database), input: { id: request.params.id, patch: request.body } })),
  }));
  app.get(
    '/api/v1/partnerships/:id/suggested-fee',
    { schema: { tags, summary: 'A fee to negotiate from, with its basis', params: IdParams, querystring: z.strictObject({ format: z.enum(['story', 'image', 'carousel', 'reel', 'video', 'text']).default('reel') }) } },
    async (request) => ({ suggestedFee: await suggestFee({ ctx: contextOf(request, database), input: { partnershipId: request.params.id, format: request.query.format } }) }),
  );
  app.post('/api/v1/deliverables/send-reminders', { schema: { tags, summary: 'Send due-soon and overdue reminders now (the scheduler does this every minute)' } }, async (request) =>
    sendDeliverableReminders({ ctx: contextOf(request, database), input: { now: new Date() } }),
  );
  app.post('/api/v1/partnerships/:id/gifts', { schema: { tags, summary: 'Record a gifted product shipment', params: IdParams, body: CreateGiftInput } }, async (request, reply) =>
    reply.status(201).send({ gift: giftDto(await addGift({ ctx: contextOf(request, database), input: { partnershipId: request.params.id, gift: request.body } })) }),
  );
  app.patch('/api/v1/gifts/:id', { schema: { tags, summary: 'Update a gift shipment (to_ship, shipped, delivered)', params: IdParams, body: UpdateGiftInput } }, async (request) => ({
    gift: giftDto(await updateGift({ ctx: contextOf(request, database), input: { id: request.params.id, patch: request.body } })),
  }));
}

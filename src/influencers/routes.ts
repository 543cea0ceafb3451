import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { archiveInfluencer, unarchiveInfluencer } from './archive-influencer.ts';
import { createInfluencer } from './create-influencer.ts';
import { getInfluencer } from './get-influencer.ts';
import { listInfluencers } from './list-influencers.ts';
import { CreateInfluencerInput, InfluencerIdParams, ListInfluencersInput, UpdateInfluencerInput } from './schemas.ts';
import { updateInfluencer } from './update-influencer.ts';

export function influencerRoutes(app: App, { database }: RouteDeps): void {
  const tags = ['influencers'];
  app.get(
    '/api/v1/influencers',
    { schema: { tags, summary: 'List influencers, newest first (cursor pagination)', querystring: ListInfluencersInput } },
    async (request) => listInfluencers({ ctx: contextOf(request, database), input: request.query }),
  );
  app.post('/api/v1/influencers', { schema: { tags, summary: 'Add an influencer', body: CreateInfluencerInput } }, async (request, reply) =>
    reply.status(201).send({ influencer: await createInfluencer({ ctx: contextOf(request, database), input: request.body }) }),
  );
  app.get('/api/v1/influencers/:id', { schema: { tags, summary: 'Get an influencer', params: InfluencerIdParams } }, async (request) => ({
    influencer: await getInfluencer({ ctx: contextOf(request, database), input: { id: request.params.id } }),
  }));
  app.patch(
    '/api/v1/influencers/:id',
    { schema: { tags, summary: 'Change some fields of an influencer', params: InfluencerIdParams, body: UpdateInfluencerInput } },
    async (request) => ({
      influencer: await updateInfluencer({ ctx: contextOf(request, database), input: { id: request.params.id, patch: request.body } }),
    }),
  );
  app.post('/api/v1/influencers/:id/archive', { schema: { tags, summary: 'Archive an influencer', params: InfluencerIdParams } }, async (request) => ({
    influencer: await archiveInfluencer({ ctx: contextOf(request, database), input: { id: request.params.id } }),
  }));
  app.post(
    '/api/v1/influencers/:id/unarchive',
    { schema: { tags, summary: 'Make an archived influencer active again', params: InfluencerIdParams } },
    async (request) => ({ influencer: await unarchiveInfluencer({ ctx: contextOf(request, database), input: { id: request.params.id } }) }),
  );
}

import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { archiveCampaign } from './archive-campaign.ts';
import { createCampaign } from './create-campaign.ts';
import { getCampaign } from './get-campaign.ts';
import { listCampaigns } from './list-campaigns.ts';
import { CampaignIdParams, CreateCampaignInput, ListCampaignsInput, UpdateCampaignInput } from './schemas.ts';
import { updateCampaign } from './update-campaign.ts';

export function campaignRoutes(app: App, { database }: RouteDeps): void {
  const tags = ['campaigns'];
  app.get(
    '/api/v1/campaigns',
    { schema: { tags, summary: 'List campaigns, newest first (cursor pagination)', querystring: ListCampaignsInput } },
    async (request) => listCampaigns({ ctx: contextOf(request, database), input: request.query }),
  );
  app.post('/api/v1/campaigns', { schema: { tags, summary: 'Create a campaign', body: CreateCampaignInput } }, async (request, reply) =>
    reply.status(201).send({ campaign: await createCampaign({ ctx: contextOf(request, database), input: request.body }) }),
  );
  app.get('/api/v1/campaigns/:id', { schema: { tags, summary: 'Get a campaign', params: CampaignIdParams } }, async (request) => ({
    campaign: await getCampaign({ ctx: contextOf(request, database), input: { id: request.params.id } }),
  }));
  app.patch(
    '/api/v1/campaigns/:id',
    { schema: { tags, summary: 'Change some fields of a campaign', params: CampaignIdParams, body: UpdateCampaignInput } },
    async (request) => ({ campaign: await updateCampaign({ ctx: contextOf(request, database), input: { id: request.params.id, patch: request.body } }) }),
  );
  app.post('/api/v1/campaigns/:id/archive', { schema: { tags, summary: 'Archive a campaign', params: CampaignIdParams } }, async (request) => ({
    campaign: await archiveCampaign({ ctx: contextOf(request, database), input: { id: request.params.id } }),
  }));
}

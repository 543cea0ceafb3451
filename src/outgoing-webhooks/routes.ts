import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { listDeliveries, replayDelivery } from './delivery-verbs.ts';
import { createWebhookEndpoint, deleteWebhookEndpoint, listWebhookEndpoints, updateWebhookEndpoint } from './endpoint-verbs.ts';
import { CreateEndpointInput, IdParams, ListDeliveriesQuery, UpdateEndpointInput } from './schemas.ts';

export function outgoingWebhookRoutes(app: App, { database }: RouteDeps): void {
  const tags = ['webhook endpoints'];
  const admin = { auth: 'admin' as const };
  app.post(
    '/api/v1/webhook-endpoints',
    { config: admin, schema: { tags, summary: 'Add an endpoint for outgoing events; answers its signing secret once', body: CreateEndpointInput } },
    async (request, reply) => reply.status(201).send(await createWebhookEndpoint({ ctx: contextOf(request, database), input: request.body })),
  );
  app.get('/api/v1/webhook-endpoints', { config: admin, schema: { tags, summary: 'Endpoints of this workspace (secrets are never shown)' } }, async (request) => ({
    data: await listWebhookEndpoints({ ctx: contextOf(request, database) }),
  }));
  app.patch(
    '/api/v1/webhook-endpoints/:id',
    { config: admin, schema: { tags, summary: 'Change url, events, description or enabled; rotate the secret', params: IdParams, body: UpdateEndpointInput } },
    async (request) => updateWebhookEndpoint({ ctx: contextOf(request, database), input: { id: request.params.id, changes: request.body } }),
  );
  app.delete('/api/v1/webhook-endpoints/:id', { config: admin, schema: { tags, summary: 'Delete an endpoint and its delivery log', params: IdParams } }, async (request, reply) => {
    await deleteWebhookEndpoint({ ctx: contextOf(request, database), input: request.params });
    return reply.status(204).send();
  });
  app.get(
    '/api/v1/webhook-endpoints/:id/deliveries',
    { config: { auth: 'read' }, schema: { tags, summary: 'Delivery log: each event sent, its status and every attempt', params: IdParams, querystring: ListDeliveriesQuery } },
    async (request) => ({ data: await listDeliveries({ ctx: contextOf(request, database), input: { endpointId: request.params.id, limit: request.query.limit } }) }),
  );
  app.post(
    '/api/v1/webhook-deliveries/:id/replay',
    { config: { auth: 'write' }, schema: { tags, summary: 'Send a delivery again (same event, new signature)', params: IdParams } },
    async (request, reply) => reply.status(202).send({ delivery: await replayDelivery({ ctx: contextOf(request, database), input: request.params }) }),
  );
}

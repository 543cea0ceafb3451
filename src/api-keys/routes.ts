import { z } from 'zod';
import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { createApiKey } from './create-api-key.ts';
import { listApiKeys } from './list-api-keys.ts';
import { revokeApiKey } from './revoke-api-key.ts';
import { CreateApiKeyInput } from './schemas.ts';

export function apiKeyRoutes(app: App, { database }: RouteDeps): void {
  const admin = { auth: 'admin' as const };
  app.get('/api/v1/api-keys', { config: admin, schema: { tags: ['api-keys'], summary: 'List API keys' } }, async (request) => ({
    data: await listApiKeys({ ctx: contextOf(request, database) }),
  }));
  app.post(
    '/api/v1/api-keys',
    { config: admin, schema: { tags: ['api-keys'], summary: 'Create an API key (the secret is shown once)', body: CreateApiKeyInput } },
    async (request, reply) => {
      const { apiKey, secret } = await createApiKey({ ctx: contextOf(request, database), input: request.body });
      return reply.status(201).send({ apiKey, secret });
    },
  );
  app.delete(
    '/api/v1/api-keys/:id',
    { config: admin, schema: { tags: ['api-keys'], summary: 'Revoke an API key', params: z.strictObject({ id: z.string().min(1).max(100) }) } },
    async (request) => ({ apiKey: await revokeApiKey({ ctx: contextOf(request, database), input: { id: request.params.id } }) }),
  );
}

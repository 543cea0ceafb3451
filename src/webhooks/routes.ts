import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { configureIntegration, toIntegrationDto } from './configure-integration.ts';
import { listDeliveries } from './delivery-log.ts';
import { receiveWebhook } from './receive-webhook.ts';
import { ConfigureIntegrationInput, ProviderParam } from './schemas.ts';

const WebhookParams = z.strictObject({ provider: z.enum(['stripe', 'shopify', 'woocommerce']), workspaceId: z.string().max(100) });

export function integrationRoutes(app: App, { database, config }: RouteDeps): void {
  const baseUrl = (r: { protocol: string; host: string }) => config.publicUrl ?? `${r.protocol}://${r.host}`;
  const tags = ['integrations'];
  app.put(
    '/api/v1/integrations/:provider',
    { config: { auth: 'admin' }, schema: { tags, summary: 'Configure Stripe, Shopify, WooCommerce, the postback URL or the snippet key', params: ProviderParam, body: ConfigureIntegrationInput } },
    async (request) =>
      configureIntegration({ ctx: contextOf(request, database), input: { provider: request.params.provider, baseUrl: baseUrl(request), config: request.body } }),
  );
  app.get('/api/v1/integrations', { config: { auth: 'admin' }, schema: { tags, summary: 'Configured integrations (secrets are never shown)' } }, async (request) => {
    const ctx = contextOf(request, database);
    const rows = await ctx.db.selectFrom('integrations').selectAll().where('workspace_id', '=', ctx.workspaceId).orderBy('provider').execute();
    return { data: rows.map((r) => toIntegrationDto(r, baseUrl(request))) };
  });
  app.get(
    '/api/v1/integrations/:provider/deliveries',
    { schema: { tags, summary: 'Delivery log: received, verified, result, error', params: ProviderParam, querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }) } },
    async (request) => ({ data: await listDeliveries({ ctx: contextOf(request, database), input: { provider: request.params.provider, limit: request.query.limit } }) }),
  );
}

/** POST /api/v1/webhooks/:provider/:workspaceId — raw bytes are kept for the signature check. */
export async function webhookReceiverRoutes(app: App, { database }: RouteDeps): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 5 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/webhooks/:provider/:workspaceId',
      { config: { auth: 'public' }, schema: { tags: ['integrations'], summary: 'Stripe, Shopify and WooCommerce webhooks (signature verified)', params: WebhookParams } },
      async (request) =>
        receiveWebhook({
          db: database.db,
          log: request.log,
          provider: request.params.provider,
          workspaceId: request.params.workspaceId,
          rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
          headers: request.headers,
        }),
    );
  });
}

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dailySalt, hashIp } from '../clicks/hash-visitor.ts';
import { getInstanceSecret } from '../db/instance-secret.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { AppError } from '../shared/errors.ts';
import { findIntegrationByToken } from '../webhooks/find-integration.ts';
import { logDelivery } from '../webhooks/delivery-log.ts';
import { recordConversion } from './record-conversion.ts';
import { ConversionInput } from './schemas.ts';
import { toConversionDto } from './to-conversion-dto.ts';

const SNIPPET = readFileSync(new URL('./snippet/t.js', import.meta.url), 'utf8');

// The browser sends what the merchant's page passes to advocate.track, plus the publishable key.
const TrackBody = z.looseObject({ key: z.string().max(100) });

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
  'access-control-max-age': '86400',
};

/**
 * The merchant-side snippet (/t.js) and its collector. The publishable key (pk_…) only identifies
 * the workspace: anyone can read it from the page, so conversions from the browser are marked
 * source "snippet" and face the same fraud checks; server-side paths remain the trusted ones.
 */
export function snippetRoutes(app: App, { database }: RouteDeps): void {
  app.get('/t.js', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').header('access-control-allow-origin', '*').send(SNIPPET),
  );
  app.options('/api/v1/track', { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) => reply.headers(CORS).status(204).send());
  app.post(
    '/api/v1/track',
    {
      config: { auth: 'public' },
      schema: { tags: ['conversions'], summary: 'Collector for the browser snippet (publishable key)', body: TrackBody },
      // Set before validation so error answers are readable by the page too.
      onRequest: async (_request, reply) => void reply.headers(CORS),
    },
    async (request, reply) => {
      const { key, ...rest } = request.body;
      const integration = await findIntegrationByToken(database.db, 'snippet', key);
      if (!integration) throw new AppError('UNAUTHORIZED', 'Unknown or disabled publishable key (data-key on the <script> tag)');
      const workspaceId = integration.row.workspace_id;
      const input = ConversionInput.parse(rest);
      const secret = await getInstanceSecret(database.db);
      const ipHash = request.ip ? hashIp(request.ip, dailySalt(secret)) : null;
      const ctx = { db: database.db, workspaceId, actor: { kind: 'system' as const, name: 'snippet' }, log: request.log };
      const { conversion, duplicate } = await recordConversion({ ctx, input, source: 'snippet', ipHash });
      await logDelivery(database.db, { workspaceId, provider: 'snippet', topic: input.type, verified: true, result: duplicate ? 'duplicate' : 'created', conversionId: conversion.id });
      const dto = toConversionDto(conversion);
      return reply.status(duplicate ? 200 : 201).send({ id: dto.id, influencerId: dto.influencerId, duplicate });
    },
  );
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiKeyRoutes } from '../api-keys/index.ts';
import { campaignRoutes } from '../campaigns/index.ts';
import { accrueClickCommissionsEverywhere, approveDueEverywhere, commissionRoutes } from '../commissions/index.ts';
import { payoutRoutes } from '../payouts/index.ts';
import { partnershipRoutes, sendRemindersEverywhere } from '../partnerships/index.ts';
import { analyticsRoutes } from '../analytics/index.ts';
import { conversionRoutes } from '../conversions/routes.ts';
import { postbackRoutes } from '../conversions/postback-routes.ts';
import { snippetRoutes } from '../conversions/snippet-routes.ts';
import { couponRoutes } from '../coupons/index.ts';
import { integrationRoutes, webhookReceiverRoutes } from '../webhooks/routes.ts';
import fastifyFormbody from '@fastify/formbody';
import { ClickSpool } from '../clicks/click-spool.ts';
import { ClickWriter } from '../clicks/click-writer.ts';
import { startClickStream } from '../clicks/start-click-stream.ts';
import { registerClickMetrics } from '../clicks/click-metrics.ts';
import { maintainClickStorage } from '../clicks/click-partitions.ts';
import { DeltaFolder } from '../clicks/delta-folder.ts';
import { preloadCountryDatabase } from '../clicks/lookup-country.ts';
import { CACHE_CHANNEL } from '../db/cache-notify.ts';
import { getInstanceSecret } from '../db/instance-secret.ts';
import { discoveryRoutes } from '../discovery/index.ts';
import { influencerRoutes } from '../influencers/index.ts';
import { LinkCache, linkRoutes } from '../links/index.ts';
import { VisitorHasher } from '../redirect/classify-click.ts';
import { redirectRoutes } from '../redirect/routes.ts';
import { reportRoutes } from '../reports/index.ts';
import { liveRoutes } from '../live/index.ts';
import { JobRunner } from '../jobs/index.ts';
import { notificationRoutes, registerNotificationJobs } from '../notifications/index.ts';
import { outgoingWebhookRoutes, registerWebhookJobs } from '../outgoing-webhooks/index.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { newId } from '../shared/ids.ts';

// Request ids need to be unique, not secret: a random per-process prefix and a counter are enough.
const REQUEST_ID_PREFIX = newId('request');
let requestCounter = 0;
const nextRequestId = () => `${REQUEST_ID_PREFIX}${(requestCounter++).toString(36)}`;
import { portalAccessRoutes, portalRoutes, pruneExpiredCreatorSessions } from '../portal/index.ts';
import { pruneExpiredSessions, userRoutes } from '../users/index.ts';
import { workspaceRoutes } from '../workspaces/index.ts';
import { registerAuth } from './auth.ts';
import { registerErrorHandling, replyWithError } from './error-handler.ts';
import { registerHealth } from './health.ts';
import { registerMetrics } from './metrics.ts';
import { registerUnstorableTextCheck } from './reject-unstorable-text.ts';
import { pruneRateLimits, sharedRateLimitStore } from './shared-rate-limit-store.ts';
import type { App, RouteDeps } from './types.ts';

export type AppDeps = { config: Config; database: Database; logger?: FastifyServerOptions['logger'] };

const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const WEB_PLACEHOLDER = fileURLToPath(new URL('../../web/placeholder/', import.meta.url));

/**
 * Builds the whole HTTP application without listening, so tests drive it with app.inject().
 * @example const app = await buildApp({ config, database }); await app.listen({ port: 3000 })
 */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config, database } = deps;
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : nextRequestId();
    },
    bodyLimit: 1024 * 1024,
    // A hop count trusts that many proxies nearest to us (what proxy-addr does with a number).
    trustProxy: typeof config.trustProxy === 'number' ? (_addr: string, hop: number) => hop < (config.trustProxy as number) : config.trustProxy,
    ajv: { customOptions: { removeAdditional: false } },
    frameworkErrors: replyWithError,
  }).withTypeProvider<ZodTypeProvider>();

  // JSON only: a text/plain body would otherwise reach validation as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => void reply.header('x-request-id', request.id));

  registerErrorHandling(app);
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody); // postbacks and WooCommerce's creation ping are form-encoded
  await app.register(fastifyRateLimit, {
    global: false,
    // Counted in the database, so every process and host shares one window per caller.
    store: sharedRateLimitStore(database.db),
    skipOnError: true, // the database is down: the route itself answers 503
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      code: 'LIMIT_EXCEEDED',
      message: `Too many attempts; try again in ${Math.ceil(ctx.ttl / 1000)} s`,
    }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Advocate API', version: '1', description: 'Errors: docs/errors.md. Auth: Authorization: Bearer <api key>.' },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/v1/docs' });
  app.get('/api/v1/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());

  registerAuth(app, database);
  registerUnstorableTextCheck(app);
  const metrics = registerMetrics(app);
  registerHealth(app, database);

  const routeDeps: RouteDeps = { config, database };
  for (const routes of [
    workspaceRoutes,
    apiKeyRoutes,
    userRoutes,
    influencerRoutes,
    discoveryRoutes,
    campaignRoutes,
    linkRoutes,
    reportRoutes,
    liveRoutes,
    couponRoutes,
    conversionRoutes,
    postbackRoutes,
    snippetRoutes,
    integrationRoutes,
    commissionRoutes,
    payoutRoutes,
    partnershipRoutes,
    analyticsRoutes,
    outgoingWebhookRoutes,
    notificationRoutes,
    portalAccessRoutes,
    portalRoutes,
  ]) {
    routes(app, routeDeps);
  }
  await webhookReceiverRoutes(app, routeDeps);

  // Background jobs (outgoing webhooks, emails): one runner per process; the jobs table is shared.
  const jobs = new JobRunner({ db: database.db, log: app.log, listen: database.listen });
  registerWebhookJobs(jobs);
  const closeMailer = registerNotificationJobs(jobs, config);
  app.decorate('jobs', jobs);
  await jobs.start();
  app.addHook('onClose', async () => {
    await jobs.stop(); // waits for deliveries and emails in flight
    closeMailer();
  });

  // The redirect hot path: cached targets (dropped on NOTIFY from any process), group-committed clicks.
  // With NATS_URL, clicks go to the JetStream click stream first and the writer is its fallback.
  const writer = new ClickWriter(database.db, new ClickSpool(path.join(config.dataDir, 'spool')), app.log, database.engine === 'postgres' ? 4 : 1, database.engine === 'postgres' ? 1000 : 200);
  const stream = config.natsUrl
    ? await startClickStream({ config, db: database.db, fallback: writer, log: app.log }).catch(async (err) => {
        await app.close().catch(() => {}); // stop what started above (jobs) so a failed start exits
        throw err;
      })
    : null;
  const cache = new LinkCache(database.db);
  const stopListening = await database.listen(CACHE_CHANNEL, (payload) => cache.invalidate(payload));
  const hasher = new VisitorHasher(await getInstanceSecret(database.db));
  preloadCountryDatabase();
  redirectRoutes(app, { cache, writer: stream?.sink ?? writer, hasher });
  registerClickMetrics(metrics, writer, stream);
  const folder = new DeltaFolder(database.db, app.log, database.engine === 'pglite' ? 1000 : 50_000);
  app.decorate('tracking', { cache, writer, folder });
  app.addHook('onClose', async () => {
    await stream?.close(); // the ingester's last batch is committed and acknowledged while the db is open
    await writer.close(); // every acknowledged click is committed or spooled before the db closes
    await folder.close();
    await stopListening().catch(() => {}); // the database may already be gone
  });
  void writer.replaySpool(); // clicks spooled by an earlier run

  // Click storage: each month's partition exists before its first click; retention drops old months.
  const keepClicks = () =>
    maintainClickStorage(database.db, config.clickRetentionMonths).then((r) => {
      if (r.created.length > 0 || r.dropped.length > 0 || r.deleted > 0) app.log.info(r, 'click partitions maintained');
    });
  // Not fatal: every click has a home in the default partition until the next hourly run.
  await keepClicks().catch((err) => app.log.warn({ err }, 'click partition upkeep failed; retried within the hour'));
  const partitionTimer = setInterval(() => keepClicks().catch((err) => app.log.warn({ err }, 'click partition upkeep failed')), 3600_000);
  partitionTimer.unref();
  app.addHook('onClose', async () => clearInterval(partitionTimer));

  // Hold periods: commissions become approved (payable) when their payable-on date comes.
  const holdTimer = setInterval(() => {
    const sys = { db: database.db, actor: { kind: 'system' as const, name: 'scheduler' }, log: app.log };
    approveDueEverywhere(sys).catch((err) => app.log.warn({ err }, 'approving due commissions failed'));
    sendRemindersEverywhere(sys).catch((err) => app.log.warn({ err }, 'deliverable reminders failed'));
    accrueClickCommissionsEverywhere(sys).catch((err) => app.log.warn({ err }, 'per-click commissions failed'));
    pruneRateLimits(database.db).catch((err) => app.log.warn({ err }, 'pruning rate limits failed'));
    Promise.all([pruneExpiredSessions(database.db), pruneExpiredCreatorSessions(database.db)]).catch((err) => app.log.warn({ err }, 'pruning sessions failed'));
  }, 60_000);
  holdTimer.unref();
  app.addHook('onClose', async () => clearInterval(holdTimer));

  const webRoot = config.webDir ?? (existsSync(WEB_DIST) ? WEB_DIST : WEB_PLACEHOLDER);
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: false,
    // Built assets carry a content hash in their names; index.html must always be revalidated.
    setHeaders: (res, file) => res.header('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  return app;
}

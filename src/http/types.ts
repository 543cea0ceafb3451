import type { FastifyInstance, FastifyBaseLogger, RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What every domain's routes receive besides the app. */
export type RouteDeps = { config: Config; database: Database };

declare module 'fastify' {
  interface FastifyInstance {
    /** The redirect's cache and click writer (benchmarks and tests look at them). */
    tracking: {
      cache: import('../links/link-cache.ts').LinkCache;
      writer: import('../clicks/click-writer.ts').ClickWriter;
      folder: import('../clicks/delta-folder.ts').DeltaFolder;
    };
  }
}

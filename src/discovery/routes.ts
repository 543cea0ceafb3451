import { z } from 'zod';
import { contextOf } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { scoreAccountsRequestSchema } from './account-input-schema.ts';
import { UpdateDiscoverySettingsInput } from './discovery-settings.ts';
import { findSimilarCreators, FindSimilarInput } from './find-similar-creators.ts';
import { getCreatorProfile } from './get-creator-profile.ts';
import { getDiscoverySettings } from './get-discovery-settings.ts';
import { importCreators } from './import-creators.ts';
import { ImportOptions } from './import-schemas.ts';
import { refreshYoutube, RefreshYoutubeInput } from './refresh-youtube.ts';
import { scoreAccountBatch } from './score-account-batch.ts';
import { SearchInfluencersInput } from './search-input.ts';
import { searchInfluencers } from './search-influencers.ts';
import { setCreatorNiches, SetCreatorNichesInput } from './set-creator-niches.ts';
import { updateDiscoverySettings } from './update-discovery-settings.ts';

const IdParams = z.strictObject({ id: z.string().min(1).max(100) });
/** Imports are files: larger than the API's usual 1 MiB bodies. */
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;
/** 1,000 accounts with 2,200-character biographies fit. */
const ACCOUNTS_BODY_LIMIT = 4 * 1024 * 1024;

/** Creator discovery: import, search, profiles, similar creators, authenticity, YouTube, settings. */
export function discoveryRoutes(app: App, { database }: RouteDeps): void {
  const tags = ['discovery'];
  // CSV imports arrive as text/csv; every other route stays JSON-only.
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));

  app.post(
    '/api/v1/influencers/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import creators from CSV (text/csv) or JSON; upsert by platform + handle (format: docs/discovery.md)',
        querystring: ImportOptions,
      },
    },
    async (request) => {
      const csv = /^text\/csv\b/i.test(request.headers['content-type'] ?? '');
      return importCreators({
        ctx: contextOf(request, database),
        input: { format: csv ? 'csv' : 'json', content: request.body, skipInvalid: request.query.skipInvalid, dryRun: request.query.dryRun },
      });
    },
  );
  app.get('/api/v1/influencers/search', { schema: { tags, summary: 'Search creators: filters, sort by fit, engagement, followers or authenticity', querystring: SearchInfluencersInput } }, async (request) =>
    searchInfluencers({ ctx: contextOf(request, database), input: request.query as z.input<typeof SearchInfluencersInput> }),
  );
  app.get('/api/v1/influencers/:id/profile', { schema: { tags, summary: 'A creator profile with metrics, formulas, benchmark and authenticity reasons', params: IdParams } }, async (request) => ({
    profile: await getCreatorProfile({ ctx: contextOf(request, database), input: { id: request.params.id } }),
  }));
  app.get(
    '/api/v1/influencers/:id/similar',
    { schema: { tags, summary: 'Creators similar to this one (content, niches, audience)', params: IdParams, querystring: FindSimilarInput } },
    async (request) => findSimilarCreators({ ctx: contextOf(request, database), input: { id: request.params.id, limit: request.query.limit } }),
  );
  app.put('/api/v1/influencers/:id/niches', { schema: { tags, summary: "Set a creator's niches by hand (null: assign from content)", params: IdParams, body: SetCreatorNichesInput } }, async (request) =>
    setCreatorNiches({ ctx: contextOf(request, database), input: { id: request.params.id, ...request.body } }),
  );
  app.post(
    '/api/v1/influencers/:id/refresh/youtube',
    { schema: { tags, summary: "Refresh a creator's YouTube channel, videos and comments from the YouTube Data API", params: IdParams, body: RefreshYoutubeInput.nullish() } },
    async (request) => refreshYoutube({ ctx: contextOf(request, database), input: { id: request.params.id, ...(request.body ?? {}) } }),
  );
  // Scoring stores nothing, so a read key may use it.
  app.post(
    '/api/v1/authenticity/accounts',
    { bodyLimit: ACCOUNTS_BODY_LIMIT, config: { auth: 'read' }, schema: { tags, summary: 'Fake-account probability of up to 1,000 accounts, with reasons', body: scoreAccountsRequestSchema } },
    async (request) => scoreAccountBatch({ ctx: contextOf(request, database), input: request.body }),
  );
  app.get('/api/v1/discovery/settings', { schema: { tags, summary: 'Tier bands, tier benchmarks, niche taxonomy, YouTube connector' } }, async (request) => ({
    settings: await getDiscoverySettings({ ctx: contextOf(request, database) }),
  }));
  app.put(
    '/api/v1/discovery/settings',
    { schema: { tags, summary: 'Change discovery settings (sections given replace stored ones; null restores a default)', body: UpdateDiscoverySettingsInput } },
    async (request) => updateDiscoverySettings({ ctx: contextOf(request, database), input: request.body }),
  );
}

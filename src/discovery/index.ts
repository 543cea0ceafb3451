/**
 * Public API of creator discovery. The pure part: engagement, tiers, authenticity (rules + two
 * learned models) and niche fit (the lazy default models read the training data in ./data once).
 * The verbs: import, metrics refresh, search, profiles, similar creators, settings and the
 * YouTube connector, over the tables of migration 0004 (docs/discovery.md).
 */
export type * from './types.ts';
export { POST_FORMATS } from './types.ts';
export { computeEngagement, interactions, DEFAULT_ER_WINDOW } from './compute-engagement.ts';
export type { EngagementInput, EngagementOptions, EngagementReport, FormatEngagement, RateSummary } from './compute-engagement.ts';
export { tierFor, expectedEngagement, percentileWithin, DEFAULT_TIER_BANDS, DEFAULT_TIER_BENCHMARKS } from './tiers.ts';
export type { TierId, BenchmarkKey, TierBands, ErRange, TierAssignment } from './tiers.ts';
export { scoreAuthenticity } from './score-authenticity.ts';
export type { AuthenticityInput, AuthenticityOptions, AuthenticityReport } from './score-authenticity.ts';
export { trainFakeAccountModel, scoreAccounts, fakeProbability, getDefaultFakeAccountModel } from './fake-account-model.ts';
export type { FakeAccountModel, FakeAccountTrainingOptions } from './fake-account-model.ts';
export { accountInputSchema, scoreAccountsRequestSchema, MAX_ACCOUNTS_PER_REQUEST } from './account-input-schema.ts';
export { trainSpamModel, classifyComments, spamProbability, getDefaultSpamModel, tokenizeComment } from './spam-comment-model.ts';
export type { SpamModel, SpamTrainingOptions } from './spam-comment-model.ts';
export { isGenericComment, isEmojiOnly, duplicateKey } from './comment-heuristics.ts';
export { assignNiches, DEFAULT_NICHE_TAXONOMY } from './niche.ts';
export type { NicheDefinition, NicheInput, NicheOptions } from './niche.ts';
export { buildBm25Index, scoreBm25, bm25Idf } from './bm25.ts';
export type { Bm25Index, Bm25Result } from './bm25.ts';
export { fitScore, buildFitIndex, creatorDocument, DEFAULT_FIT_WEIGHTS } from './fit-score.ts';
export type { FitCreator, FitOptions, FitResult, FitTerm, FitTermName, FitWeights } from './fit-score.ts';
export { evaluateBinary, sensitivityAtSpecificity, thresholdForSpecificity, stratifiedFolds } from './classification-metrics.ts';

// Verbs and routes over the database (creator discovery as a capability).
export { importCreators, ImportCreatorsInput } from './import-creators.ts';
export type { ImportResult } from './import-creators.ts';
export { parseCreatorsCsv } from './parse-creators-csv.ts';
export { parseCreatorsJson } from './parse-creators-json.ts';
export type { ImportRecordInput, ImportRowError } from './import-schemas.ts';
export { refreshMetrics } from './refresh-metrics.ts';
export { searchInfluencers } from './search-influencers.ts';
export type { SearchPage, SearchResultDto } from './search-influencers.ts';
export { SearchInfluencersInput } from './search-input.ts';
export { getCreatorProfile } from './get-creator-profile.ts';
export type { CreatorProfileDto } from './get-creator-profile.ts';
export { findSimilarCreators } from './find-similar-creators.ts';
export { setCreatorNiches } from './set-creator-niches.ts';
export { scoreAccountBatch } from './score-account-batch.ts';
export { refreshYoutube, RefreshYoutubeInput } from './refresh-youtube.ts';
export { getDiscoverySettings } from './get-discovery-settings.ts';
export { updateDiscoverySettings } from './update-discovery-settings.ts';
export { seedDemoCreators } from './seed-demo-creators.ts';
export { discoveryRoutes } from './routes.ts';

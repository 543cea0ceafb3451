/**
 * Public API of creator discovery: engagement, tiers, authenticity (rules + two learned models)
 * and niche fit. Everything is a pure function except the lazy default models, which read the
 * training data shipped in ./data once.
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

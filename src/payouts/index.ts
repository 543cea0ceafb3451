export { createPayoutBatch, getPayoutBatch } from './create-payout-batch.ts';
export { listPayoutBatches, type PayoutBatchSummary } from './list-payout-batches.ts';
export { settlePayoutItems } from './settle-payout-items.ts';
export { setPayoutDetails } from './payout-details.ts';
export { creatorStatement } from './creator-statement.ts';
export { payoutRoutes } from './routes.ts';

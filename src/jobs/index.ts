export { retryDelayMs } from './backoff.ts';
export { enqueueJob, JOBS_CHANNEL, type EnqueueInput } from './enqueue-job.ts';
export { JobRunner, type JobHandlerContext, type JobInfo, type JobRow, type JobRunnerOptions } from './job-runner.ts';

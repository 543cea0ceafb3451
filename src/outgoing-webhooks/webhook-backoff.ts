import { retryDelayMs } from '../jobs/index.ts';

/** Webhook retries: 10 s, 20 s, 40 s … capped at 2 h, each with jitter (a receiver may be down for hours). */
export const webhookBackoff = (attempt: number): number => retryDelayMs(attempt, { baseMs: 10_000, maxMs: 2 * 3_600_000 });

import type { JobRunner } from '../jobs/index.ts';
import { deliverWebhook } from './deliver-webhook.ts';
import { DELIVERY_JOB, DeliveryJob } from './schemas.ts';
import { webhookBackoff } from './webhook-backoff.ts';

export { emitEvent } from './emit-event.ts';
export { outgoingWebhookRoutes } from './routes.ts';
export { signPayload } from './sign-payload.ts';
export { EVENT_TYPES, type EventType } from './schemas.ts';

/** Registers the delivery job with the app's runner. */
export function registerWebhookJobs(runner: JobRunner): void {
  runner.register(DELIVERY_JOB, DeliveryJob, deliverWebhook, { backoff: webhookBackoff });
}

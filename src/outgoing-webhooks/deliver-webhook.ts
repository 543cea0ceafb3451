import { sql } from 'kysely';
import { getInstanceSecret } from '../db/instance-secret.ts';
import type { JobHandlerContext } from '../jobs/index.ts';
import { decryptSecret } from '../shared/encryption.ts';
import type { DeliveryJob } from './schemas.ts';
import { signPayload } from './sign-payload.ts';
import type { z } from 'zod';

const TIMEOUT_MS = 10_000;

/**
 * The delivery job: POSTs the stored body, signed, to the endpoint. 2xx is delivered; anything
 * else (or no answer within 10 s) is logged and thrown, so the queue retries it with backoff.
 * Redirects are not followed (a 3xx is a failure). Every attempt is a row of the delivery log.
 */
export async function deliverWebhook(payload: z.output<typeof DeliveryJob>, { db, log, job }: JobHandlerContext): Promise<void> {
  const d = await db
    .selectFrom('outgoing_deliveries as d')
    .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
    .select(['d.id', 'd.event_id', 'd.body', 'e.url', 'e.enabled', 'e.secret_encrypted'])
    .where('d.workspace_id', '=', payload.workspaceId)
    .where('d.id', '=', payload.deliveryId)
    .executeTakeFirst();
  if (!d) return; // the endpoint was deleted with its deliveries
  let statusCode: number | null = null;
  let error: string | null = null;
  const started = performance.now();
  if (!d.enabled) {
    error = 'endpoint disabled';
  } else {
    const secret = decryptSecret(d.secret_encrypted, await getInstanceSecret(db));
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Advocate-Webhooks/1',
          'advocate-event-id': d.event_id,
          'advocate-signature': signPayload(secret, d.body, Math.floor(Date.now() / 1000)),
        },
        body: d.body,
      });
      statusCode = res.status;
      await res.body?.cancel().catch(() => {});
      if (res.status < 200 || res.status >= 300) error = `HTTP ${res.status}`;
    } catch (err) {
      error = err instanceof Error ? (err.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : err.message) : String(err);
    }
  }
  const durationMs = Math.round(performance.now() - started);
  const delivered = error === null;
  const final = delivered || job.attempt >= job.maxAttempts || !d.enabled;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('outgoing_delivery_attempts')
      .values({ workspace_id: payload.workspaceId, delivery_id: d.id, status_code: statusCode, error: error?.slice(0, 500) ?? null, duration_ms: durationMs })
      .execute();
    await trx
      .updateTable('outgoing_deliveries')
      .set({
        attempts: sql`attempts + 1`,
        last_status_code: statusCode,
        status: delivered ? 'delivered' : final ? 'failed' : 'pending',
        ...(delivered ? { delivered_at: new Date() } : {}),
      })
      .where('workspace_id', '=', payload.workspaceId)
      .where('id', '=', d.id)
      .execute();
  });
  if (!delivered && !final) throw new Error(`delivery ${d.id} to ${d.url} failed: ${error}`);
  if (!delivered) log.warn({ deliveryId: d.id, error }, 'webhook delivery failed for good');
}

import { sql } from 'kysely';
import { enqueueJob } from '../jobs/index.ts';
import type { Context } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import { DELIVERY_JOB, type EventType } from './schemas.ts';

const MAX_ATTEMPTS = 12; // with the backoff below: retries over about six hours


// Amounts are bigint minor units inside; JSON gets numbers (strings past 2^53, which the API refuses anyway).
const jsonValue = (_key: string, v: unknown) => (typeof v === 'bigint' ? (v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString()) : v);

/**
 * Records one event for every enabled endpoint of the workspace subscribed to its type and
 * enqueues their deliveries. Call it with the transaction of the change: the event is sent only
 * if the change commits.
 * @example await emitEvent({ ...ctx, db: trx }, { type: 'conversion.created', data: { conversion } })
 * @returns the event id (null when no endpoint subscribes) and the number of deliveries queued
 */
export async function emitEvent(ctx: Context, event: { type: EventType; data: Record<string, unknown> }): Promise<{ eventId: string | null; deliveries: number }> {
  const endpoints = await ctx.db
    .selectFrom('webhook_endpoints')
    .select('id')
    .where('workspace_id', '=', ctx.workspaceId)
    .where('enabled', '=', true)
    .where(sql<boolean>`${event.type} = any(events)`)
    .execute();
  if (endpoints.length === 0) return { eventId: null, deliveries: 0 };
  const eventId = newId('event');
  const body = JSON.stringify({ id: eventId, type: event.type, createdAt: new Date().toISOString(), workspaceId: ctx.workspaceId, data: event.data }, jsonValue);
  for (const endpoint of endpoints) {
    const deliveryId = newId('webhookDelivery');
    await ctx.db
      .insertInto('outgoing_deliveries')
      .values({ id: deliveryId, workspace_id: ctx.workspaceId, endpoint_id: endpoint.id, event_id: eventId, event_type: event.type, body, status: 'pending' })
      .execute();
    await enqueueJob(ctx.db, { kind: DELIVERY_JOB, payload: { deliveryId, workspaceId: ctx.workspaceId }, workspaceId: ctx.workspaceId, maxAttempts: MAX_ATTEMPTS });
  }
  return { eventId, deliveries: endpoints.length };
}

import { enqueueJob } from '../jobs/index.ts';
import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { hasPrefix } from '../shared/ids.ts';
import { getEndpointOrThrow } from './endpoint-verbs.ts';
import { DELIVERY_JOB } from './schemas.ts';

type DeliveryRow = { id: string; endpoint_id: string; event_id: string; event_type: string; body: string; status: string; attempts: number; last_status_code: number | null; created_at: Date; delivered_at: Date | null };
type AttemptRow = { status_code: number | null; error: string | null; duration_ms: number; at: Date };

function toDeliveryDto(r: DeliveryRow, attempts: AttemptRow[]) {
  return {
    id: r.id,
    endpointId: r.endpoint_id,
    eventId: r.event_id,
    eventType: r.event_type,
    status: r.status,
    attemptCount: r.attempts,
    lastStatusCode: r.last_status_code,
    payload: JSON.parse(r.body) as unknown,
    createdAt: r.created_at.toISOString(),
    deliveredAt: r.delivered_at?.toISOString() ?? null,
    attempts: attempts.map((a) => ({ statusCode: a.status_code, error: a.error, durationMs: a.duration_ms, at: a.at.toISOString() })),
  };
}

async function attemptsOf(ctx: Context, ids: string[]) {
  if (ids.length === 0) return new Map<string, AttemptRow[]>();
  const rows = await ctx.db.selectFrom('outgoing_delivery_attempts').selectAll().where('workspace_id', '=', ctx.workspaceId).where('delivery_id', 'in', ids).orderBy('id').execute();
  const by = new Map<string, AttemptRow[]>();
  for (const r of rows) by.set(r.delivery_id, [...(by.get(r.delivery_id) ?? []), r]);
  return by;
}

/** The delivery log of one endpoint, newest first, each delivery with its attempts. */
export async function listDeliveries({ ctx, input }: { ctx: Context; input: { endpointId: string; limit: number } }) {
  await getEndpointOrThrow(ctx, input.endpointId);
  const rows = await ctx.db
    .selectFrom('outgoing_deliveries')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('endpoint_id', '=', input.endpointId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit)
    .execute();
  const attempts = await attemptsOf(ctx, rows.map((r) => r.id));
  return rows.map((r) => toDeliveryDto(r, attempts.get(r.id) ?? []));
}

/** Sends a delivery again (same event id and body, a new signature), with the usual retries. */
export async function replayDelivery({ ctx, input }: { ctx: Context; input: { id: string } }) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = hasPrefix(input.id, 'webhookDelivery')
      ? await trx.selectFrom('outgoing_deliveries').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', input.id).forUpdate().executeTakeFirst()
      : undefined;
    if (!row) throw notFound('Webhook delivery', input.id);
    await trx.updateTable('outgoing_deliveries').set({ status: 'pending' }).where('workspace_id', '=', ctx.workspaceId).where('id', '=', row.id).execute();
    await enqueueJob(trx, { kind: DELIVERY_JOB, payload: { deliveryId: row.id, workspaceId: ctx.workspaceId }, workspaceId: ctx.workspaceId, maxAttempts: 12 });
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'webhook_delivery.replayed', subjectId: row.id });
    const attempts = await attemptsOf({ ...ctx, db: trx }, [row.id]);
    return toDeliveryDto({ ...row, status: 'pending' }, attempts.get(row.id) ?? []);
  });
}

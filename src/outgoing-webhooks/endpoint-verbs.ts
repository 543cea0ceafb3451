import type { Selectable } from 'kysely';
import { getInstanceSecret } from '../db/instance-secret.ts';
import type { WebhookEndpointsTable } from '../db/schema-jobs.ts';
import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { encryptSecret } from '../shared/encryption.ts';
import { notFound } from '../shared/errors.ts';
import { hasPrefix, newId } from '../shared/ids.ts';
import { randomBase62 } from '../shared/secrets.ts';
import { CreateEndpointInput, UpdateEndpointInput } from './schemas.ts';

export function toEndpointDto(r: Selectable<WebhookEndpointsTable>) {
  return {
    id: r.id,
    url: r.url,
    description: r.description,
    events: r.events,
    enabled: r.enabled,
    secretHint: r.secret_hint,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** A signing secret (shown once) and its encrypted form; the secret must be usable, so it is not hashed. */
async function newSecret(ctx: Context) {
  const secret = `whsec_${randomBase62(32)}`;
  return { secret, secret_encrypted: encryptSecret(secret, await getInstanceSecret(ctx.db)), secret_hint: `whsec_…${secret.slice(-4)}` };
}

/** The endpoint of this workspace, or 404 (another workspace's id too). */
export async function getEndpointOrThrow(ctx: Context, id: string) {
  const row = hasPrefix(id, 'webhookEndpoint')
    ? await ctx.db.selectFrom('webhook_endpoints').selectAll().where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!row) throw notFound('Webhook endpoint', id);
  return row;
}

/**
 * Adds an endpoint that receives the subscribed events, signed with a new secret.
 * @returns the endpoint and its signing secret (never shown again)
 */
export async function createWebhookEndpoint({ ctx, input }: { ctx: Context; input: CreateEndpointInput }) {
  const v = CreateEndpointInput.parse(input);
  const { secret, ...stored } = await newSecret(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('webhook_endpoints')
      .values({ id: newId('webhookEndpoint'), workspace_id: ctx.workspaceId, url: v.url, description: v.description, events: v.events, enabled: v.enabled, ...stored })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'webhook_endpoint.created', subjectId: row.id, data: { url: v.url, events: v.events } });
    return { endpoint: toEndpointDto(row), secret };
  });
}

export async function listWebhookEndpoints({ ctx }: { ctx: Context }) {
  const rows = await ctx.db.selectFrom('webhook_endpoints').selectAll().where('workspace_id', '=', ctx.workspaceId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toEndpointDto);
}

/** Changes url, events, description or enabled; `rotateSecret` answers a new secret once. */
export async function updateWebhookEndpoint({ ctx, input }: { ctx: Context; input: { id: string; changes: UpdateEndpointInput } }) {
  const c = UpdateEndpointInput.parse(input.changes);
  await getEndpointOrThrow(ctx, input.id);
  const rotated = c.rotateSecret ? await newSecret(ctx) : undefined;
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('webhook_endpoints')
      .set({
        updated_at: new Date(),
        ...(c.url !== undefined ? { url: c.url } : {}),
        ...(c.events !== undefined ? { events: c.events } : {}),
        ...(c.description !== undefined ? { description: c.description } : {}),
        ...(c.enabled !== undefined ? { enabled: c.enabled } : {}),
        ...(rotated ? { secret_encrypted: rotated.secret_encrypted, secret_hint: rotated.secret_hint } : {}),
      })
      .where('workspace_id', '=', ctx.workspaceId)
      .where('id', '=', input.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { rotateSecret: _, ...changed } = c;
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'webhook_endpoint.updated', subjectId: row.id, data: { ...changed, rotated: Boolean(rotated) } });
    return { endpoint: toEndpointDto(row), ...(rotated ? { secret: rotated.secret } : {}) };
  });
}

/** Deletes an endpoint with its delivery log; queued deliveries to it are dropped when their job runs. */
export async function deleteWebhookEndpoint({ ctx, input }: { ctx: Context; input: { id: string } }) {
  await getEndpointOrThrow(ctx, input.id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('webhook_endpoints').where('workspace_id', '=', ctx.workspaceId).where('id', '=', input.id).execute();
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'webhook_endpoint.deleted', subjectId: input.id });
  });
}

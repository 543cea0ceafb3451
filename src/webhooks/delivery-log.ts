import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Context } from '../shared/context.ts';

export type Delivery = { workspaceId: string; provider: string; topic: string | null; verified: boolean; result: string; conversionId?: string | null; error?: string | null };

/** Records one received webhook/postback: what came, whether it verified, and what it did. */
export async function logDelivery(db: Kysely<DB>, d: Delivery): Promise<void> {
  await db
    .insertInto('webhook_deliveries')
    .values({ workspace_id: d.workspaceId, provider: d.provider, topic: d.topic, verified: d.verified, result: d.result, conversion_id: d.conversionId ?? null, error: d.error?.slice(0, 500) ?? null })
    .execute();
}

/** The brand's view of deliveries for one integration, newest first. */
export async function listDeliveries({ ctx, input }: { ctx: Context; input: { provider: string; limit?: number } }) {
  const rows = await ctx.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('provider', '=', input.provider)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit ?? 100)
    .execute();
  return rows.map((r) => ({ id: Number(r.id), topic: r.topic, verified: r.verified, result: r.result, conversionId: r.conversion_id, error: r.error, receivedAt: r.received_at.toISOString() }));
}

import type { Context } from '../shared/context.ts';
import { getConversionRow } from './conversion-row.ts';
import { toConversionDto } from './to-conversion-dto.ts';

/** A conversion with its attribution decision, fraud flags and history (refunds, reviews, repeats). */
export async function getConversion({ ctx, input }: { ctx: Context; input: { id: string } }) {
  const row = await getConversionRow(ctx, input.id);
  const events = await ctx.db
    .selectFrom('conversion_events')
    .select(['kind', 'external_id', 'amount', 'actor', 'data', 'at'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('conversion_id', '=', row.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return {
    ...toConversionDto(row),
    history: events.map((e) => ({ kind: e.kind, externalId: e.external_id, amount: e.amount === null ? null : Number(e.amount), actor: e.actor, data: e.data, at: e.at.toISOString() })),
  };
}

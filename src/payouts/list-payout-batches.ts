import { sql } from 'kysely';
import { z } from 'zod';
import type { Context } from '../shared/context.ts';
import { cursorAtColumn, decodeCursor, encodeCursor } from '../shared/page-cursor.ts';

const BATCH_STATUSES = ['open', 'paid', 'partially_paid', 'failed'] as const;
const LIMIT_MESSAGE = 'limit must be a whole number from 1 to 200';

export const ListPayoutBatchesInput = z.strictObject({
  status: z.enum(BATCH_STATUSES, { message: `status must be one of ${BATCH_STATUSES.join(', ')}` }).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code').optional(),
  limit: z.coerce.number({ message: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, LIMIT_MESSAGE).max(200, LIMIT_MESSAGE).default(50),
  cursor: z.string().min(1).max(500).optional(),
});
export type ListPayoutBatchesInput = z.input<typeof ListPayoutBatchesInput>;

export type PayoutBatchSummary = {
  id: string;
  status: (typeof BATCH_STATUSES)[number];
  currency: string;
  /** The payout method of every item when they share one ("paypal", "bank"), "mixed", or null for an empty batch. */
  method: string | null;
  methods: string[];
  itemCount: number;
  paidCount: number;
  failedCount: number;
  total: number;
  createdBy: string;
  createdAt: string;
};

/**
 * The workspace's payout batches, newest first, with their item methods and settlement counts;
 * keyset pages like every other list.
 * @example await listPayoutBatches({ ctx, input: { limit: 20 } }) // { data: [{ id: 'pay_…', method: 'paypal', … }], nextCursor }
 */
export async function listPayoutBatches({ ctx, input }: { ctx: Context; input: ListPayoutBatchesInput }): Promise<{ data: PayoutBatchSummary[]; nextCursor: string | null }> {
  const q = ListPayoutBatchesInput.parse(input);
  let query = ctx.db
    .selectFrom('payout_batches as b')
    .select(['b.id', 'b.status', 'b.currency', 'b.total', 'b.item_count', 'b.created_by', 'b.created_at'])
    .select(cursorAtColumn('b.created_at').as('cursor_at'))
    .select([
      sql<string | null>`(select string_agg(distinct coalesce(p.method, 'unknown'), ',') from payout_items p where p.batch_id = b.id and p.workspace_id = b.workspace_id)`.as('methods'),
      sql<number>`(select count(*) from payout_items p where p.batch_id = b.id and p.workspace_id = b.workspace_id and p.status = 'paid')::int4`.as('paid_count'),
      sql<number>`(select count(*) from payout_items p where p.batch_id = b.id and p.workspace_id = b.workspace_id and p.status = 'failed')::int4`.as('failed_count'),
    ])
    .where('b.workspace_id', '=', ctx.workspaceId);
  if (q.status) query = query.where('b.status', '=', q.status);
  if (q.currency) query = query.where('b.currency', '=', q.currency);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    query = query.where(sql<boolean>`(b.created_at, b.id) < (${c.at}::timestamptz, ${c.id})`);
  }
  const rows = await query.orderBy('b.created_at', 'desc').orderBy('b.id', 'desc').limit(q.limit + 1).execute();
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    data: page.map((r) => {
      const methods = r.methods ? r.methods.split(',').sort() : [];
      return {
        id: r.id,
        status: r.status,
        currency: r.currency,
        method: methods.length === 0 ? null : methods.length === 1 ? methods[0]! : 'mixed',
        methods,
        itemCount: r.item_count,
        paidCount: Number(r.paid_count),
        failedCount: Number(r.failed_count),
        total: Number(r.total),
        createdBy: r.created_by,
        createdAt: r.created_at.toISOString(),
      };
    }),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null,
  };
}

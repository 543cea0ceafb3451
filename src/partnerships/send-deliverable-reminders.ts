import { sql } from 'kysely';
import { notify } from '../notifications/index.ts';
import { emitEvent } from '../outgoing-webhooks/index.ts';
import type { Context } from '../shared/context.ts';

const DUE_SOON_MS = 48 * 3600_000;

type Claimed = { id: string; type: string; due_at: Date; partnership_id: string; influencer_name: string; campaign_name: string };

/**
 * Reminds the brand (in-app notice, email, webhook) of deliverables due within 48 hours and of
 * overdue ones, once each: the reminder stamp is claimed with the notice in one transaction, so
 * several processes running this never send twice.
 * @returns how many reminders were sent
 */
export async function sendDeliverableReminders({ ctx, input }: { ctx: Context; input: { now: Date } }): Promise<{ dueSoon: number; overdue: number }> {
  const now = input.now.toISOString();
  const soon = new Date(input.now.getTime() + DUE_SOON_MS).toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const claim = async (column: 'reminded_due_soon_at' | 'reminded_overdue_at', condition: ReturnType<typeof sql>) =>
      (
        await sql<Claimed>`
          with claimed as (
            update deliverables set ${sql.ref(column)} = ${now}::timestamptz
            where workspace_id = ${ctx.workspaceId} and status <> 'live' and ${sql.ref(column)} is null and ${condition}
            returning id, type, due_at, partnership_id
          )
          select c.id, c.type, c.due_at, c.partnership_id, i.name as influencer_name, m.name as campaign_name
          from claimed c join partnerships p on p.id = c.partnership_id join influencers i on i.id = p.influencer_id
          join campaigns m on m.id = p.campaign_id order by c.due_at`.execute(trx)
      ).rows;
    const tctx = { ...ctx, db: trx };
    const overdue = await claim('reminded_overdue_at', sql`due_at < ${now}::timestamptz`);
    const dueSoon = await claim('reminded_due_soon_at', sql`due_at >= ${now}::timestamptz and due_at < ${soon}::timestamptz`);
    for (const [list, kind] of [[dueSoon, 'due_soon'], [overdue, 'overdue']] as const) {
      for (const d of list) {
        const when = d.due_at.toISOString().slice(0, 16).replace('T', ' ');
        const subject = kind === 'overdue' ? `Overdue: ${d.influencer_name}'s ${d.type} for ${d.campaign_name}` : `Due soon: ${d.influencer_name}'s ${d.type} for ${d.campaign_name}`;
        await notify(tctx, { to: 'workspace', subject, text: `${subject} (due ${when} UTC). Partnership ${d.partnership_id}, deliverable ${d.id}.` });
        await emitEvent(tctx, { type: kind === 'overdue' ? 'deliverable.overdue' : 'deliverable.due_soon', data: { deliverableId: d.id, partnershipId: d.partnership_id, type: d.type, dueAt: d.due_at.toISOString() } });
      }
    }
    return { dueSoon: dueSoon.length, overdue: overdue.length };
  });
}

/** The scheduler's pass over every workspace with a deliverable needing a reminder. */
export async function sendRemindersEverywhere(ctx: Omit<Context, 'workspaceId'>, now = new Date()): Promise<number> {
  const soon = new Date(now.getTime() + DUE_SOON_MS).toISOString();
  const ws = await sql<{ workspace_id: string }>`select distinct workspace_id from deliverables where status <> 'live'
    and ((reminded_overdue_at is null and due_at < ${now.toISOString()}::timestamptz) or (reminded_due_soon_at is null and due_at < ${soon}::timestamptz))`.execute(ctx.db);
  let n = 0;
  for (const w of ws.rows) {
    const r = await sendDeliverableReminders({ ctx: { ...ctx, workspaceId: w.workspace_id }, input: { now } });
    n += r.dueSoon + r.overdue;
  }
  return n;
}

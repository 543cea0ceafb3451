import type { Context } from '../shared/context.ts';
import { toDecimalString } from '../shared/money.ts';
import { notify } from './notify.ts';

/**
 * Tells creators (by the email on their profile) and the brand (in-app) about money events:
 * commissions approved, payouts sent. One message per creator and currency; call it in the
 * transaction of the change.
 */
export async function notifyCreatorsOfMoney(ctx: Context, event: 'approved' | 'paid', lines: { influencerId: string; amount: bigint; currency: string }[]): Promise<number> {
  const totals = new Map<string, bigint>();
  for (const l of lines) totals.set(`${l.influencerId}|${l.currency}`, (totals.get(`${l.influencerId}|${l.currency}`) ?? 0n) + l.amount);
  if (totals.size === 0) return 0;
  const ids = [...new Set(lines.map((l) => l.influencerId))];
  const people = await ctx.db.selectFrom('influencers').select(['id', 'name', 'email']).where('workspace_id', '=', ctx.workspaceId).where('id', 'in', ids).execute();
  const byId = new Map(people.map((p) => [p.id, p]));
  let sent = 0;
  for (const [key, amount] of totals) {
    const [influencerId, currency] = key.split('|') as [string, string];
    const who = byId.get(influencerId);
    const money = `${toDecimalString({ amount, currency })} ${currency}`;
    const subject = event === 'approved' ? `Commissions approved: ${money}` : `Payout sent: ${money}`;
    const text =
      event === 'approved'
        ? `Hi ${who?.name ?? 'there'}, ${money} of your commissions were approved and will be in your next payout.`
        : `Hi ${who?.name ?? 'there'}, a payout of ${money} has been sent to you.`;
    if (who?.email) await notify(ctx, { to: { email: who.email }, subject, text });
    sent++;
  }
  return sent;
}

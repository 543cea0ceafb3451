import { stringify } from 'csv-stringify/sync';
import type { Context } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { toDecimalString } from '../shared/money.ts';

export type StatementLine = { date: string; kind: string; reference: string; description: string; status: string; amount: bigint; currency: string };

/** Every commission, adjustment, clawback and payout of a creator in [from, to), oldest first. */
export async function creatorStatement({ ctx, input }: { ctx: Context; input: { influencerId: string; from: Date; to: Date } }) {
  const inf = await ctx.db.selectFrom('influencers').select(['id', 'name']).where('workspace_id', '=', ctx.workspaceId).where('id', '=', input.influencerId).executeTakeFirst();
  if (!inf) throw notFound('Influencer', input.influencerId);
  const commissions = await ctx.db
    .selectFrom('commissions')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('influencer_id', '=', inf.id)
    .where('created_at', '>=', input.from)
    .where('created_at', '<', input.to)
    .orderBy('created_at')
    .execute();
  const payouts = await ctx.db
    .selectFrom('payout_items')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('influencer_id', '=', inf.id)
    .where('status', '=', 'paid')
    .where('paid_at', '>=', input.from)
    .where('paid_at', '<', input.to)
    .execute();
  const lines: StatementLine[] = [
    ...commissions.map((c) => ({
      date: c.created_at.toISOString().slice(0, 10),
      kind: c.amount < 0n ? (c.reason?.startsWith('clawback') ? 'clawback' : 'adjustment') : c.kind,
      reference: c.id,
      description: c.reason ? `${c.explanation} — ${c.reason}` : c.explanation,
      status: c.status,
      amount: c.amount,
      currency: c.currency,
    })),
    ...payouts.map((p) => ({ date: p.paid_at!.toISOString().slice(0, 10), kind: 'payout', reference: p.id, description: `Payout in batch ${p.batch_id}`, status: 'paid', amount: -p.amount, currency: p.currency })),
  ].sort((a, b) => a.date.localeCompare(b.date) || a.reference.localeCompare(b.reference));
  return { influencer: inf, from: input.from, to: input.to, lines };
}

const money = (amount: bigint, currency: string) => `${toDecimalString({ amount, currency })} ${currency}`;

export function statementCsv(s: Awaited<ReturnType<typeof creatorStatement>>): string {
  return stringify(
    s.lines.map((l) => [l.date, l.kind, l.reference, l.description, l.status, toDecimalString({ amount: l.amount, currency: l.currency }), l.currency]),
    { header: true, columns: ['date', 'kind', 'reference', 'description', 'status', 'amount', 'currency'] },
  );
}

const escapeHtml = (t: string) => t.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function statementHtml(s: Awaited<ReturnType<typeof creatorStatement>>): string {
  const rows = s.lines
    .map((l) => `<tr><td>${l.date}</td><td>${escapeHtml(l.kind)}</td><td>${escapeHtml(l.description)}</td><td>${escapeHtml(l.status)}</td><td class="n">${escapeHtml(money(l.amount, l.currency))}</td></tr>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Statement — ${escapeHtml(s.influencer.name)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}.n{text-align:right;font-variant-numeric:tabular-nums}</style></head>
<body><h1>Statement for ${escapeHtml(s.influencer.name)}</h1><p>${s.from.toISOString().slice(0, 10)} to ${s.to.toISOString().slice(0, 10)}</p>
<table><thead><tr><th>Date</th><th>Kind</th><th>Description</th><th>Status</th><th class="n">Amount</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
}

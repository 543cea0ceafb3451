import { sql } from 'kysely';
import type { ClickSignal, CouponSignal, CustomerBinding } from '../attribution/index.ts';
import type { Context } from '../shared/context.ts';

/** The clicks table row as an attribution signal. */
async function clickById(ctx: Context, clickId: string): Promise<ClickSignal | null> {
  const row = await ctx.db
    .selectFrom('clicks')
    .select(['id', 'link_id', 'influencer_id', 'campaign_id', 'clicked_at', 'ip_hash', 'bot'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('id', '=', clickId)
    .executeTakeFirst();
  return row
    ? { clickId: row.id, linkId: row.link_id, influencerId: row.influencer_id, campaignId: row.campaign_id, clickedAt: row.clicked_at, ipHash: row.ip_hash, bot: row.bot }
    : null;
}

async function couponByCode(ctx: Context, code: string): Promise<CouponSignal | null> {
  const row = await ctx.db
    .selectFrom('coupons')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where(sql`upper(code)`, '=', code.toUpperCase())
    .executeTakeFirst();
  if (!row) return null;
  let usedBy: string | null = null;
  if (row.used_by_conversion_id) {
    const used = await ctx.db.selectFrom('conversions').select('order_id').where('id', '=', row.used_by_conversion_id).executeTakeFirst();
    usedBy = used?.order_id ?? row.used_by_conversion_id;
  }
  return { code: row.code, influencerId: row.influencer_id, campaignId: row.campaign_id, singleUse: row.single_use, alreadyUsedByOrderId: usedBy, active: row.active };
}

async function bindingOf(ctx: Context, customerKey: string): Promise<CustomerBinding | null> {
  const row = await ctx.db
    .selectFrom('customer_bindings')
    .selectAll()
    .where('workspace_id', '=', ctx.workspaceId)
    .where('customer_key', '=', customerKey)
    .executeTakeFirst();
  return row ? { influencerId: row.influencer_id, campaignId: row.campaign_id, boundAt: row.bound_at, conversionId: row.conversion_id } : null;
}

/** Everything attribution looks at for one conversion, read from this workspace only. */
export async function gatherSignals(ctx: Context, facts: { clickId: string | null; couponCode: string | null; customerKey: string | null }) {
  const [click, coupon, binding] = await Promise.all([
    facts.clickId ? clickById(ctx, facts.clickId) : null,
    facts.couponCode ? couponByCode(ctx, facts.couponCode) : null,
    facts.customerKey ? bindingOf(ctx, facts.customerKey) : null,
  ]);
  return { click, coupon, binding };
}

/** Conversions from the same IP hash and customer in the velocity window before `at`. */
export async function recentConversionCounts(ctx: Context, args: { ipHash: string | null; customerKey: string | null; at: Date; windowMinutes: number }) {
  const since = new Date(args.at.getTime() - args.windowMinutes * 60_000);
  const count = async (column: 'ip_hash' | 'customer_key', value: string | null) => {
    if (!value) return 0;
    const r = await ctx.db
      .selectFrom('conversions')
      .select((eb) => eb.fn.countAll<bigint>().as('n'))
      .where('workspace_id', '=', ctx.workspaceId)
      .where(column, '=', value)
      .where('occurred_at', '>', since)
      .where('occurred_at', '<=', args.at)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };
  const [sameIpHashCount, sameCustomerCount] = await Promise.all([count('ip_hash', args.ipHash), count('customer_key', args.customerKey)]);
  return { sameIpHashCount, sameCustomerCount };
}

/** Did the coupon's creator have a click from this visitor (same click or same IP hash) in the window? */
export async function couponClickSeen(ctx: Context, args: { influencerId: string; click: ClickSignal | null; ipHash: string | null; at: Date; windowDays: number }) {
  if (args.click && args.click.influencerId === args.influencerId) return true;
  if (!args.ipHash) return false;
  const row = await ctx.db
    .selectFrom('clicks')
    .select('id')
    .where('workspace_id', '=', ctx.workspaceId)
    .where('influencer_id', '=', args.influencerId)
    .where('ip_hash', '=', args.ipHash)
    .where('clicked_at', '>=', new Date(args.at.getTime() - args.windowDays * 86400_000))
    .where('clicked_at', '<=', args.at)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

import { sql, type RawBuilder } from 'kysely';
import type { Context } from '../shared/context.ts';

export type RoiGroup = 'influencer' | 'campaign' | 'overall' | 'month';

export type RoiRow = {
  key: string;
  currency: string;
  revenue: number;
  sales: number;
  leads: number;
  newCustomers: number;
  returningCustomers: number;
  commissions: number;
  gifts: number;
  cost: number;
  roas: number | null;
  cpa: number | null;
  /** Likes + comments + shares + saves and views of the partnered posts in the period. */
  engagements: number;
  views: number;
  costPerEngagement: number | null;
  cpm: number | null;
  /** Earned media value: engagements × the value of one engagement (default 0.10 in the row's currency). */
  emv: number;
};

/**
 * Return on investment over [from, to): attributed net revenue (after tax, shipping and refunds)
 * against cost — commissions of every kind (fees, bonuses, adjustments and clawbacks included) plus
 * gifted product value — per creator, campaign, month or overall, in each currency.
 */
export async function roi({ ctx, input }: { ctx: Context; input: { from: Date; to: Date; groupBy: RoiGroup; emvPerEngagement?: number } }): Promise<RoiRow[]> {
  const emvRate = input.emvPerEngagement ?? 10;
  const key = (col: { influencer: string; campaign: string; at: string }): RawBuilder<string> =>
    input.groupBy === 'influencer'
      ? sql.raw(col.influencer)
      : input.groupBy === 'campaign'
        ? sql.raw(`coalesce(${col.campaign}, 'none')`)
        : input.groupBy === 'month'
          ? sql.raw(`to_char(${col.at} at time zone 'UTC', 'YYYY-MM')`)
          : sql.raw(`'all'`);
  const from = input.from.toISOString();
  const to = input.to.toISOString();
  const r = await sql<{ k: string; currency: string; revenue: bigint; sales: bigint; leads: bigint; new_c: bigint; ret_c: bigint; commissions: bigint; gifts: bigint; engagements: bigint; views: bigint }>`
    with conv as (
      select ${key({ influencer: 'c.influencer_id', campaign: 'c.campaign_id', at: 'c.occurred_at' })} as k, coalesce(c.currency, 'USD') as currency,
        sum(case when c.type = 'sale' then c.amount - coalesce(c.tax, 0) - coalesce(c.shipping, 0) - c.refunded_amount else 0 end) as revenue,
        count(*) filter (where c.type = 'sale') as sales, count(*) filter (where c.type = 'lead') as leads,
        count(*) filter (where c.customer_key is not null and not exists (select 1 from conversions e where e.workspace_id = c.workspace_id
          and e.customer_key = c.customer_key and (e.occurred_at, e.id) < (c.occurred_at, c.id))) as new_c,
        count(*) filter (where c.customer_key is not null and exists (select 1 from conversions e where e.workspace_id = c.workspace_id
          and e.customer_key = c.customer_key and (e.occurred_at, e.id) < (c.occurred_at, c.id))) as ret_c
      from conversions c
      where c.workspace_id = ${ctx.workspaceId} and c.status = 'active' and c.influencer_id is not null
        and c.occurred_at >= ${from}::timestamptz and c.occurred_at < ${to}::timestamptz
      group by 1, 2
    ),
    com as (
      select ${key({ influencer: 'm.influencer_id', campaign: 'm.campaign_id', at: 'm.created_at' })} as k, m.currency, sum(m.amount) as commissions
      from commissions m
      where m.workspace_id = ${ctx.workspaceId} and m.status not in ('rejected', 'cancelled')
        and m.created_at >= ${from}::timestamptz and m.created_at < ${to}::timestamptz
      group by 1, 2
    ),
    gift as (
      select ${key({ influencer: 'p.influencer_id', campaign: 'p.campaign_id', at: 'g.created_at' })} as k, g.currency, sum(g.value) as gifts
      from gift_shipments g join partnerships p on p.id = g.partnership_id
      where g.workspace_id = ${ctx.workspaceId} and g.created_at >= ${from}::timestamptz and g.created_at < ${to}::timestamptz
      group by 1, 2
    ),
    posts as (
      select ${key({ influencer: 'a.influencer_id', campaign: 'dl.campaign_id', at: 'p.posted_at' })} as k,
        sum(p.likes + p.comments + p.shares + p.saves)::int8 as engagements, coalesce(sum(p.views), 0)::int8 as views
      from social_posts p
      join social_accounts a on a.id = p.account_id and a.workspace_id = p.workspace_id
      left join lateral (select s.campaign_id from deliverables d join partnerships s on s.id = d.partnership_id
        where d.workspace_id = p.workspace_id and d.post_url = p.url limit 1) dl on true
      where p.workspace_id = ${ctx.workspaceId} and p.posted_at >= ${from}::timestamptz and p.posted_at < ${to}::timestamptz
        and exists (select 1 from partnerships s where s.workspace_id = p.workspace_id and s.influencer_id = a.influencer_id)
        and (p.sponsored or p.gifted or dl.campaign_id is not null)
      group by 1
    ),
    keys as (select k, currency from conv union select k, currency from com union select k, currency from gift)
    select keys.k, keys.currency, coalesce(conv.revenue, 0)::int8 as revenue, coalesce(conv.sales, 0)::int8 as sales, coalesce(conv.leads, 0)::int8 as leads,
      coalesce(conv.new_c, 0)::int8 as new_c, coalesce(conv.ret_c, 0)::int8 as ret_c,
      coalesce(com.commissions, 0)::int8 as commissions, coalesce(gift.gifts, 0)::int8 as gifts,
      coalesce(posts.engagements, 0)::int8 as engagements, coalesce(posts.views, 0)::int8 as views
    from keys
    left join posts on posts.k = keys.k
    left join conv on conv.k = keys.k and conv.currency = keys.currency
    left join com on com.k = keys.k and com.currency = keys.currency
    left join gift on gift.k = keys.k and gift.currency = keys.currency
    order by revenue desc, keys.k`.execute(ctx.db);
  return r.rows.map((x) => {
    const cost = Number(x.commissions + x.gifts);
    const revenue = Number(x.revenue);
    const sales = Number(x.sales);
    return {
      key: x.k,
      currency: x.currency,
      revenue,
      sales,
      leads: Number(x.leads),
      newCustomers: Number(x.new_c),
      returningCustomers: Number(x.ret_c),
      commissions: Number(x.commissions),
      gifts: Number(x.gifts),
      cost,
      roas: cost > 0 ? Math.round((revenue / cost) * 100) / 100 : null,
      cpa: sales > 0 ? Math.round(cost / sales) : null,
      engagements: Number(x.engagements),
      views: Number(x.views),
      costPerEngagement: Number(x.engagements) > 0 ? Math.round((cost / Number(x.engagements)) * 100) / 100 : null,
      cpm: Number(x.views) > 0 ? Math.round((cost / Number(x.views)) * 1000) : null,
      emv: Number(x.engagements) * emvRate,
    };
  });
}

/** Creators ranked by the lifetime value of the customers they brought (all their later orders). */
export async function customerValueLeaderboard({ ctx }: { ctx: Context }) {
  const r = await sql<{ influencer_id: string; name: string; currency: string; customers: bigint; orders: bigint; value: bigint }>`
    select b.influencer_id, i.name, c.currency, count(distinct b.customer_key)::int8 as customers, count(*)::int8 as orders,
      sum(c.amount - coalesce(c.tax, 0) - coalesce(c.shipping, 0) - c.refunded_amount)::int8 as value
    from customer_bindings b
    join conversions c on c.workspace_id = b.workspace_id and c.customer_key = b.customer_key and c.type = 'sale' and c.status = 'active'
    join influencers i on i.id = b.influencer_id
    where b.workspace_id = ${ctx.workspaceId}
    group by 1, 2, 3 order by value desc limit 50`.execute(ctx.db);
  return r.rows.map((x) => ({
    influencerId: x.influencer_id,
    name: x.name,
    currency: x.currency,
    customers: Number(x.customers),
    orders: Number(x.orders),
    lifetimeValue: Number(x.value),
    valuePerCustomer: Math.round(Number(x.value) / Number(x.customers)),
  }));
}

/** Share of partnerships still active 3 and 6 months after they became active (of those old enough). */
export async function creatorRetention({ ctx, input }: { ctx: Context; input: { now: Date } }) {
  const r = await sql<{ months: number; eligible: bigint; retained: bigint }>`
    with activated as (
      select partnership_id, min(at) as since from partnership_events where workspace_id = ${ctx.workspaceId} and to_stage = 'active' group by 1
    ), ended as (
      select e.partnership_id, min(e.at) as at from partnership_events e join activated a using (partnership_id)
      where e.to_stage in ('completed', 'declined') and e.at > a.since group by 1
    )
    select m.months, count(*) filter (where a.since + make_interval(months => m.months) <= ${input.now.toISOString()}::timestamptz)::int8 as eligible,
      count(*) filter (where a.since + make_interval(months => m.months) <= ${input.now.toISOString()}::timestamptz
        and (x.at is null or x.at > a.since + make_interval(months => m.months)))::int8 as retained
    from activated a left join ended x using (partnership_id) cross join (values (3), (6)) as m(months)
    group by m.months order by m.months`.execute(ctx.db);
  return r.rows.map((x) => ({ months: Number(x.months), eligible: Number(x.eligible), retained: Number(x.retained), share: Number(x.eligible) ? Number(x.retained) / Number(x.eligible) : null }));
}

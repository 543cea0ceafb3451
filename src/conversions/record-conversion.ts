import { decideAttribution, detectFraud, needsReview } from '../attribution/index.ts';
import { accrueCommissions } from '../commissions/accrue-commissions.ts';
import { getInstanceSecret } from '../db/instance-secret.ts';
import { audit } from '../shared/audit.ts';
import { emitEvent } from '../outgoing-webhooks/index.ts';
import { toConversionDto } from './to-conversion-dto.ts';
import { actorLabel, type Context } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import { readSettings } from '../workspaces/index.ts';
import { couponClickSeen, gatherSignals, recentConversionCounts } from './gather-signals.ts';
import { hashCustomer } from './hash-customer.ts';
import { ConversionInput } from './schemas.ts';
import { findConversionByOrder, type ConversionRow } from './conversion-row.ts';

export type ConversionSource = 'api' | 'postback' | 'snippet' | 'stripe' | 'shopify' | 'woocommerce';

/**
 * Records a lead or sale exactly once and attributes it: click id → link → creator, coupon code →
 * creator, or the customer's lifetime binding, by the workspace's model and precedence. The
 * decision and its reasons are stored with the conversion; fraud flags put it in review.
 * The same orderId from any path, in parallel or days apart, answers the same conversion: a
 * unique index decides, not a check-then-insert.
 * @example const { conversion, duplicate } = await recordConversion({ ctx, input: { type: 'sale', orderId: 'A1', amount: 4999, currency: 'USD', clickId }, source: 'api' })
 */
export async function recordConversion(args: {
  ctx: Context;
  input: ConversionInput;
  source: ConversionSource;
  ipHash?: string | null;
  now?: Date;
}): Promise<{ conversion: ConversionRow; duplicate: boolean }> {
  const { ctx, source } = args;
  const c = ConversionInput.parse(args.input);
  if (c.orderId) {
    const existing = await findConversionByOrder(ctx, c.orderId);
    if (existing) return { conversion: existing, duplicate: true };
  }
  const now = args.now ?? new Date();
  const occurredAt = c.occurredAt ? new Date(c.occurredAt) : now;
  const secret = await getInstanceSecret(ctx.db);
  const customerKey = c.customerId
    ? hashCustomer(secret, ctx.workspaceId, 'id', c.customerId)
    : c.customerEmail
      ? hashCustomer(secret, ctx.workspaceId, 'email', c.customerEmail)
      : null;
  const emailHash = c.customerEmail ? hashCustomer(secret, ctx.workspaceId, 'email', c.customerEmail) : null;
  const ws = await ctx.db.selectFrom('workspaces').select('settings').where('id', '=', ctx.workspaceId).executeTakeFirstOrThrow();
  const settings = readSettings(ws.settings).attribution;
  const ipHash = args.ipHash ?? null;
  const signals = await gatherSignals(ctx, { clickId: c.clickId ?? null, couponCode: c.couponCode ?? null, customerKey });
  const facts = { type: c.type, occurredAt, orderId: c.orderId ?? null, customerKey, ipHash, clickIdGiven: c.clickId ?? null, couponCodeGiven: c.couponCode ?? null };
  const decision = decideAttribution({ conversion: facts, clickFromId: signals.click, visitorClicks: [], coupon: signals.coupon, binding: signals.binding, settings });

  const recent = await recentConversionCounts(ctx, { ipHash, customerKey, at: occurredAt, windowMinutes: settings.velocity.windowMinutes });
  const creator = decision.influencerId
    ? await ctx.db.selectFrom('influencers').select('email').where('workspace_id', '=', ctx.workspaceId).where('id', '=', decision.influencerId).executeTakeFirst()
    : undefined;
  const couponSeen =
    decision.method === 'coupon' && signals.coupon
      ? await couponClickSeen(ctx, { influencerId: signals.coupon.influencerId, click: signals.click, ipHash, at: occurredAt, windowDays: settings.windowDays })
      : true;
  const winningClick = decision.clickId && signals.click?.clickId === decision.clickId ? signals.click : null;
  const flags = detectFraud({
    conversion: { ...facts, customerEmailHash: emailHash },
    decision,
    winningClick,
    recent,
    creator: creator ? { emailHashes: creator.email ? [hashCustomer(secret, ctx.workspaceId, 'email', creator.email)] : [], customerKeys: [] } : null,
    couponClickSeen: couponSeen,
    settings,
  });

  return ctx.db.transaction().execute(async (trx) => {
    const id = newId('conversion');
    const inserted = await trx
      .insertInto('conversions')
      .values({
        id,
        workspace_id: ctx.workspaceId,
        type: c.type,
        order_id: c.orderId ?? null,
        source,
        status: needsReview(flags) ? 'review' : 'active',
        amount: BigInt(c.amount ?? 0),
        currency: c.currency ?? null,
        tax: c.tax === undefined ? null : BigInt(c.tax),
        shipping: c.shipping === undefined ? null : BigInt(c.shipping),
        discount: c.discount === undefined ? null : BigInt(c.discount),
        customer_key: customerKey,
        customer_email_hash: emailHash,
        ip_hash: ipHash,
        coupon_code: c.couponCode ?? null,
        click_id: c.clickId ?? null,
        influencer_id: decision.influencerId,
        campaign_id: decision.campaignId,
        link_id: decision.linkId,
        attribution_method: decision.method,
        attribution: JSON.stringify(decision),
        fraud_flags: JSON.stringify(flags),
        line_items: JSON.stringify(c.lineItems ?? []),
        subscription: c.subscription ? JSON.stringify(c.subscription) : null,
        metadata: JSON.stringify(c.metadata ?? {}),
        occurred_at: occurredAt,
      })
      .onConflict((oc) => oc.columns(['workspace_id', 'order_id']).where('order_id', 'is not', null).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted) {
      // Another delivery of the same order won the race: answer with its conversion.
      return { conversion: (await findConversionByOrder({ ...ctx, db: trx }, c.orderId!))!, duplicate: true };
    }
    await trx
      .insertInto('conversion_events')
      .values({ workspace_id: ctx.workspaceId, conversion_id: id, kind: 'created', external_id: null, amount: inserted.amount, actor: actorLabel(ctx.actor), data: JSON.stringify({ source, flags: flags.map((f) => f.code) }) })
      .execute();
    if (decision.influencerId && customerKey && settings.customerLifetime.enabled && !signals.binding) {
      await trx
        .insertInto('customer_bindings')
        .values({ workspace_id: ctx.workspaceId, customer_key: customerKey, influencer_id: decision.influencerId, campaign_id: decision.campaignId, conversion_id: id, bound_at: occurredAt })
        .onConflict((oc) => oc.columns(['workspace_id', 'customer_key']).doNothing())
        .execute();
    }
    if (decision.method === 'coupon' && signals.coupon?.singleUse) {
      await trx
        .updateTable('coupons')
        .set({ used_by_conversion_id: id })
        .where('workspace_id', '=', ctx.workspaceId)
        .where('code', '=', signals.coupon.code)
        .where('used_by_conversion_id', 'is', null)
        .execute();
    }
    await emitEvent({ ...ctx, db: trx }, { type: 'conversion.created', data: { conversion: toConversionDto(inserted) } });
    await accrueCommissions({ ...ctx, db: trx }, inserted); // commissions commit with the conversion
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'conversion.created', subjectId: id, data: { source, orderId: c.orderId ?? null } });
    return { conversion: inserted, duplicate: false };
  });
}

import { sql } from 'kysely';
import { createCoupon } from '../coupons/index.ts';
import { recordConversion } from '../conversions/record-conversion.ts';
import { recordRefund } from '../conversions/record-refund.ts';
import type { Context } from '../shared/context.ts';
import { seededRandom } from './demo-clicks.ts';

/**
 * Demo sales and leads attributed the ways a real program sees them: from tracked clicks (about
 * 2% of human clicks buy), from coupon codes, from returning customers; a few refunds, a few held
 * in review (a leaked coupon, an unattributed order).
 */
export async function seedDemoConversions(ctx: Context, influencerIds: string[], seed = 11): Promise<number> {
  const rand = seededRandom(seed);
  for (const [i, id] of influencerIds.slice(0, 6).entries()) {
    await createCoupon({ ctx, input: { influencerId: id, code: `GLOW${['MAYA', 'JORDAN', 'PRIYA', 'LEO', 'SOFIA', 'AMARA'][i]}15` } });
  }
  const clicks = await sql<{ id: string; clicked_at: Date; influencer_id: string }>`
    select id, clicked_at, influencer_id from clicks where workspace_id = ${ctx.workspaceId} and not bot and is_unique
    order by clicked_at`.execute(ctx.db);
  let made = 0;
  const customers: string[] = [];
  for (const click of clicks.rows) {
    if (rand() > 0.02) continue;
    const occurredAt = new Date(click.clicked_at.getTime() + (5 + rand() * 240) * 60_000);
    if (occurredAt.getTime() > Date.now()) continue;
    const returning = customers.length > 5 && rand() < 0.15;
    const customerId = returning ? customers[Math.floor(rand() * customers.length)]! : `cus_${made}`;
    if (!returning) customers.push(customerId);
    const lead = rand() < 0.2;
    const amount = [2900, 3900, 4900, 6500, 8900, 12900][Math.floor(rand() * 6)]!;
    const { conversion } = await recordConversion({
      ctx,
      source: rand() < 0.5 ? 'stripe' : 'api',
      now: occurredAt,
      input: lead
        ? { type: 'lead', orderId: `lead-${made}`, clickId: click.id, customerId, occurredAt: occurredAt.toISOString() }
        : { type: 'sale', orderId: `#${1000 + made}`, amount, currency: 'USD', tax: Math.round(amount * 0.08), clickId: click.id, customerId, occurredAt: occurredAt.toISOString() },
    });
    made++;
    if (!lead && rand() < 0.06) {
      await recordRefund({ ctx, input: { conversionId: conversion.id, refundId: `re_${made}`, amount: rand() < 0.5 ? amount : Math.round(amount / 2), currency: 'USD', reason: 'requested_by_customer' } });
    }
  }
  // Coupon sales with no click, and one order nobody can be credited for.
  for (let i = 0; i < 12; i++) {
    const at = new Date(Date.now() - (1 + rand() * 50) * 86400_000).toISOString();
    await recordConversion({ ctx, source: 'shopify', input: { type: 'sale', orderId: `#C${i}`, amount: 5500, currency: 'USD', couponCode: `GLOW${['MAYA', 'JORDAN', 'PRIYA', 'LEO', 'SOFIA', 'AMARA'][i % 6]}15`, occurredAt: at } });
    made++;
  }
  await recordConversion({ ctx, source: 'api', input: { type: 'sale', orderId: '#UNKNOWN-1', amount: 3100, currency: 'USD' } });
  return made + 1;
}

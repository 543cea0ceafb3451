import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { recordConversion } from '../conversions/record-conversion.ts';
import { recordRefund } from '../conversions/record-refund.ts';
import type { DB } from '../db/schema.ts';
import {
  isWooPing,
  parseJsonLossless,
  shopifyWebhookToResult,
  stripeEventToResult,
  verifyShopifyHmac,
  verifyStripeSignature,
  verifyWooCommerceSignature,
  wooWebhookToResult,
  type NormalisedRefund,
  type NormalisedSale,
  type VerifyResult,
  type WebhookResult,
} from '../integrations/index.ts';
import type { Context } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { readSettings } from '../workspaces/index.ts';
import { logDelivery } from './delivery-log.ts';
import { findIntegration } from './find-integration.ts';

export type WebhookProvider = 'stripe' | 'shopify' | 'woocommerce';
type Headers = Record<string, string | string[] | undefined>;
const header = (h: Headers, name: string) => (Array.isArray(h[name]) ? h[name]![0] : (h[name] as string | undefined));

function verify(provider: WebhookProvider, rawBody: Buffer, headers: Headers, secret: string): VerifyResult {
  if (provider === 'stripe') return verifyStripeSignature({ rawBody, header: header(headers, 'stripe-signature'), secret, now: new Date() });
  if (provider === 'shopify') return verifyShopifyHmac({ rawBody, header: header(headers, 'x-shopify-hmac-sha256'), secret });
  return verifyWooCommerceSignature({ rawBody, header: header(headers, 'x-wc-webhook-signature'), secret });
}

function normalise(provider: WebhookProvider, rawBody: Buffer, headers: Headers, clickIdParam: string): { topic: string | null; result: WebhookResult } {
  const text = rawBody.toString('utf8');
  if (provider === 'stripe') {
    const parsed = parseJsonLossless(text);
    if (!parsed.ok) return { topic: null, result: { kind: 'ignored', reason: `body is not JSON: ${parsed.message}` } };
    const topic = (parsed.value as { type?: unknown }).type;
    return { topic: typeof topic === 'string' ? topic : null, result: stripeEventToResult(parsed.value, { clickIdParam }) };
  }
  const topic = header(headers, provider === 'shopify' ? 'x-shopify-topic' : 'x-wc-webhook-topic') ?? '';
  const result = provider === 'shopify' ? shopifyWebhookToResult(topic, text, { clickIdParam }) : wooWebhookToResult(topic, text, { clickIdParam });
  return { topic, result };
}

const safe = (v: bigint | null, what: string) => {
  if (v === null) return undefined;
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new AppError('VALIDATION', `${what} is beyond 2^53 − 1 minor units`);
  return Number(v);
};

function saleInput(s: NormalisedSale) {
  return {
    type: 'sale' as const,
    orderId: s.orderId,
    amount: safe(s.amount, 'amount')!,
    currency: s.currency,
    ...(s.tax !== null ? { tax: safe(s.tax, 'tax') } : {}),
    ...(s.shipping !== null ? { shipping: safe(s.shipping, 'shipping') } : {}),
    ...(s.discount !== null ? { discount: safe(s.discount, 'discount') } : {}),
    ...(s.customerId ? { customerId: s.customerId } : {}),
    ...(s.customerEmail ? { customerEmail: s.customerEmail } : {}),
    ...(s.couponCode ? { couponCode: s.couponCode.slice(0, 64) } : {}),
    ...(s.clickId ? { clickId: s.clickId } : {}),
    lineItems: s.lineItems.slice(0, 500).map((l) => ({ sku: l.sku, category: l.category, quantity: l.quantity, amount: safe(l.amount, 'line amount')! })),
    ...(s.subscription ? { subscription: { id: s.subscription.id, isRenewal: s.subscription.isRenewal } } : {}),
    occurredAt: s.occurredAt.toISOString(),
    metadata: s.metadata,
  };
}

/** The sale a refund belongs to: by order id, or (Stripe) by the payment intent stored on the sale. */
async function findSale(ctx: Context, r: NormalisedRefund) {
  return ctx.db
    .selectFrom('conversions')
    .select(['id', 'amount', 'refunded_amount'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where((eb) => eb.or([eb('order_id', '=', r.orderId), eb(sql`metadata->>'stripePaymentIntentId'`, '=', r.orderId)]))
    .executeTakeFirst();
}

/**
 * Handles one webhook delivery: verify the signature on the raw bytes, normalise, record the sale
 * or refund exactly once, and log the delivery. A refund for an order not received yet answers
 * 409 so the platform retries later (out-of-order deliveries end in the right state).
 */
export async function receiveWebhook(args: { db: Kysely<DB>; log: FastifyBaseLogger; provider: WebhookProvider; workspaceId: string; rawBody: Buffer; headers: Headers }) {
  const { db, provider, workspaceId, rawBody, headers } = args;
  const integration = await findIntegration(db, workspaceId, provider);
  if (!integration) throw new AppError('NOT_FOUND', `No enabled ${provider} integration for this workspace (configure it under /api/v1/integrations/${provider})`);
  const log = (d: { topic: string | null; verified: boolean; result: string; conversionId?: string; error?: string }) => logDelivery(db, { workspaceId, provider, ...d });
  if (provider === 'woocommerce' && isWooPing(rawBody, header(headers, 'content-type'))) {
    await log({ topic: 'ping', verified: false, result: 'ping' });
    return { result: 'ping' };
  }
  const verified = verify(provider, rawBody, headers, integration.secret);
  if (!verified.ok) {
    await log({ topic: null, verified: false, result: 'rejected', error: verified.message });
    throw new AppError('UNAUTHORIZED', `Signature check failed: ${verified.message}`);
  }
  const ws = await db.selectFrom('workspaces').select('settings').where('id', '=', workspaceId).executeTakeFirstOrThrow();
  const { topic, result } = normalise(provider, rawBody, headers, readSettings(ws.settings).clickIdParam);
  const ctx: Context = { db, workspaceId, actor: { kind: 'system', name: provider }, log: args.log };
  try {
    if (result.kind === 'ignored') {
      await log({ topic, verified: true, result: 'ignored', error: result.reason });
      return { result: 'ignored', reason: result.reason };
    }
    if (result.kind === 'conversion') {
      const { conversion, duplicate } = await recordConversion({ ctx, input: saleInput(result), source: provider });
      await log({ topic, verified: true, result: duplicate ? 'duplicate' : 'created', conversionId: conversion.id });
      return { result: duplicate ? 'duplicate' : 'created', conversionId: conversion.id };
    }
    const sale = await findSale(ctx, result);
    if (!sale) {
      await log({ topic, verified: true, result: 'deferred', error: `order ${result.orderId} not received yet` });
      throw new AppError('CONFLICT', `Order ${result.orderId} has not been received yet; retry later`, { retry: true });
    }
    // Platforms that state the running total make a lost or reordered refund webhook harmless.
    const target = result.totalRefunded !== null ? (result.totalRefunded < sale.amount ? result.totalRefunded : sale.amount) : sale.refunded_amount + result.amount;
    const amount = target - sale.refunded_amount;
    if (amount <= 0n) {
      await log({ topic, verified: true, result: 'duplicate', conversionId: sale.id });
      return { result: 'duplicate', conversionId: sale.id };
    }
    const { conversion, duplicate } = await recordRefund({
      ctx,
      input: { conversionId: sale.id, refundId: result.refundId, amount: Number(amount), currency: result.currency, chargeback: result.chargeback, ...(result.reason ? { reason: result.reason.slice(0, 500) } : {}) },
    });
    await log({ topic, verified: true, result: duplicate ? 'duplicate' : 'refund', conversionId: conversion.id });
    return { result: duplicate ? 'duplicate' : 'refund', conversionId: conversion.id };
  } catch (err) {
    if (err instanceof AppError && err.code !== 'CONFLICT') await log({ topic, verified: true, result: 'error', error: err.message });
    throw err;
  }
}

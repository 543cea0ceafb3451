import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { App, RouteDeps } from '../http/types.ts';
import { isCurrency } from '../shared/currencies.ts';
import { AppError } from '../shared/errors.ts';
import { parseDecimalAmount } from '../shared/money.ts';
import { safeEqual } from '../shared/secrets.ts';
import { logDelivery } from '../webhooks/delivery-log.ts';
import { findIntegrationByToken } from '../webhooks/find-integration.ts';
import { recordConversion } from './record-conversion.ts';
import { recordRefund } from './record-refund.ts';

const Params = z.record(z.string(), z.string().max(2000));

/**
 * The string a postback's `sig` signs: every other parameter as key=value (decoded), sorted by
 * key, joined with '&'. sig = hex(HMAC-SHA256(signing secret, that string)).
 * @example canonicalQuery({ order_id: 'A1', amount: '19.99', sig: '…' }) // 'amount=19.99&order_id=A1'
 */
export function canonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'sig')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

function amountOf(params: Record<string, string>, currency: string): number {
  const parsed = parseDecimalAmount(params.amount ?? '', currency);
  if (!parsed.ok) throw new AppError('VALIDATION', `amount: ${parsed.message}`);
  if (parsed.value.amount > BigInt(Number.MAX_SAFE_INTEGER)) throw new AppError('VALIDATION', 'amount: too large');
  return Number(parsed.value.amount);
}

/**
 * GET/POST /api/v1/postback/:token for platforms that can only fire a URL. Parameters: type
 * (sale|lead|refund), order_id, amount (decimal, in major units: 19.99), currency, click_id, coupon,
 * customer_id, email, occurred_at, refund_id (refunds), sig (optional HMAC, required if configured).
 */
export function postbackRoutes(app: App, { database }: RouteDeps): void {
  const handler = async (request: { params: unknown; query: unknown; body?: unknown; log: any; method: string }) => {
    const { token } = request.params as { token: string };
    const params = Params.parse({ ...(request.query as object), ...(typeof request.body === 'object' && request.body ? request.body : {}) });
    const integration = await findIntegrationByToken(database.db, 'postback', token);
    if (!integration) throw new AppError('NOT_FOUND', 'Unknown or disabled postback URL');
    const workspaceId = integration.row.workspace_id;
    const log = (verified: boolean, result: string, extra: { conversionId?: string; error?: string } = {}) =>
      logDelivery(database.db, { workspaceId, provider: 'postback', topic: params.type ?? 'sale', verified, result, ...extra });
    if (params.sig !== undefined || integration.row.options.requireSignature === true) {
      const expected = createHmac('sha256', integration.secret).update(canonicalQuery(params)).digest('hex');
      if (!params.sig || !safeEqual(params.sig, expected)) {
        await log(false, 'rejected', { error: params.sig ? 'bad signature' : 'missing signature' });
        throw new AppError('UNAUTHORIZED', params.sig ? 'sig does not match the parameters (see the postback signing rule)' : 'This postback URL requires a sig parameter');
      }
    }
    const ctx = { db: database.db, workspaceId, actor: { kind: 'system' as const, name: 'postback' }, log: request.log };
    const type = params.type ?? 'sale';
    const currency = params.currency?.toUpperCase();
    if (currency !== undefined && !isCurrency(currency)) throw new AppError('VALIDATION', `currency: ${params.currency} is not an active ISO 4217 code`);
    try {
      if (type === 'refund') {
        if (!params.order_id || !params.refund_id || !currency) throw new AppError('VALIDATION', 'a refund needs order_id, refund_id, amount and currency');
        const { conversion, duplicate } = await recordRefund({ ctx, input: { orderId: params.order_id, refundId: params.refund_id, amount: amountOf(params, currency), currency } });
        await log(true, duplicate ? 'duplicate' : 'refund', { conversionId: conversion.id });
        return { ok: true, id: conversion.id, duplicate };
      }
      if (type !== 'sale' && type !== 'lead') throw new AppError('VALIDATION', 'type must be sale, lead or refund');
      const { conversion, duplicate } = await recordConversion({
        ctx,
        source: 'postback',
        input: {
          type,
          ...(params.order_id ? { orderId: params.order_id } : {}),
          ...(currency && params.amount !== undefined ? { amount: amountOf(params, currency), currency } : {}),
          ...(params.click_id ? { clickId: params.click_id } : {}),
          ...(params.coupon ? { couponCode: params.coupon } : {}),
          ...(params.customer_id ? { customerId: params.customer_id } : {}),
          ...(params.email ? { customerEmail: params.email } : {}),
          ...(params.occurred_at ? { occurredAt: params.occurred_at } : {}),
        },
      });
      await log(true, duplicate ? 'duplicate' : 'created', { conversionId: conversion.id });
      return { ok: true, id: conversion.id, influencerId: conversion.influencer_id, duplicate };
    } catch (err) {
      if (err instanceof AppError || (err as Error).name === 'ZodError') await log(true, 'rejected', { error: (err as Error).message });
      throw err;
    }
  };
  const opts = { config: { auth: 'public' as const }, schema: { tags: ['conversions'], summary: 'Postback URL (per-workspace token, optional HMAC)' } };
  app.get('/api/v1/postback/:token', opts, handler);
  app.post('/api/v1/postback/:token', opts, handler);
}

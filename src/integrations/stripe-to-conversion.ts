/**
 * Turns a verified Stripe event into a sale, a refund or an `ignored` with its reason. Run
 * `verifyStripeSignature` on the raw body first; this only reads the parsed JSON.
 */
import type { z } from 'zod';
import { catchPayloadError } from './payload-error.ts';
import { chargeToRefund } from './stripe-charge-to-refund.ts';
import { checkoutSessionToSale } from './stripe-checkout-to-sale.ts';
import { disputeToChargeback } from './stripe-dispute-to-chargeback.ts';
import { invoiceToSale } from './stripe-invoice-to-sale.ts';
import { describeIssue } from './describe-issue.ts';
import { Charge, CheckoutSession, Dispute, Invoice, StripeEvent } from './stripe-schemas.ts';
import { ignored, type NormaliseOptions, type WebhookResult } from './types.ts';

type Envelope = { id: string; created: number };
type Handler = (object: unknown, event: Envelope, options: NormaliseOptions) => WebhookResult;

function handle<S extends z.ZodType>(schema: S, what: string, run: (value: z.output<S>, event: Envelope, options: NormaliseOptions) => WebhookResult): Handler {
  return (object, event, options) => {
    const parsed = schema.safeParse(object);
    if (!parsed.success) return ignored(`${what} does not have the expected shape: ${describeIssue(parsed.error)}`);
    return catchPayloadError(() => run(parsed.data, event, options));
  };
}

const checkout = handle(CheckoutSession, 'checkout session', checkoutSessionToSale);
const invoice = handle(Invoice, 'invoice', invoiceToSale);

// A Map, so an event type such as "constructor" can never reach an inherited property.
const HANDLERS: ReadonlyMap<string, Handler> = new Map([
  ['checkout.session.completed', checkout],
  ['checkout.session.async_payment_succeeded', checkout],
  // Stripe sends both for the same invoice; the shared orderId keeps them one conversion.
  ['invoice.paid', invoice],
  ['invoice.payment_succeeded', invoice],
  ['charge.refunded', handle(Charge, 'charge', chargeToRefund)],
  ['charge.dispute.created', handle(Dispute, 'dispute', disputeToChargeback)],
]);

/**
 * Normalises a Stripe event (the parsed JSON body). Unknown event types, unpaid sessions and
 * shapes that do not fit come back as `ignored` with a reason; nothing here throws on input.
 * @example
 * stripeEventToResult(JSON.parse(rawBody))
 * // { kind: 'conversion', source: 'stripe', orderId: 'cs_test_…', amount: 3000n, currency: 'USD', … }
 */
export function stripeEventToResult(event: unknown, options: NormaliseOptions = {}): WebhookResult {
  const envelope = StripeEvent.safeParse(event);
  if (!envelope.success) return ignored(`not a Stripe event: ${describeIssue(envelope.error)}`);
  const { type, id, created, data } = envelope.data;
  const handler = HANDLERS.get(type);
  if (!handler) return ignored(`unsupported Stripe event type ${type}`);
  return handler(data.object, { id, created }, options);
}

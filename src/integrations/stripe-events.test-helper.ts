/**
 * Test-only Stripe events composed from Stripe's OpenAPI fixtures (test/fixtures/webhooks/stripe).
 * Their values are placeholders (unpaid session, nothing refunded), so each test patches in the
 * state it needs, using the amounts the Stripe CLI triggers create for the same events.
 */
import { clone, fixtureJson } from './webhook-fixtures.test-helper.ts';

const EVENTS = fixtureJson('stripe/events-composed-from-fixtures3.json').events;

/** A parameter of one step of a `stripe trigger` fixture. @example triggerParam('invoice.paid', 'invoiceitem').amount // 2000 */
export function triggerParam(name: string, fixture: string): any {
  const steps = fixtureJson(`stripe/stripe-cli-triggers/${name}.json`).fixtures as { name: string; params: any }[];
  return steps.find((f) => f.name === fixture)!.params;
}

/** A fresh copy of the composed event of `type`, its data.object patched. */
export function stripeEvent(type: string, patch: (object: any) => void = () => {}): any {
  const e = clone(EVENTS[type]);
  patch(e.data.object);
  return e;
}

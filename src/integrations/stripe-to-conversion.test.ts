import { describe, expect, it } from 'vitest';
import { stripeEventToResult } from './stripe-to-conversion.ts';
import { stripeEvent } from './stripe-events.test-helper.ts';

describe('stripeEventToResult: everything else', () => {
  it('ignores other event types by name', () => {
    expect(stripeEventToResult(stripeEvent('payment_intent.succeeded'))).toEqual({ kind: 'ignored', reason: 'unsupported Stripe event type payment_intent.succeeded' });
    expect(stripeEventToResult(stripeEvent('refund.created'))).toMatchObject({ kind: 'ignored' });
    expect(stripeEventToResult({ ...stripeEvent('charge.refunded'), type: 'constructor' })).toMatchObject({ kind: 'ignored' });
  });

  it('ignores things that are not events', () => {
    for (const junk of [null, 42, 'evt', [], { id: 'evt_1' }, { id: 'evt_1', type: 'invoice.paid', created: 1, data: null }]) {
      expect(stripeEventToResult(junk)).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/^not a Stripe event/) });
    }
  });
});

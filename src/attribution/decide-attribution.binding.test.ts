import { describe, expect, it } from 'vitest';
import { DAY, binding, click, conversion, coupon, decide, settings, signalOf, verdict } from './test-fixtures.ts';

const typed = conversion({ couponCodeGiven: 'SPRING10' });

describe('decideAttribution: customer binding (lifetime commissions)', () => {
  it('a live binding beats both a coupon and a click of other creators', () => {
    const d = decide({ conversion: typed, clickFromId: click('a', DAY), coupon: coupon(), binding: binding(20 * DAY) });
    expect(d).toMatchObject({ influencerId: 'inf_old', campaignId: null, method: 'customer', clickId: null, linkId: null, couponCode: null });
    expect(signalOf(d, 'cnv_0')).toEqual({ kind: 'customer', ref: 'cnv_0', influencerId: 'inf_old', status: 'used', detail: 'is inside the 365-day lifetime' });
    expect(signalOf(d, 'clk_a')).toMatchObject({ status: 'overridden', detail: 'came 24 hours before the conversion, inside the 30-day window, but the customer is bound to inf_old (lifetime commissions come first)' });
    expect(signalOf(d, 'SPRING10')).toMatchObject({ status: 'overridden', detail: 'was typed at checkout, but the customer is bound to inf_old (lifetime commissions come first)' });
    expect(d.reasons).toContain("The customer's binding to inf_old, made by conversion cnv_0 20 days before this one, is inside the 365-day lifetime.");
    expect(verdict(d)).toBe(
      'The customer binding wins: inf_old first brought this customer (conversion cnv_0, 20 days earlier) and keeps them for 365 days under lifetime commissions, ahead of clicks and coupons; the coupon SPRING10 (belongs to inf_maya) and the click clk_a from 24 hours earlier (link lnk_a, creator inf_bob) were overridden.',
    );
  });

  it('a binding alone attributes', () => {
    const d = decide({ binding: binding(DAY, { campaignId: 'cmp_b' }) });
    expect(d).toMatchObject({ influencerId: 'inf_old', campaignId: 'cmp_b', method: 'customer' });
    expect(verdict(d)).toBe(
      'The customer binding wins: inf_old first brought this customer (conversion cnv_0, 24 hours earlier) and keeps them for 365 days under lifetime commissions, ahead of clicks and coupons.',
    );
  });

  it('the lifetime is inclusive: exactly `days` old still binds, a millisecond more has expired', () => {
    expect(decide({ binding: binding(365 * DAY) }).method).toBe('customer');
    const d = decide({ clickFromId: click('a', DAY), binding: binding(365 * DAY + 1) });
    expect(d).toMatchObject({ method: 'click', influencerId: 'inf_bob' });
    expect(signalOf(d, 'cnv_0')).toMatchObject({ status: 'outside_window', detail: 'has expired: lifetime commissions last 365 days' });
  });

  it('a forever lifetime never expires', () => {
    const d = decide({ settings: settings({ customerLifetime: { days: null } }), binding: binding(3000 * DAY) });
    expect(d.method).toBe('customer');
    expect(signalOf(d, 'cnv_0').detail).toBe('never expires (lifetime commissions)');
    expect(verdict(d)).toContain('and keeps them for good under lifetime commissions');
  });

  it('a custom lifetime is honoured', () => {
    const s = settings({ customerLifetime: { days: 90 } });
    expect(decide({ settings: s, binding: binding(90 * DAY) }).method).toBe('customer');
    expect(decide({ settings: s, binding: binding(91 * DAY) }).method).toBeNull();
  });

  it('with lifetime commissions off the binding is ignored', () => {
    const d = decide({ settings: settings({ customerLifetime: { enabled: false } }), clickFromId: click('a', DAY), binding: binding(DAY) });
    expect(d).toMatchObject({ method: 'click', influencerId: 'inf_bob' });
    expect(signalOf(d, 'cnv_0')).toMatchObject({ status: 'ignored', detail: 'does not apply because lifetime commissions are turned off' });
  });

  it('a binding made after this conversion does not apply (events out of order)', () => {
    const d = decide({ clickFromId: click('a', DAY), binding: binding(-DAY) });
    expect(d).toMatchObject({ method: 'click', influencerId: 'inf_bob' });
    expect(signalOf(d, 'cnv_0')).toMatchObject({ status: 'ignored', detail: 'was made after this conversion, so it does not apply to it' });
    expect(d.reasons).toContain("The customer's binding to inf_old, made by conversion cnv_0 24 hours after this one, was made after this conversion, so it does not apply to it.");
  });

  it("the bound creator's own click and coupon are recorded with the binding", () => {
    const own = click('own', 2 * DAY, { influencerId: 'inf_old', campaignId: 'cmp_o' });
    const d = decide({ conversion: typed, visitorClicks: [own, click('b', DAY)], coupon: coupon({ influencerId: 'inf_old' }), binding: binding(100 * DAY) });
    expect(d).toMatchObject({ method: 'customer', influencerId: 'inf_old', clickId: 'clk_own', linkId: 'lnk_own', couponCode: 'SPRING10', campaignId: 'cmp_o' });
    expect(signalOf(d, 'clk_own').status).toBe('used');
    expect(signalOf(d, 'SPRING10').status).toBe('used');
    expect(verdict(d)).toMatch(
      /; the click clk_b from 24 hours earlier \(link lnk_b, creator inf_bob\) was overridden\. The same creator's click clk_own \(link lnk_own\) and coupon SPRING10 are recorded with it\.$/,
    );
  });

  it("the bound creator's click in another campaign than the binding's is overridden", () => {
    const own = click('own', 2 * DAY, { influencerId: 'inf_old', campaignId: 'cmp_x' });
    const d = decide({ visitorClicks: [own], binding: binding(10 * DAY, { campaignId: 'cmp_b' }) });
    expect(d).toMatchObject({ campaignId: 'cmp_b', clickId: null });
    expect(signalOf(d, 'clk_own').detail).toContain('but its campaign is not the winning campaign cmp_b');
  });

  it("the bound creator's coupon of another campaign is overridden", () => {
    const d = decide({ conversion: typed, coupon: coupon({ influencerId: 'inf_old', campaignId: 'cmp_x' }), binding: binding(10 * DAY, { campaignId: 'cmp_b' }) });
    expect(d.couponCode).toBeNull();
    expect(signalOf(d, 'SPRING10')).toMatchObject({ status: 'overridden', detail: 'was typed at checkout, but its campaign is not the winning campaign cmp_b' });
  });
});

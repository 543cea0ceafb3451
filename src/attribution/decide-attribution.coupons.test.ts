import { describe, expect, it } from 'vitest';
import { DAY, click, conversion, coupon, decide, settings, signalOf, verdict } from './test-fixtures.ts';

const typed = conversion({ couponCodeGiven: 'SPRING10' });

describe('decideAttribution: coupons and precedence', () => {
  it('a coupon alone attributes to its creator and campaign', () => {
    const d = decide({ conversion: typed, coupon: coupon({ campaignId: 'cmp_spring' }) });
    expect(d).toMatchObject({ influencerId: 'inf_maya', campaignId: 'cmp_spring', couponCode: 'SPRING10', method: 'coupon', clickId: null, linkId: null });
    expect(d.signals).toEqual([{ kind: 'coupon', ref: 'SPRING10', influencerId: 'inf_maya', status: 'used', detail: 'was typed at checkout' }]);
    expect(d.reasons).toEqual([
      'Coupon SPRING10 (belongs to inf_maya, campaign cmp_spring) was typed at checkout.',
      'Coupon SPRING10 (belongs to inf_maya) was typed at checkout and attributes the conversion to inf_maya.',
    ]);
  });

  it('by default the typed coupon beats another creator\'s click', () => {
    const d = decide({ conversion: typed, clickFromId: click('a', 3 * DAY), coupon: coupon() });
    expect(d).toMatchObject({ influencerId: 'inf_maya', method: 'coupon', couponCode: 'SPRING10', clickId: null, linkId: null, campaignId: null });
    expect(signalOf(d, 'clk_a')).toEqual({
      kind: 'click',
      ref: 'clk_a',
      influencerId: 'inf_bob',
      status: 'overridden',
      detail: 'came 3 days before the conversion, inside the 30-day window, but coupon SPRING10 takes precedence over clicks',
    });
    expect(verdict(d)).toBe(
      'Coupon SPRING10 (belongs to inf_maya) was typed at checkout and coupons take precedence over clicks; the click clk_a from 3 days earlier (link lnk_a, creator inf_bob) was overridden.',
    );
  });

  it('with click precedence the click wins and the coupon is overridden', () => {
    const d = decide({ settings: settings({ precedence: 'click' }), conversion: typed, clickFromId: click('a', 3 * DAY), coupon: coupon() });
    expect(d).toMatchObject({ influencerId: 'inf_bob', method: 'click', clickId: 'clk_a', couponCode: null });
    expect(signalOf(d, 'SPRING10')).toMatchObject({ status: 'overridden', detail: 'was typed at checkout, but clicks take precedence over coupons (click clk_a won)' });
    expect(verdict(d)).toBe(
      'Click clk_a from 3 days earlier (link lnk_a, campaign cmp_1) attributes the conversion to inf_bob: it is the only click inside the 30-day window. Clicks take precedence over coupons, so coupon SPRING10 (belongs to inf_maya) was overridden.',
    );
  });

  it('with click precedence but no valid click, the coupon still wins', () => {
    const d = decide({ settings: settings({ precedence: 'click' }), conversion: typed, clickFromId: click('old', 45 * DAY), coupon: coupon() });
    expect(d).toMatchObject({ method: 'coupon', influencerId: 'inf_maya' });
    expect(signalOf(d, 'clk_old').status).toBe('outside_window');
  });

  it("the coupon creator's own click is recorded with the coupon, giving link and campaign", () => {
    const own = click('own', 2 * DAY, { influencerId: 'inf_maya', campaignId: 'cmp_m' });
    const d = decide({ conversion: typed, visitorClicks: [click('b', DAY), own], coupon: coupon() });
    expect(d).toMatchObject({ influencerId: 'inf_maya', method: 'coupon', couponCode: 'SPRING10', clickId: 'clk_own', linkId: 'lnk_own', campaignId: 'cmp_m' });
    expect(signalOf(d, 'clk_own').status).toBe('used');
    expect(signalOf(d, 'clk_b').status).toBe('overridden');
    expect(verdict(d)).toBe(
      'Coupon SPRING10 (belongs to inf_maya) was typed at checkout and coupons take precedence over clicks; the click clk_b from 24 hours earlier (link lnk_b, creator inf_bob) was overridden. The same creator\'s click clk_own (link lnk_own) is recorded with it.',
    );
  });

  it("the creator's click in another campaign than the coupon's is overridden", () => {
    const own = click('own', 2 * DAY, { influencerId: 'inf_maya', campaignId: 'cmp_other' });
    const d = decide({ conversion: typed, visitorClicks: [own], coupon: coupon({ campaignId: 'cmp_spring' }) });
    expect(d).toMatchObject({ campaignId: 'cmp_spring', clickId: null, method: 'coupon' });
    expect(signalOf(d, 'clk_own').detail).toContain('but its campaign is not the winning campaign cmp_spring');
  });

  it('with click precedence, the same creator\'s coupon is recorded with the click', () => {
    const d = decide({ settings: settings({ precedence: 'click' }), conversion: typed, clickFromId: click('a', DAY, { influencerId: 'inf_maya' }), coupon: coupon() });
    expect(d).toMatchObject({ method: 'click', influencerId: 'inf_maya', clickId: 'clk_a', couponCode: 'SPRING10' });
    expect(signalOf(d, 'SPRING10').status).toBe('used');
    expect(verdict(d)).toMatch(/The same creator's coupon SPRING10 is recorded with it\.$/);
  });

  it('with click precedence, a same-creator coupon of another campaign is overridden', () => {
    const d = decide({ settings: settings({ precedence: 'click' }), conversion: typed, clickFromId: click('a', DAY, { influencerId: 'inf_maya' }), coupon: coupon({ campaignId: 'cmp_x' }) });
    expect(d.couponCode).toBeNull();
    expect(signalOf(d, 'SPRING10')).toMatchObject({ status: 'overridden', detail: 'was typed at checkout, but its campaign is not the winning campaign cmp_1' });
  });

  it('an inactive coupon does not attribute; a click still can', () => {
    const d = decide({ conversion: typed, clickFromId: click('a', DAY), coupon: coupon({ active: false }) });
    expect(d).toMatchObject({ method: 'click', influencerId: 'inf_bob', couponCode: null });
    expect(signalOf(d, 'SPRING10')).toMatchObject({ status: 'inactive', detail: 'is inactive, so it cannot attribute', influencerId: 'inf_maya' });
    expect(d.reasons).toContain('Coupon SPRING10 (belongs to inf_maya) is inactive, so it cannot attribute.');
    expect(decide({ conversion: typed, coupon: coupon({ active: false }) }).method).toBeNull();
  });

  it('a single-use coupon already used by another order does not attribute', () => {
    const d = decide({ conversion: typed, coupon: coupon({ singleUse: true, alreadyUsedByOrderId: 'ord_9' }) });
    expect(d.method).toBeNull();
    expect(signalOf(d, 'SPRING10')).toMatchObject({ status: 'already_used', detail: 'is single-use and was already used by order ord_9' });
    expect(verdict(d)).toBe('None of these signals can attribute the conversion, so it stays unattributed.');
  });

  it('the same order delivered again may use its own single-use coupon', () => {
    const d = decide({ conversion: typed, coupon: coupon({ singleUse: true, alreadyUsedByOrderId: 'ord_1' }) });
    expect(d).toMatchObject({ method: 'coupon', couponCode: 'SPRING10' });
  });

  it('a lead without an order id cannot reuse a spent single-use coupon', () => {
    const d = decide({ conversion: conversion({ type: 'lead', orderId: null }), coupon: coupon({ singleUse: true, alreadyUsedByOrderId: 'ord_1' }) });
    expect(signalOf(d, 'SPRING10').status).toBe('already_used');
  });

  it('a multi-use coupon ignores earlier orders', () => {
    expect(decide({ conversion: typed, coupon: coupon({ singleUse: false, alreadyUsedByOrderId: 'ord_9' }) }).method).toBe('coupon');
  });

  it('an inactive coupon is reported as inactive even if also spent', () => {
    const d = decide({ conversion: typed, coupon: coupon({ active: false, singleUse: true, alreadyUsedByOrderId: 'ord_9' }) });
    expect(signalOf(d, 'SPRING10').status).toBe('inactive');
  });

  it('a typed code matching no coupon is an unknown signal', () => {
    const d = decide({ conversion: conversion({ couponCodeGiven: 'FREESTUFF' }), clickFromId: click('a', DAY) });
    expect(d).toMatchObject({ method: 'click', couponCode: null });
    expect(signalOf(d, 'FREESTUFF')).toEqual({ kind: 'coupon', ref: 'FREESTUFF', influencerId: null, status: 'unknown', detail: 'matches no coupon' });
    expect(d.reasons).toContain('Coupon code FREESTUFF was typed but matches no coupon.');
  });

  it('a resolved coupon counts even when the code arrived by another field (e.g. a promotion code)', () => {
    expect(decide({ coupon: coupon() }).method).toBe('coupon');
  });
});

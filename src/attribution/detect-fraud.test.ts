import { describe, expect, it } from 'vitest';
import { detectFraud, type DetectFraudInput, type FraudFlag } from './detect-fraud.ts';
import { needsReview } from './needs-review.ts';
import { DAY, SEC, binding, click, conversion, coupon, decide, settings } from './test-fixtures.ts';

const clean = click('a', 2 * DAY);
const attributed = decide({ clickFromId: clean });

/** A clean, attributed conversion unless overridden: no flags. */
const input = (overrides: Partial<DetectFraudInput> = {}): DetectFraudInput => ({
  conversion: { ...conversion(), customerEmailHash: 'email_buyer' },
  decision: attributed,
  winningClick: clean,
  recent: { sameIpHashCount: 0, sameCustomerCount: 0 },
  creator: { emailHashes: ['email_bob'], customerKeys: ['cust_bob'] },
  couponClickSeen: true,
  settings: settings(),
  ...overrides,
});
const codes = (flags: FraudFlag[]) => flags.map((f) => f.code);
const flag = (flags: FraudFlag[], code: FraudFlag['code']) => flags.find((f) => f.code === code);

describe('detectFraud', () => {
  it('a clean conversion has no flags and needs no review', () => {
    const flags = detectFraud(input());
    expect(flags).toEqual([]);
    expect(needsReview(flags)).toBe(false);
  });

  describe('NO_SIGNAL', () => {
    it('flags a conversion with no click and no coupon', () => {
      const flags = detectFraud(input({ decision: decide(), winningClick: null, creator: null }));
      expect(flags).toEqual([
        {
          code: 'NO_SIGNAL',
          message: 'The conversion came with no click and no coupon.',
          evidence: { clickIdGiven: null, couponCodeGiven: null, customerBindingStatus: null, attributed: false },
        },
      ]);
      expect(needsReview(flags)).toBe(true);
    });

    it('does not flag a customer-binding attribution', () => {
      expect(codes(detectFraud(input({ decision: decide({ binding: binding(DAY) }), winningClick: null })))).toEqual([]);
    });

    it('flags an expired binding with nothing else, naming its status', () => {
      const flags = detectFraud(input({ decision: decide({ binding: binding(400 * DAY) }), winningClick: null, creator: null }));
      expect(flag(flags, 'NO_SIGNAL')?.evidence.customerBindingStatus).toBe('outside_window');
    });

    it('does not flag when a click or coupon signal was seen, even a rejected one', () => {
      const unknownClick = decide({ conversion: conversion({ clickIdGiven: 'clk_x' }) });
      expect(codes(detectFraud(input({ decision: unknownClick, winningClick: null, creator: null })))).not.toContain('NO_SIGNAL');
      const inactive = decide({ coupon: coupon({ active: false }) });
      expect(codes(detectFraud(input({ decision: inactive, winningClick: null, creator: null })))).not.toContain('NO_SIGNAL');
    });
  });

  describe('FAST_CONVERSION', () => {
    it('flags a conversion sooner after its click than the minimum', () => {
      const fast = click('f', 9 * SEC);
      const flags = detectFraud(input({ decision: decide({ clickFromId: fast }), winningClick: fast }));
      expect(flags).toEqual([
        {
          code: 'FAST_CONVERSION',
          message: 'The conversion came 9 seconds after click clk_f (minimum 10 seconds).',
          evidence: { clickId: 'clk_f', linkId: 'lnk_f', clickedAt: '2024-05-10T11:59:51.000Z', occurredAt: '2024-05-10T12:00:00.000Z', secondsAfterClick: 9, minSeconds: 10 },
        },
      ]);
    });

    it('does not flag exactly at the minimum, without a winning click, or when turned off', () => {
      const edge = click('e', 10 * SEC);
      expect(detectFraud(input({ winningClick: edge }))).toEqual([]);
      expect(detectFraud(input({ winningClick: null }))).toEqual([]);
      expect(detectFraud(input({ winningClick: click('z', 0), settings: settings({ minClickToConversionSeconds: 0 }) }))).toEqual([]);
    });

    it('uses the configured minimum', () => {
      const s = settings({ minClickToConversionSeconds: 120 });
      expect(codes(detectFraud(input({ winningClick: click('m', 119 * SEC), settings: s })))).toEqual(['FAST_CONVERSION']);
    });
  });

  describe('IP_VELOCITY and CUSTOMER_VELOCITY', () => {
    it('flags more than the maximum conversions from one IP hash in the window', () => {
      const flags = detectFraud(input({ recent: { sameIpHashCount: 5, sameCustomerCount: 0 } }));
      expect(flags).toEqual([
        {
          code: 'IP_VELOCITY',
          message: '6 conversions from IP hash ip_1 within 60 minutes (limit 5).',
          evidence: { ipHash: 'ip_1', conversionsInWindow: 6, limit: 5, windowMinutes: 60 },
        },
      ]);
    });

    it('flags more than the maximum conversions from one customer in the window', () => {
      const flags = detectFraud(input({ recent: { sameIpHashCount: 0, sameCustomerCount: 7 } }));
      expect(flags).toEqual([
        {
          code: 'CUSTOMER_VELOCITY',
          message: '8 conversions from customer cust_1 within 60 minutes (limit 5).',
          evidence: { customerKey: 'cust_1', conversionsInWindow: 8, limit: 5, windowMinutes: 60 },
        },
      ]);
    });

    it('allows up to the maximum, and needs an IP hash or customer to count', () => {
      expect(detectFraud(input({ recent: { sameIpHashCount: 4, sameCustomerCount: 4 } }))).toEqual([]);
      const anonymous = { ...conversion({ ipHash: null, customerKey: null }), customerEmailHash: null };
      expect(detectFraud(input({ conversion: anonymous, recent: { sameIpHashCount: 99, sameCustomerCount: 99 } }))).toEqual([]);
    });

    it('uses the configured limits and window', () => {
      const s = settings({ velocity: { maxPerIpHash: 1, maxPerCustomer: 2, windowMinutes: 15 } });
      const flags = detectFraud(input({ settings: s, recent: { sameIpHashCount: 1, sameCustomerCount: 2 } }));
      expect(codes(flags)).toEqual(['IP_VELOCITY', 'CUSTOMER_VELOCITY']);
      expect(flag(flags, 'CUSTOMER_VELOCITY')?.evidence).toMatchObject({ conversionsInWindow: 3, limit: 2, windowMinutes: 15 });
    });
  });

  describe('SELF_REFERRAL', () => {
    it("flags the creator's own customer id", () => {
      const flags = detectFraud(input({ creator: { emailHashes: [], customerKeys: ['cust_1'] } }));
      expect(flags).toEqual([
        {
          code: 'SELF_REFERRAL',
          message: "The buyer's customerKey matches the customerKey of the winning creator inf_bob.",
          evidence: { influencerId: 'inf_bob', conversionField: 'customerKey', creatorField: 'customerKey', hash: 'cust_1' },
        },
      ]);
    });

    it("flags the creator's own email", () => {
      const flags = detectFraud(input({ creator: { emailHashes: ['email_buyer'], customerKeys: [] } }));
      expect(flag(flags, 'SELF_REFERRAL')?.evidence).toEqual({ influencerId: 'inf_bob', conversionField: 'customerEmailHash', creatorField: 'emailHash', hash: 'email_buyer' });
    });

    it('flags a customer key that is the hash of the creator email', () => {
      const flags = detectFraud(input({ creator: { emailHashes: ['cust_1'], customerKeys: [] } }));
      expect(flag(flags, 'SELF_REFERRAL')?.evidence).toMatchObject({ conversionField: 'customerKey', creatorField: 'emailHash' });
    });

    it('does not flag other buyers, unattributed conversions or unknown creators', () => {
      expect(detectFraud(input())).toEqual([]);
      expect(detectFraud(input({ creator: null }))).toEqual([]);
      const noEmail = { ...conversion({ customerKey: null }), customerEmailHash: undefined };
      expect(detectFraud(input({ conversion: noEmail, creator: { emailHashes: ['email_buyer'], customerKeys: ['cust_1'] } }))).toEqual([]);
      const unattributed = decide({ conversion: conversion({ clickIdGiven: 'clk_x' }) });
      expect(codes(detectFraud(input({ decision: unattributed, winningClick: null, creator: { emailHashes: [], customerKeys: ['cust_1'] } })))).toEqual([]);
    });
  });

  describe('COUPON_WITHOUT_CLICK', () => {
    const byCoupon = decide({ coupon: coupon() });

    it('flags a coupon attribution with no click of its creator in the window', () => {
      const flags = detectFraud(input({ decision: byCoupon, winningClick: null, couponClickSeen: false }));
      expect(flags).toEqual([
        {
          code: 'COUPON_WITHOUT_CLICK',
          message: 'Coupon SPRING10 of inf_maya was used with no click from that creator in the 30-day window (it may have leaked to a coupon site).',
          evidence: { couponCode: 'SPRING10', influencerId: 'inf_maya', windowDays: 30, creatorClickSeen: false },
        },
      ]);
    });

    it('does not flag when the caller saw a click of the creator', () => {
      expect(detectFraud(input({ decision: byCoupon, winningClick: null, couponClickSeen: true }))).toEqual([]);
    });

    it("does not flag when the decision itself holds a valid click of the creator", () => {
      const own = click('own', DAY, { influencerId: 'inf_maya' });
      const recorded = decide({ visitorClicks: [own], coupon: coupon() });
      expect(detectFraud(input({ decision: recorded, winningClick: own, couponClickSeen: false }))).toEqual([]);
      const overridden = decide({ visitorClicks: [own], coupon: coupon({ campaignId: 'cmp_other' }) });
      expect(detectFraud(input({ decision: overridden, winningClick: null, couponClickSeen: false }))).toEqual([]);
    });

    it("flags when the creator's only click is outside the window", () => {
      const stale = decide({ visitorClicks: [click('old', 40 * DAY, { influencerId: 'inf_maya' })], coupon: coupon() });
      expect(codes(detectFraud(input({ decision: stale, winningClick: null, couponClickSeen: false })))).toEqual(['COUPON_WITHOUT_CLICK']);
    });

    it('does not flag when a click or binding decided', () => {
      const byClick = decide({ settings: settings({ precedence: 'click' }), clickFromId: clean, coupon: coupon() });
      expect(detectFraud(input({ decision: byClick, couponClickSeen: false }))).toEqual([]);
      const byBinding = decide({ coupon: coupon({ influencerId: 'inf_old' }), binding: binding(DAY) });
      expect(detectFraud(input({ decision: byBinding, winningClick: null, couponClickSeen: false }))).toEqual([]);
    });
  });

  it('reports several flags together, in a fixed order', () => {
    const fast = click('f', SEC, { influencerId: 'inf_maya' });
    const d = decide({ clickFromId: fast });
    const flags = detectFraud(input({ decision: d, winningClick: fast, recent: { sameIpHashCount: 10, sameCustomerCount: 10 }, creator: { emailHashes: ['email_buyer'], customerKeys: [] } }));
    expect(codes(flags)).toEqual(['FAST_CONVERSION', 'IP_VELOCITY', 'CUSTOMER_VELOCITY', 'SELF_REFERRAL']);
    expect(needsReview(flags)).toBe(true);
  });
});

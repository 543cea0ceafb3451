import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideAttribution } from './decide-attribution.ts';
import { AT, DAY, before } from './test-fixtures.ts';
import { AttributionSettingsSchema, type AttributionInput, type ClickSignal, type CouponSignal, type CustomerBinding } from './types.ts';

/** Offsets before the conversion around the interesting edges: after it, at it, at window ends. */
const ageMs = fc.oneof(
  fc.integer({ min: -3 * DAY, max: 70 * DAY }),
  fc.tuple(fc.integer({ min: -1, max: 60 }), fc.constantFrom(-1, 0, 1)).map(([days, ms]) => days * DAY + ms),
);
const influencer = fc.constantFrom('inf_a', 'inf_b', 'inf_c');
const campaign = fc.constantFrom('cmp_1', 'cmp_2');

const clickFor = (id: string): fc.Arbitrary<ClickSignal> =>
  fc.record({ influencerId: influencer, campaignId: campaign, age: ageMs, bot: fc.boolean(), ipHash: fc.option(fc.constant('ip_1')) }).map((c) => ({
    clickId: id,
    linkId: `lnk_${id.slice(4)}`,
    influencerId: c.influencerId,
    campaignId: c.campaignId,
    clickedAt: before(c.age),
    ipHash: c.ipHash,
    bot: c.bot,
  }));

/** Clicks with unique ids (a click id names one click). */
const clicks = fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 8 }).chain((ns) => fc.tuple(...ns.map((n) => clickFor(`clk_${n}`))));

const coupon: fc.Arbitrary<CouponSignal> = fc.record({
  code: fc.constantFrom('SPRING10', 'VIP'),
  influencerId: influencer,
  campaignId: fc.option(campaign),
  singleUse: fc.boolean(),
  alreadyUsedByOrderId: fc.option(fc.constantFrom('ord_1', 'ord_2')),
  active: fc.boolean(),
});

const binding: fc.Arbitrary<CustomerBinding> = fc.record({
  influencerId: influencer,
  campaignId: fc.option(campaign),
  boundAt: fc.integer({ min: -10 * DAY, max: 800 * DAY }).map(before),
  conversionId: fc.constant('cnv_0'),
});

const settings = fc
  .record({
    model: fc.constantFrom('last_click', 'first_click'),
    windowDays: fc.integer({ min: 1, max: 60 }),
    precedence: fc.constantFrom('coupon', 'click'),
    customerLifetime: fc.record({ enabled: fc.boolean(), days: fc.option(fc.integer({ min: 1, max: 730 })) }),
  })
  .map((s) => AttributionSettingsSchema.parse(s));

const input: fc.Arbitrary<AttributionInput> = fc
  .record({
    history: clicks,
    explicit: fc.oneof(fc.constant('none' as const), fc.constant('first' as const), fc.constant('unknown' as const), clickFor('clk_given')),
    coupon: fc.option(coupon),
    binding: fc.option(binding),
    settings,
    orderId: fc.option(fc.constantFrom('ord_1', 'ord_2')),
  })
  .map(({ history, explicit, coupon, binding, settings, orderId }) => {
    const fromId = explicit === 'first' ? (history[0] ?? null) : typeof explicit === 'object' ? explicit : null;
    const clickIdGiven = explicit === 'unknown' ? 'clk_unknown' : (fromId?.clickId ?? null);
    return {
      conversion: { type: 'sale', occurredAt: AT, orderId, customerKey: 'cust_1', ipHash: 'ip_1', clickIdGiven, couponCodeGiven: coupon?.code ?? null },
      clickFromId: fromId,
      visitorClicks: history,
      coupon,
      binding,
      settings,
    } satisfies AttributionInput;
  });

// Independent statements of validity, written from the rules rather than from the code.
const age = (d: Date) => AT.getTime() - d.getTime();
const clickValid = (c: ClickSignal, s: AttributionInput['settings']) => !c.bot && age(c.clickedAt) >= 0 && age(c.clickedAt) <= s.windowDays * DAY;
const couponValid = (i: AttributionInput) =>
  i.coupon !== null && i.coupon.active && !(i.coupon.singleUse && i.coupon.alreadyUsedByOrderId !== null && i.coupon.alreadyUsedByOrderId !== i.conversion.orderId);
const bindingValid = (i: AttributionInput) => {
  const b = i.binding;
  const l = i.settings.customerLifetime;
  return b !== null && l.enabled && age(b.boundAt) >= 0 && (l.days === null || age(b.boundAt) <= l.days * DAY);
};
const allClicks = (i: AttributionInput) => [...(i.clickFromId ? [i.clickFromId] : []), ...i.visitorClicks];

describe('attribution properties', () => {
  it('the winner is always one of the valid signals, or null only when none is valid', () => {
    fc.assert(
      fc.property(input, (i) => {
        const d = decideAttribution(i);
        const validClicks = allClicks(i).filter((c) => clickValid(c, i.settings));
        if (d.method === 'customer') expect(bindingValid(i) && d.influencerId === i.binding!.influencerId).toBe(true);
        if (d.method === 'coupon') expect(couponValid(i) && d.influencerId === i.coupon!.influencerId && d.couponCode === i.coupon!.code).toBe(true);
        if (d.method === 'click') expect(validClicks.some((c) => c.clickId === d.clickId && c.influencerId === d.influencerId)).toBe(true);
        if (d.method === null) {
          expect(d.influencerId).toBeNull();
          expect(validClicks.length === 0 && !couponValid(i) && !bindingValid(i)).toBe(true);
        }
        // A click or coupon recorded with the winner is a valid one of the same creator.
        if (d.clickId !== null) expect(validClicks.some((c) => c.clickId === d.clickId && c.influencerId === d.influencerId && c.linkId === d.linkId)).toBe(true);
        if (d.couponCode !== null) expect(couponValid(i) && i.coupon!.influencerId === d.influencerId).toBe(true);
        // Exactly the signals behind the decision are 'used'.
        const used = d.signals.filter((s) => s.status === 'used').map((s) => s.ref);
        expect(used.sort()).toEqual([d.clickId, d.couponCode, d.method === 'customer' ? 'cnv_0' : null].filter((r) => r !== null).sort());
      }),
      { numRuns: 2000 },
    );
  });

  it('last click without coupon or binding picks the latest valid click', () => {
    fc.assert(
      fc.property(input, (generated) => {
        const i = { ...generated, coupon: null, binding: null, settings: { ...generated.settings, model: 'last_click' as const } };
        const d = decideAttribution(i);
        const valid = allClicks(i).filter((c) => clickValid(c, i.settings));
        if (valid.length === 0) {
          expect(d.method).toBeNull();
          return;
        }
        const latest = Math.max(...valid.map((c) => c.clickedAt.getTime()));
        const chosen = valid.find((c) => c.clickId === d.clickId);
        expect(d.method).toBe('click');
        expect(chosen?.clickedAt.getTime()).toBe(latest);
        expect(chosen?.bot).toBe(false);
        expect(d.influencerId).toBe(chosen?.influencerId);
      }),
      { numRuns: 2000 },
    );
  });

  it('the decision does not depend on the order of the visitor clicks', () => {
    const withPermutation = input.chain((i) => fc.tuple(fc.constant(i), fc.shuffledSubarray([...i.visitorClicks], { minLength: i.visitorClicks.length })));
    fc.assert(
      fc.property(withPermutation, ([i, shuffled]) => {
        expect(decideAttribution({ ...i, visitorClicks: shuffled })).toEqual(decideAttribution(i));
      }),
      { numRuns: 1000 },
    );
  });

  it('there is always a reason, and every reason is a sentence', () => {
    fc.assert(
      fc.property(input, (i) => {
        const d = decideAttribution(i);
        expect(d.reasons.length).toBeGreaterThan(0);
        for (const r of d.reasons) expect(r).toMatch(/^[A-Z0-9].*\.$/);
      }),
      { numRuns: 1000 },
    );
  });
});

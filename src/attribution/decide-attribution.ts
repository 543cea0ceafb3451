import { assessBinding, type BindingAssessment } from './assess-binding.ts';
import { assessClicks, type AssessedClick } from './assess-clicks.ts';
import { assessCoupon, type CouponAssessment } from './assess-coupon.ts';
import { campaignFits, type AttributionOutcome, type Winner } from './attribution-outcome.ts';
import { describeSignals } from './describe-signals.ts';
import { explainVerdict } from './explain-verdict.ts';
import { pickClick } from './pick-click.ts';
import type { AttributionDecision, AttributionInput, AttributionSettings } from './types.ts';

/**
 * Decides which creator a conversion belongs to, and says why. Pure: the caller resolves the
 * click id, the visitor's click history, the typed coupon and the customer's binding, and passes
 * the time in `conversion.occurredAt`.
 *
 * Rules, in order:
 * 1. Clicks (the click id's click plus the visitor's history) are valid unless made by a bot,
 *    later than the conversion ('ignored'), or more than `windowDays` × 24 h before it
 *    ('outside_window'; exactly `windowDays` still counts). The model picks the latest
 *    (last_click) or earliest (first_click) valid click; on a time tie the click named by the
 *    conversion's click id wins. A click id that resolves to nothing is an 'unknown' signal.
 * 2. A coupon is valid unless inactive, or single-use and already used by another order (the
 *    same order id arriving again is fine). A typed code that resolves to nothing is 'unknown'.
 * 3. A customer binding decides when lifetime commissions are on, it was made no later than this
 *    conversion and it is at most `customerLifetime.days` old (null = forever): the creator who
 *    first brought the customer keeps them, ahead of any click or coupon.
 * 4. Otherwise a valid coupon and a valid click compete by `precedence` (default: the coupon
 *    the buyer typed); whichever is alone wins; with neither the conversion stays unattributed.
 * The winner's own signals that fit its campaign are recorded with it ('used'): the creator's
 * model-picked click (link and click id) and coupon code. The campaign is the winner's, else the
 * recorded click's, else the recorded coupon's. Every other valid signal is 'overridden'.
 * @example
 * decideAttribution({ conversion, clickFromId: click3DaysAgo, visitorClicks: [], coupon: spring10, binding: null, settings })
 * // { influencerId: spring10.influencerId, method: 'coupon', couponCode: 'SPRING10', reasons: [...,
 * //   'Coupon SPRING10 (belongs to inf_1) was typed at checkout and coupons take precedence over clicks;
 * //    the click clk_2 from 3 days earlier (link lnk_2, creator inf_2) was overridden.'], ... }
 */
export function decideAttribution(input: AttributionInput): AttributionDecision {
  const { conversion, settings } = input;
  if (Number.isNaN(conversion.occurredAt.getTime())) throw new RangeError('decideAttribution: conversion.occurredAt is not a valid date');
  const clicks = assessClicks(input);
  const valid = clicks.filter((c) => c.verdict === 'valid');
  const modelClick = pickClick(valid, settings.model);
  const coupon = assessCoupon(conversion, input.coupon);
  const binding = assessBinding(conversion, input.binding, settings.customerLifetime);
  const winner = chooseWinner(binding, coupon, modelClick, settings.precedence);

  // The winner's own click is recorded with a coupon or binding, so commissions know the link.
  const usedClick =
    winner === null
      ? null
      : winner.method === 'click'
        ? modelClick
        : pickClick(valid.filter((c) => c.click.influencerId === winner.influencerId && campaignFits(winner.campaignId, c.click.campaignId)), settings.model);
  const campaignSoFar = winner?.campaignId ?? usedClick?.click.campaignId ?? null;
  const usedCoupon =
    winner !== null &&
    coupon.verdict === 'valid' &&
    (winner.method === 'coupon' || (coupon.coupon.influencerId === winner.influencerId && campaignFits(campaignSoFar, coupon.coupon.campaignId)));
  const campaignId = campaignSoFar ?? (usedCoupon && coupon.verdict === 'valid' ? coupon.coupon.campaignId : null);

  const outcome: AttributionOutcome = { input, clicks, coupon, binding, modelClick, winner, usedClick, usedCoupon, campaignId, validClicks: valid.length };
  const { signals, sentences } = describeSignals(outcome);
  return {
    influencerId: winner?.influencerId ?? null,
    campaignId,
    linkId: usedClick?.click.linkId ?? null,
    clickId: usedClick?.click.clickId ?? null,
    couponCode: usedCoupon && coupon.verdict === 'valid' ? coupon.code : null,
    method: winner?.method ?? null,
    model: settings.model,
    signals,
    reasons: [...sentences, explainVerdict(outcome, signals.length)],
  };
}

function chooseWinner(
  binding: BindingAssessment,
  coupon: CouponAssessment,
  click: AssessedClick | null,
  precedence: AttributionSettings['precedence'],
): Winner | null {
  if (binding.verdict === 'valid') {
    return { method: 'customer', influencerId: binding.binding.influencerId, campaignId: binding.binding.campaignId };
  }
  if (coupon.verdict === 'valid' && (precedence === 'coupon' || click === null)) {
    return { method: 'coupon', influencerId: coupon.coupon.influencerId, campaignId: coupon.coupon.campaignId };
  }
  if (click !== null) return { method: 'click', influencerId: click.click.influencerId, campaignId: click.click.campaignId };
  return null;
}

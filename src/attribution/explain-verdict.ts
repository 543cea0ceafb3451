import type { AssessedClick } from './assess-clicks.ts';
import type { AttributionOutcome } from './attribution-outcome.ts';
import { describeDuration } from './describe-duration.ts';

const isAre = (parts: readonly string[]): string => (parts.length === 1 ? 'is' : 'are');
const wasWere = (parts: readonly string[]): string => (parts.length === 1 ? 'was' : 'were');
const clickRef = (c: AssessedClick): string => `click ${c.click.clickId} from ${describeDuration(c.ageMs)} earlier (link ${c.click.linkId}, creator ${c.click.influencerId})`;

/**
 * The closing reason of a decision: which signal won and why, or why nothing did. The per-signal
 * sentences before it say what was seen; this one names the rule that settled it.
 * @example
 * explainVerdict(outcome)
 * // 'Coupon SPRING10 (belongs to inf_1) was typed at checkout and coupons take precedence over clicks;
 * //  the click clk_2 from 3 days earlier (link lnk_2, creator inf_2) was overridden.'
 */
export function explainVerdict(o: AttributionOutcome, signalCount: number): string {
  const w = o.winner;
  if (w === null) {
    return signalCount === 0
      ? 'No click id, coupon code, visitor click or customer binding was given, so the conversion stays unattributed.'
      : 'None of these signals can attribute the conversion, so it stays unattributed.';
  }
  const coupon = o.coupon.verdict === 'valid' ? o.coupon.coupon : null;
  const couponLost = coupon !== null && !o.usedCoupon;
  const rivalClick = o.modelClick !== null && o.modelClick !== o.usedClick ? o.modelClick : null;
  const sameCreator = [
    o.usedClick !== null && w.method !== 'click' ? `click ${o.usedClick.click.clickId} (link ${o.usedClick.click.linkId})` : null,
    coupon !== null && o.usedCoupon && w.method !== 'coupon' ? `coupon ${coupon.code}` : null,
  ].filter((p) => p !== null);
  const recorded = sameCreator.length === 0 ? '' : ` The same creator's ${sameCreator.join(' and ')} ${isAre(sameCreator)} recorded with it.`;

  if (w.method === 'customer' && o.binding.verdict === 'valid') {
    const { conversionId } = o.binding.binding;
    const days = o.input.settings.customerLifetime.days;
    const lost = [
      couponLost ? `coupon ${coupon.code} (belongs to ${coupon.influencerId})` : null,
      rivalClick ? clickRef(rivalClick) : null,
    ].filter((p) => p !== null);
    return (
      `The customer binding wins: ${w.influencerId} first brought this customer (conversion ${conversionId}, ${describeDuration(o.binding.ageMs)} earlier) ` +
      `and keeps them ${days === null ? 'for good' : `for ${days} days`} under lifetime commissions, ahead of clicks and coupons` +
      (lost.length === 0 ? '' : `; the ${lost.join(' and the ')} ${wasWere(lost)} overridden`) +
      `.${recorded}`
    );
  }
  if (w.method === 'coupon' && coupon !== null) {
    const typed = `Coupon ${coupon.code} (belongs to ${coupon.influencerId}) was typed at checkout`;
    const head = rivalClick
      ? `${typed} and coupons take precedence over clicks; the ${clickRef(rivalClick)} was overridden.`
      : `${typed} and attributes the conversion to ${w.influencerId}.`;
    return head + recorded;
  }
  const c = o.usedClick!;
  const window = `${o.input.settings.windowDays}-day window`;
  const last = o.input.settings.model === 'last_click';
  const rank =
    o.validClicks === 1
      ? `it is the only click inside the ${window}`
      : `it is the ${last ? 'latest' : 'earliest'} of ${o.validClicks} clicks inside the ${window} (${last ? 'last' : 'first'}-click model)`;
  const couponPart = couponLost ? ` Clicks take precedence over coupons, so coupon ${coupon.code} (belongs to ${coupon.influencerId}) was overridden.` : '';
  return (
    `Click ${c.click.clickId} from ${describeDuration(c.ageMs)} earlier (link ${c.click.linkId}, campaign ${c.click.campaignId}) ` +
    `attributes the conversion to ${w.influencerId}: ${rank}.${couponPart}${recorded}`
  );
}

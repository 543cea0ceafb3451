import type { AssessedClick } from './assess-clicks.ts';
import { campaignFits, type AttributionOutcome } from './attribution-outcome.ts';
import { describeDuration } from './describe-duration.ts';
import type { AttributionSignal, SignalStatus } from './types.ts';

type View = { signal: AttributionSignal; sentence: string; keep: boolean };

// Past this many clicks the rest are summarised in one sentence; the signals list keeps them all.
const MAX_CLICK_SENTENCES = 8;

const CLICK_STATUS: Record<AssessedClick['verdict'], SignalStatus> = {
  valid: 'used',
  bot: 'bot',
  after_conversion: 'ignored',
  outside_window: 'outside_window',
  no_time: 'ignored',
};

const BINDING_STATUS = { valid: 'used', disabled: 'ignored', after_conversion: 'ignored', expired: 'outside_window' } as const satisfies Record<string, SignalStatus>;

const STATUS_WORDS: Record<SignalStatus, string> = {
  used: 'used',
  outside_window: 'outside the window',
  unknown: 'unknown',
  inactive: 'inactive',
  already_used: 'already used',
  bot: 'by a bot',
  overridden: 'overridden',
  ignored: 'ignored',
};

/** "won as the later click (last-click model)" phrasing shared by clicks that lost to another click. */
export function modelPhrase(o: AttributionOutcome, winner: AssessedClick): string {
  const last = o.input.settings.model === 'last_click';
  return `click ${winner.click.clickId} won as the ${last ? 'later' : 'earlier'} click (${last ? 'last' : 'first'}-click model)`;
}

/**
 * The signals of a decision, each with its status and detail, plus one reason sentence per signal
 * ("which signals were seen"). Order: the unknown click id, the clicks oldest first, the coupon,
 * the customer binding. A long click history is cut to the clicks that matter and a count.
 * @example
 * describeSignals(outcome).sentences
 * // ['Click clk_1 (link lnk_1, creator inf_1, campaign cmp_1) came 3 days before the conversion, inside the 30-day window.']
 */
export function describeSignals(o: AttributionOutcome): { signals: AttributionSignal[]; sentences: string[] } {
  const views: View[] = [];
  const given = o.input.conversion.clickIdGiven;
  if (given !== null && !o.clicks.some((c) => c.click.clickId === given)) {
    const signal: AttributionSignal = { kind: 'click', ref: given, influencerId: null, status: 'unknown', detail: 'matches no known click' };
    views.push({ signal, sentence: `Click id ${given} was given but matches no known click.`, keep: true });
  }
  views.push(...o.clicks.map((c) => clickView(o, c)));
  const coupon = couponView(o);
  if (coupon) views.push(coupon);
  const binding = bindingView(o);
  if (binding) views.push(binding);
  return { signals: views.map((v) => v.signal), sentences: sentencesOf(views) };
}

function sentencesOf(views: View[]): string[] {
  const clicks = views.filter((v) => v.signal.kind === 'click');
  if (clicks.length <= MAX_CLICK_SENTENCES) return views.map((v) => v.sentence);
  const dropped = clicks.filter((v) => !v.keep);
  const counts = new Map<SignalStatus, number>();
  for (const v of dropped) counts.set(v.signal.status, (counts.get(v.signal.status) ?? 0) + 1);
  const parts = [...counts].map(([status, n]) => `${n} ${STATUS_WORDS[status]}`);
  const summary = `${dropped.length} other clicks were seen for this visitor: ${parts.join(', ')}.`;
  const out: string[] = [];
  for (const v of views) {
    // The summary goes after the kept click sentences, before the coupon and binding.
    if (v.signal.kind !== 'click' && !out.includes(summary)) out.push(summary);
    if (v.keep) out.push(v.sentence);
  }
  if (!out.includes(summary)) out.push(summary);
  return out;
}

function clickView(o: AttributionOutcome, c: AssessedClick): View {
  const { clickId, linkId, influencerId, campaignId } = c.click;
  const window = `${o.input.settings.windowDays}-day window`;
  const age = describeDuration(c.ageMs);
  let status = CLICK_STATUS[c.verdict];
  let detail: string;
  if (c.verdict === 'no_time') detail = 'has no valid click time, so it was ignored';
  else if (c.verdict === 'bot') detail = 'was made by a bot; bot clicks never attribute';
  else if (c.verdict === 'after_conversion') detail = `came ${age} after the conversion, so it cannot have led to it`;
  else if (c.verdict === 'outside_window') detail = `came ${age} before the conversion, outside the ${window}`;
  else {
    detail = `came ${age} before the conversion, inside the ${window}`;
    if (c !== o.usedClick) {
      status = 'overridden';
      detail += `, but ${whyClickLost(o, c)}`;
    }
  }
  const signal: AttributionSignal = { kind: 'click', ref: clickId, influencerId, status, detail };
  const subject = `Click ${clickId} (link ${linkId}, creator ${influencerId}, campaign ${campaignId})`;
  const keep = c.explicit || c === o.usedClick || c === o.modelClick;
  return { signal, sentence: `${subject} ${detail}.`, keep };
}

function whyClickLost(o: AttributionOutcome, c: AssessedClick): string {
  const w = o.winner!;
  if (w.method === 'click') return modelPhrase(o, o.usedClick!);
  if (c.click.influencerId === w.influencerId) {
    return campaignFits(o.campaignId, c.click.campaignId)
      ? modelPhrase(o, o.usedClick!)
      : `its campaign is not the winning campaign ${o.campaignId}`;
  }
  if (w.method === 'customer') return `the customer is bound to ${w.influencerId} (lifetime commissions come first)`;
  return `coupon ${o.coupon.verdict === 'valid' ? o.coupon.code : ''} takes precedence over clicks`;
}

function couponView(o: AttributionOutcome): View | null {
  const a = o.coupon;
  if (a.verdict === 'none') return null;
  if (a.verdict === 'unknown') {
    const signal: AttributionSignal = { kind: 'coupon', ref: a.code, influencerId: null, status: 'unknown', detail: 'matches no coupon' };
    return { signal, sentence: `Coupon code ${a.code} was typed but matches no coupon.`, keep: true };
  }
  const { influencerId, campaignId, alreadyUsedByOrderId } = a.coupon;
  let status: SignalStatus;
  let detail: string;
  if (a.verdict !== 'valid') {
    status = a.verdict;
    detail = a.verdict === 'inactive' ? 'is inactive, so it cannot attribute' : `is single-use and was already used by order ${alreadyUsedByOrderId}`;
  } else if (o.usedCoupon) {
    status = 'used';
    detail = 'was typed at checkout';
  } else {
    status = 'overridden';
    detail = `was typed at checkout, but ${whyCouponLost(o)}`;
  }
  const signal: AttributionSignal = { kind: 'coupon', ref: a.code, influencerId, status, detail };
  const subject = `Coupon ${a.code} (belongs to ${influencerId}${campaignId === null ? '' : `, campaign ${campaignId}`})`;
  return { signal, sentence: `${subject} ${detail}.`, keep: true };
}

function whyCouponLost(o: AttributionOutcome): string {
  const w = o.winner!;
  if (o.coupon.verdict === 'valid' && o.coupon.coupon.influencerId === w.influencerId) {
    return `its campaign is not the winning campaign ${o.campaignId}`;
  }
  if (w.method === 'customer') return `the customer is bound to ${w.influencerId} (lifetime commissions come first)`;
  return `clicks take precedence over coupons (click ${o.usedClick!.click.clickId} won)`;
}

function bindingView(o: AttributionOutcome): View | null {
  const a = o.binding;
  if (a.verdict === 'none') return null;
  const { influencerId, campaignId, conversionId } = a.binding;
  const days = o.input.settings.customerLifetime.days;
  const when = `${describeDuration(a.ageMs)} ${a.ageMs >= 0 ? 'before' : 'after'} this one`;
  const status = BINDING_STATUS[a.verdict];
  const detail =
    a.verdict === 'disabled'
      ? 'does not apply because lifetime commissions are turned off'
      : a.verdict === 'after_conversion'
        ? 'was made after this conversion, so it does not apply to it'
        : a.verdict === 'expired'
          ? `has expired: lifetime commissions last ${days} days`
          : days === null
            ? 'never expires (lifetime commissions)'
            : `is inside the ${days}-day lifetime`;
  const signal: AttributionSignal = { kind: 'customer', ref: conversionId, influencerId, status, detail };
  const subject = `The customer's binding to ${influencerId}${campaignId === null ? '' : ` (campaign ${campaignId})`}, made by conversion ${conversionId} ${when},`;
  return { signal, sentence: `${subject} ${detail}.`, keep: true };
}

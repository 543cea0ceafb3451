import { describeDuration } from './describe-duration.ts';
import type { AttributionDecision, AttributionSettings, ClickSignal, ConversionFacts } from './types.ts';

export type FraudFlagCode = 'NO_SIGNAL' | 'FAST_CONVERSION' | 'IP_VELOCITY' | 'CUSTOMER_VELOCITY' | 'SELF_REFERRAL' | 'COUPON_WITHOUT_CLICK';

export type FraudFlag = {
  code: FraudFlagCode;
  message: string;
  evidence: Record<string, string | number | boolean | null>;
};

export type DetectFraudInput = {
  conversion: ConversionFacts & { customerEmailHash?: string | null };
  decision: AttributionDecision;
  /** The click named by `decision.clickId`, if any. */
  winningClick: ClickSignal | null;
  /** Conversions in the velocity window before this one (not counting it), computed by the caller. */
  recent: { sameIpHashCount: number; sameCustomerCount: number };
  /** The winning creator's own identities (hashed like the conversion's), or null when unattributed. */
  creator: { emailHashes: string[]; customerKeys: string[] } | null;
  /** Whether any click of the coupon's creator was seen for this visitor or IP hash within the window. */
  couponClickSeen: boolean;
  settings: AttributionSettings;
};

/**
 * Fraud and quality flags; any flag puts the conversion in review (see needsReview). Each flag
 * names its evidence. Flags, in this order:
 * - NO_SIGNAL: no click and no coupon signal at all (not even an unknown or rejected one) and no
 *   customer binding decided it. A customer-binding attribution is not NO_SIGNAL.
 * - FAST_CONVERSION: the winning click came less than `minClickToConversionSeconds` before.
 * - IP_VELOCITY / CUSTOMER_VELOCITY: with this one, more than `velocity.maxPerIpHash` /
 *   `maxPerCustomer` conversions from the same IP hash / customer within `velocity.windowMinutes`.
 * - SELF_REFERRAL: the customer key or email hash is one of the winning creator's own identities.
 *   Both hashes are checked against both lists, since a customer key may itself hash an email.
 * - COUPON_WITHOUT_CLICK: a coupon decided the attribution but no click of its creator was seen in
 *   the window (typical of codes leaked to coupon sites). A valid click of that creator among the
 *   decision's signals counts as seen too.
 * @example
 * detectFraud({ conversion, decision, winningClick, recent: { sameIpHashCount: 7, sameCustomerCount: 0 }, creator: null, couponClickSeen: true, settings })
 * // [{ code: 'IP_VELOCITY', message: '8 conversions from IP hash h1 within 60 minutes (limit 5).', evidence: { ipHash: 'h1', conversionsInWindow: 8, ... } }]
 */
export function detectFraud(input: DetectFraudInput): FraudFlag[] {
  return [noSignal(input), fastConversion(input), ipVelocity(input), customerVelocity(input), selfReferral(input), couponWithoutClick(input)].filter(
    (f) => f !== null,
  );
}

function noSignal({ conversion, decision }: DetectFraudInput): FraudFlag | null {
  const seen = decision.signals.some((s) => s.kind === 'click' || s.kind === 'coupon');
  if (seen || decision.method === 'customer') return null;
  const binding = decision.signals.find((s) => s.kind === 'customer');
  return {
    code: 'NO_SIGNAL',
    message: 'The conversion came with no click and no coupon.',
    evidence: {
      clickIdGiven: conversion.clickIdGiven,
      couponCodeGiven: conversion.couponCodeGiven,
      customerBindingStatus: binding?.status ?? null,
      attributed: decision.influencerId !== null,
    },
  };
}

function fastConversion({ conversion, winningClick, settings }: DetectFraudInput): FraudFlag | null {
  if (winningClick === null) return null;
  const ms = conversion.occurredAt.getTime() - winningClick.clickedAt.getTime();
  const min = settings.minClickToConversionSeconds;
  if (!(ms < min * 1000)) return null;
  return {
    code: 'FAST_CONVERSION',
    message: `The conversion came ${describeDuration(ms)} ${ms < 0 ? 'before' : 'after'} click ${winningClick.clickId} (minimum ${min} seconds).`,
    evidence: {
      clickId: winningClick.clickId,
      linkId: winningClick.linkId,
      clickedAt: winningClick.clickedAt.toISOString(),
      occurredAt: conversion.occurredAt.toISOString(),
      secondsAfterClick: ms / 1000,
      minSeconds: min,
    },
  };
}

function ipVelocity({ conversion, recent, settings }: DetectFraudInput): FraudFlag | null {
  const { ipHash } = conversion;
  const { maxPerIpHash: max, windowMinutes } = settings.velocity;
  const count = recent.sameIpHashCount + 1;
  if (ipHash === null || count <= max) return null;
  return {
    code: 'IP_VELOCITY',
    message: `${count} conversions from IP hash ${ipHash} within ${windowMinutes} minutes (limit ${max}).`,
    evidence: { ipHash, conversionsInWindow: count, limit: max, windowMinutes },
  };
}

function customerVelocity({ conversion, recent, settings }: DetectFraudInput): FraudFlag | null {
  const { customerKey } = conversion;
  const { maxPerCustomer: max, windowMinutes } = settings.velocity;
  const count = recent.sameCustomerCount + 1;
  if (customerKey === null || count <= max) return null;
  return {
    code: 'CUSTOMER_VELOCITY',
    message: `${count} conversions from customer ${customerKey} within ${windowMinutes} minutes (limit ${max}).`,
    evidence: { customerKey, conversionsInWindow: count, limit: max, windowMinutes },
  };
}

function selfReferral({ conversion, decision, creator }: DetectFraudInput): FraudFlag | null {
  if (creator === null || decision.influencerId === null) return null;
  const mine = [
    ...creator.customerKeys.map((hash) => ({ hash, as: 'customerKey' })),
    ...creator.emailHashes.map((hash) => ({ hash, as: 'emailHash' })),
  ];
  const theirs = [
    { field: 'customerKey', hash: conversion.customerKey },
    { field: 'customerEmailHash', hash: conversion.customerEmailHash ?? null },
  ];
  for (const t of theirs) {
    const match = t.hash === null ? undefined : mine.find((m) => m.hash === t.hash);
    if (match) {
      return {
        code: 'SELF_REFERRAL',
        message: `The buyer's ${t.field} matches the ${match.as} of the winning creator ${decision.influencerId}.`,
        evidence: { influencerId: decision.influencerId, conversionField: t.field, creatorField: match.as, hash: match.hash },
      };
    }
  }
  return null;
}

function couponWithoutClick({ decision, couponClickSeen, settings }: DetectFraudInput): FraudFlag | null {
  if (decision.method !== 'coupon' || decision.couponCode === null || couponClickSeen) return null;
  // A valid click of the creator in this decision was in the window, whatever the caller found.
  const inDecision = decision.signals.some(
    (s) => s.kind === 'click' && s.influencerId === decision.influencerId && (s.status === 'used' || s.status === 'overridden'),
  );
  if (inDecision) return null;
  return {
    code: 'COUPON_WITHOUT_CLICK',
    message: `Coupon ${decision.couponCode} of ${decision.influencerId} was used with no click from that creator in the ${settings.windowDays}-day window (it may have leaked to a coupon site).`,
    evidence: { couponCode: decision.couponCode, influencerId: decision.influencerId, windowDays: settings.windowDays, creatorClickSeen: false },
  };
}

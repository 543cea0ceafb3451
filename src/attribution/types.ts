/**
 * Data shapes of the attribution rules: the settings a workspace or campaign stores, the signals
 * the caller resolves from the database (clicks, coupon, customer binding) and the decision with
 * its reasons. Everything here is plain data so the rules stay pure and the decision can be stored
 * as JSON next to the conversion.
 */
import { z } from 'zod';

/** A day is 24 h of elapsed time (not a calendar day), so windows do not shift with time zones. */
export const DAY_MS = 86_400_000;

// Ten years: long enough for any real window, short enough to stay a sane number of milliseconds.
const MAX_DAYS = 3650;
const days = (what: string) =>
  z
    .number({ error: `${what} must be a number of days` })
    .int({ error: `${what} must be a whole number of days` })
    .min(1, { error: `${what} must be at least 1 day` })
    .max(MAX_DAYS, { error: `${what} must be at most ${MAX_DAYS} days` });
const positiveInt = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a number` })
    .int({ error: `${what} must be a whole number` })
    .min(1, { error: `${what} must be at least 1` })
    .max(max, { error: `${what} must be at most ${max}` });

/**
 * Attribution settings of a workspace or campaign. Partial input is accepted and every missing
 * field gets its default, so `AttributionSettingsSchema.parse({})` is the default settings; parse
 * before storing so a stored value never changes meaning if a default changes later.
 * @example
 * AttributionSettingsSchema.parse({ windowDays: 7 })
 * // { model: 'last_click', windowDays: 7, precedence: 'coupon', customerLifetime: { enabled: true, days: 365 }, ... }
 */
export const AttributionSettingsSchema = z.strictObject({
  /** Which click wins when a visitor clicked several links: the latest or the earliest. */
  model: z.enum(['last_click', 'first_click']).default('last_click'),
  /** A click can attribute conversions up to this many days after it (inclusive). */
  windowDays: days('windowDays').default(30),
  /** Which wins when a valid click and a valid coupon point to different creators. */
  precedence: z.enum(['coupon', 'click']).default('coupon'),
  /** Lifetime commissions: later orders of a bound customer go to the creator who brought them. */
  customerLifetime: z
    .strictObject({
      enabled: z.boolean().default(true),
      /** How long a binding lasts; null = forever. */
      days: days('customerLifetime.days').nullable().default(365),
    })
    .prefault({}),
  /** A conversion sooner than this after its click is flagged (0 turns the flag off). */
  minClickToConversionSeconds: z
    .number({ error: 'minClickToConversionSeconds must be a number' })
    .int({ error: 'minClickToConversionSeconds must be a whole number of seconds' })
    .min(0, { error: 'minClickToConversionSeconds must not be negative' })
    .max(86_400, { error: 'minClickToConversionSeconds must be at most 86400 (one day)' })
    .default(10),
  /** More conversions than this from one IP hash or customer within the window are flagged. */
  velocity: z
    .strictObject({
      windowMinutes: positiveInt('velocity.windowMinutes', 10_080).default(60),
      maxPerIpHash: positiveInt('velocity.maxPerIpHash', 1_000_000).default(5),
      maxPerCustomer: positiveInt('velocity.maxPerCustomer', 1_000_000).default(5),
    })
    .prefault({}),
});

export type AttributionSettings = z.output<typeof AttributionSettingsSchema>;
export type AttributionSettingsInput = z.input<typeof AttributionSettingsSchema>;
export type AttributionModel = AttributionSettings['model'];

/** A click the caller resolved from the database. */
export type ClickSignal = {
  clickId: string;
  linkId: string;
  influencerId: string;
  campaignId: string;
  clickedAt: Date;
  ipHash: string | null;
  bot: boolean;
};

/** The coupon the typed code resolved to. `campaignId` null = valid for any of the creator's campaigns. */
export type CouponSignal = {
  code: string;
  influencerId: string;
  campaignId: string | null;
  singleUse: boolean;
  alreadyUsedByOrderId: string | null;
  active: boolean;
};

/** The creator a customer is bound to (lifetime commissions), made by conversion `conversionId`. */
export type CustomerBinding = {
  influencerId: string;
  campaignId: string | null;
  boundAt: Date;
  conversionId: string;
};

/** What the conversion event itself says. */
export type ConversionFacts = {
  type: 'lead' | 'sale';
  occurredAt: Date;
  orderId: string | null;
  /** A hash of the customer id or email. */
  customerKey: string | null;
  ipHash: string | null;
  clickIdGiven: string | null;
  couponCodeGiven: string | null;
};

export type AttributionInput = {
  conversion: ConversionFacts;
  /** The click `conversion.clickIdGiven` resolved to; null when the id is unknown (or none was given). */
  clickFromId: ClickSignal | null;
  /** Other clicks known for this visitor or customer (e.g. first-party cookie history), any order. */
  visitorClicks: readonly ClickSignal[];
  /** The coupon the typed code resolved to; null when no such code exists (or none was typed). */
  coupon: CouponSignal | null;
  /** The existing lifetime binding of this customer, if any. */
  binding: CustomerBinding | null;
  settings: AttributionSettings;
};

export type SignalKind = 'click' | 'coupon' | 'customer';

/**
 * used: it decided (or is recorded with) the attribution · outside_window: too old (click beyond
 * the window, binding past its lifetime) · unknown: the id or code matches nothing · inactive: a
 * disabled coupon · already_used: a single-use coupon spent by another order · bot: a bot click ·
 * overridden: valid, but another signal won · ignored: not applicable (a click after the
 * conversion or without a valid time, a binding made later or with lifetime commissions off).
 */
export type SignalStatus = 'used' | 'outside_window' | 'unknown' | 'inactive' | 'already_used' | 'bot' | 'overridden' | 'ignored';

export type AttributionSignal = {
  kind: SignalKind;
  /** Click id, coupon code, or the conversion id that made the customer binding. */
  ref: string;
  influencerId: string | null;
  status: SignalStatus;
  detail: string;
};

export type AttributionMethod = SignalKind;

export type AttributionDecision = {
  influencerId: string | null;
  campaignId: string | null;
  linkId: string | null;
  clickId: string | null;
  couponCode: string | null;
  /** The signal that decided; null = unattributed. */
  method: AttributionMethod | null;
  model: AttributionModel;
  signals: AttributionSignal[];
  /** Human sentences: the signals seen, which won and why, or why it stayed unattributed. */
  reasons: string[];
};

import { DAY_MS, type AttributionInput, type ClickSignal } from './types.ts';

/** Why a click can or cannot attribute, before any click competes with another signal. */
export type ClickVerdict = 'valid' | 'bot' | 'after_conversion' | 'outside_window' | 'no_time';

export type AssessedClick = {
  click: ClickSignal;
  /** True for the click named by the conversion's own click id (it wins exact-time ties). */
  explicit: boolean;
  /** occurredAt − clickedAt; negative when the click came after the conversion. */
  ageMs: number;
  verdict: ClickVerdict;
};

const text = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);

/**
 * A total order on clicks (time, then id, then every other field) so that sorting and
 * de-duplicating never depend on the order the caller listed them in.
 */
export function compareClicks(a: ClickSignal, b: ClickSignal): number {
  const ta = a.clickedAt.getTime();
  const tb = b.clickedAt.getTime();
  // Invalid times sort last and equal to each other.
  if (ta !== tb && !(Number.isNaN(ta) && Number.isNaN(tb))) return Number.isNaN(ta) ? 1 : Number.isNaN(tb) ? -1 : ta - tb;
  return (
    text(a.clickId, b.clickId) ||
    text(a.linkId, b.linkId) ||
    text(a.influencerId, b.influencerId) ||
    text(a.campaignId, b.campaignId) ||
    text(a.ipHash, b.ipHash) ||
    Number(a.bot) - Number(b.bot)
  );
}

/**
 * Gives every known click (the one from the conversion's click id plus the visitor's history,
 * de-duplicated by click id, the explicit one kept) a verdict, sorted oldest first. Checks run in
 * this order: no valid time → bot → after the conversion → older than `windowDays` → valid. The
 * window is inclusive: a click exactly `windowDays` × 24 h before the conversion still counts.
 * @example
 * assessClicks({ conversion, clickFromId: null, visitorClicks: [botClick, freshClick], settings })
 * // [{ click: botClick, verdict: 'bot', ... }, { click: freshClick, verdict: 'valid', ... }]
 */
export function assessClicks(input: Pick<AttributionInput, 'conversion' | 'clickFromId' | 'visitorClicks' | 'settings'>): AssessedClick[] {
  const at = input.conversion.occurredAt.getTime();
  const windowMs = input.settings.windowDays * DAY_MS;
  const explicit = input.clickFromId;
  const seen = new Set<string>(explicit ? [explicit.clickId] : []);
  const clicks: { click: ClickSignal; explicit: boolean }[] = explicit ? [{ click: explicit, explicit: true }] : [];
  for (const click of [...input.visitorClicks].sort(compareClicks)) {
    if (seen.has(click.clickId)) continue;
    seen.add(click.clickId);
    // A history click carrying the given id is still the one the merchant named.
    clicks.push({ click, explicit: click.clickId === input.conversion.clickIdGiven });
  }
  return clicks
    .sort((a, b) => compareClicks(a.click, b.click))
    .map(({ click, explicit }) => {
      const ageMs = at - click.clickedAt.getTime();
      const verdict: ClickVerdict = Number.isNaN(ageMs)
        ? 'no_time'
        : click.bot
          ? 'bot'
          : ageMs < 0
            ? 'after_conversion'
            : ageMs > windowMs
              ? 'outside_window'
              : 'valid';
      return { click, explicit, ageMs, verdict };
    });
}

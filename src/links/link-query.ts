import type { Kysely, Selectable } from 'kysely';
import type { DB, LinksTable } from '../db/schema.ts';
import type { Db } from '../shared/context.ts';
import { readSettings } from '../workspaces/index.ts';
import { buildDestinationUrl, type UtmValues } from './build-destination-url.ts';

/** A link joined with what its redirect depends on (campaign, creator handles, workspace settings). */
export type LinkRow = Selectable<LinksTable> & {
  campaign_slug: string;
  allowed_domains: string[];
  utm_enabled: boolean;
  handles: Record<string, string>;
  settings: Record<string, unknown>;
};

/** The one query shape for links, used by the API and the redirect alike. */
export function linkRows(db: Db | Kysely<DB>) {
  return db
    .selectFrom('links as l')
    .innerJoin('campaigns as c', 'c.id', 'l.campaign_id')
    .innerJoin('influencers as i', 'i.id', 'l.influencer_id')
    .innerJoin('workspaces as w', 'w.id', 'l.workspace_id')
    .selectAll('l')
    .select(['c.slug as campaign_slug', 'c.allowed_domains', 'c.utm_enabled', 'i.handles', 'w.settings']);
}

/** The UTM values a link gets unless its own overrides say otherwise. */
export function defaultUtm(campaignSlug: string, label: string | null, handles: Record<string, string>): UtmValues {
  // jsonb does not keep key order, so "the first handle" follows a fixed platform order.
  const platforms = PLATFORM_ORDER.filter((p) => handles[p]);
  const platform = platforms.length === 1 ? platforms[0]! : null;
  const handle = platforms[0] ? handles[platforms[0]] : undefined;
  return { source: platform ?? 'influencer', medium: 'influencer', campaign: campaignSlug, content: label || handle || 'link' };
}

const PLATFORM_ORDER = ['instagram', 'tiktok', 'youtube', 'x', 'other'];

const SLOT = 'ADVOCATECLICKIDSLOT0000';

export type RedirectTemplate =
  | { ok: true; before: string; after: string; clickIdParam: string; uniqueWindowMs: number }
  | { ok: false; reason: string };

/**
 * The redirect URL split around the click id, so a hit only concatenates strings. A destination
 * no longer on the campaign's allowed domains (they were narrowed later) gives no template.
 */
export function redirectTemplate(row: LinkRow): RedirectTemplate {
  const settings = readSettings(row.settings);
  const built = buildDestinationUrl({
    destinationUrl: row.destination_url,
    allowedDomains: row.allowed_domains,
    utm: row.utm_enabled ? defaultUtm(row.campaign_slug, row.label, row.handles) : null,
    utmOverrides: row.utm,
    clickIdParam: settings.clickIdParam,
    clickId: SLOT,
  });
  if (!built.ok) return { ok: false, reason: built.message };
  const at = built.url.lastIndexOf(SLOT);
  return {
    ok: true,
    before: built.url.slice(0, at),
    after: built.url.slice(at + SLOT.length),
    clickIdParam: settings.clickIdParam,
    uniqueWindowMs: settings.uniqueWindowHours * 3600_000,
  };
}

/** The destination with its UTM parameters, without a click id (what the redirect sends, minus the id). */
export function trackedDestination(t: Extract<RedirectTemplate, { ok: true }>): string {
  const cut = t.before.length - t.clickIdParam.length - 2; // drop "?<param>=" or "&<param>="
  return t.before.slice(0, cut) + t.after;
}

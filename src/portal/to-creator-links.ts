import type { LinkDto } from '../links/index.ts';
import { clickReport } from '../reports/index.ts';
import type { CreatorContext } from './creator-context.ts';

export type CreatorLinkDto = Pick<LinkDto, 'id' | 'code' | 'shortUrl' | 'destinationUrl' | 'label' | 'campaignId' | 'disabled' | 'createdAt'> & {
  campaignName: string;
  /** Human clicks (bots and link-preview crawlers left out), all time. */
  clicks: number;
  uniqueClicks: number;
  qrSvgUrl: string;
};

// Reports span at most 5 years; older clicks are not counted per link.
const CLICK_WINDOW_MS = 5 * 365 * 86400_000;

/** Shapes the creator's view of links (no UTM internals) with their click counts from the rollups. */
export async function toCreatorLinks(ctx: CreatorContext, links: LinkDto[]): Promise<CreatorLinkDto[]> {
  if (links.length === 0) return [];
  const now = new Date();
  const [report, campaigns] = await Promise.all([
    clickReport({ ctx, input: { groupBy: 'link', influencerId: ctx.influencerId, from: new Date(now.getTime() - CLICK_WINDOW_MS).toISOString(), to: new Date(now.getTime() + 60_000).toISOString() } }),
    ctx.db.selectFrom('campaigns').select(['id', 'name']).where('workspace_id', '=', ctx.workspaceId).where('id', 'in', [...new Set(links.map((l) => l.campaignId))]).execute(),
  ]);
  const counts = new Map(report.rows.map((r) => [r.key, r]));
  const names = new Map(campaigns.map((c) => [c.id, c.name]));
  return links.map((l) => ({
    id: l.id,
    code: l.code,
    shortUrl: l.shortUrl,
    destinationUrl: l.destinationUrl,
    label: l.label,
    campaignId: l.campaignId,
    campaignName: names.get(l.campaignId) ?? '',
    disabled: l.disabled,
    createdAt: l.createdAt,
    clicks: counts.get(l.id)?.humanClicks ?? 0,
    uniqueClicks: counts.get(l.id)?.uniqueClicks ?? 0,
    qrSvgUrl: `/api/v1/portal/links/${l.id}/qr.svg`,
  }));
}

import type { ClickEvent } from '../clicks/click-event.ts';
import { ensureClickPartitions } from '../clicks/click-partitions.ts';
import { foldClickDeltas } from '../clicks/fold-click-deltas.ts';
import { writeClicks } from '../clicks/write-clicks.ts';
import { generateClickId } from '../links/generate-ids.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SystemContext } from '../shared/context.ts';

type DemoLink = { id: string; influencerId: string; campaignId: string; platform: string; popularity: number };

// Small deterministic PRNG so every demo looks the same (mulberry32).
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of weighted) if ((r -= w) <= 0) return v;
  return weighted[weighted.length - 1]![0];
}

const COUNTRIES: [string, number][] = [['US', 40], ['GB', 12], ['CA', 8], ['DE', 8], ['FR', 6], ['AU', 5], ['BR', 5], ['ES', 4], ['NL', 3], ['IN', 3], ['MX', 3], ['SE', 2]];
const DEVICES: [[string, string, string], number][] = [[['mobile', 'iOS', 'Mobile Safari'], 55], [['mobile', 'Android', 'Chrome'], 30], [['desktop', 'Windows', 'Chrome'], 8], [['desktop', 'macOS', 'Safari'], 5], [['tablet', 'iOS', 'Mobile Safari'], 2]];
const BOTS: [string, number][] = [['link-preview:facebook', 3], ['link-preview:whatsapp', 2], ['link-preview:slack', 1], ['crawler', 2], ['prefetch', 1]];

/**
 * Writes a realistic click history for the demo links through the same writer the redirect uses:
 * a daily rhythm (evenings peak), launch spikes, heavy-tailed link popularity, 8% bots, returning
 * visitors (so not every human click is unique).
 */
export async function seedDemoClicks(ctx: SystemContext, workspaceId: string, links: DemoLink[], days = 60, seed = 42): Promise<number> {
  const rand = seededRandom(seed);
  const now = Date.now();
  const events: ClickEvent[] = [];
  let written = 0;
  for (const link of links) {
    for (let d = days; d >= 0; d--) {
      const launch = d < 45 && d > 40 ? 3 : 1; // a launch week
      const perDay = Math.round(link.popularity * launch * (0.6 + rand() * 0.8));
      for (let i = 0; i < perDay; i++) {
        const hour = pick(rand, [[8, 1], [12, 2], [18, 3], [20, 4], [22, 3], [2, 1]]);
        const at = new Date(now - d * 86400_000 - (now % 86400_000) + hour * 3600_000 + Math.floor(rand() * 3600_000));
        if (at.getTime() > now) continue;
        const bot = rand() < 0.08 ? pick(rand, BOTS) : null;
        const [device, os, browser] = pick(rand, DEVICES);
        const inApp = !bot && rand() < 0.55 ? link.platform : null;
        events.push({
          id: `clk_${generateClickId()}`,
          workspaceId,
          linkId: link.id,
          influencerId: link.influencerId,
          campaignId: link.campaignId,
          clickedAt: at,
          ipHash: null,
          visitorKey: `demo-${Math.floor(rand() * perDay * 6)}`,
          uniqueWindowMs: 86400_000,
          country: pick(rand, COUNTRIES),
          device: bot ? 'other' : device,
          os: bot ? null : os,
          browser: bot ? null : browser,
          inApp: inApp === 'youtube' || inApp === 'x' ? null : inApp,
          source: bot ? 'other' : inApp ? link.platform : pick(rand, [[link.platform, 5], ['direct', 3], ['search', 1], ['other', 1]]),
          referrerHost: null,
          bot: bot !== null,
          botReason: bot,
        });
      }
    }
  }
  events.sort((a, b) => a.clickedAt.getTime() - b.clickedAt.getTime());
  for (let i = 0; i < events.length; i += 2000) written += await writeClicks(ctx.db, events.slice(i, i + 2000));
  while ((await foldClickDeltas(ctx.db)) > 0);
  // Past months' clicks went to the default partition: give them their month partitions now.
  if (!ctx.db.isTransaction) await ensureClickPartitions(ctx.db as Kysely<DB>);
  return written;
}

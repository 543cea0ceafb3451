import type { Insertable } from 'kysely';
import type { CreatorMetricsTable } from '../db/schema-discovery.ts';
import type { Context } from '../shared/context.ts';
import { computeCreatorMetrics, type CreatorMetrics } from './creator-metrics.ts';
import { readDiscoverySettings, type DiscoverySettings } from './discovery-settings.ts';
import { chunks, inTransaction } from './in-transaction.ts';
import { loadCreators } from './load-creators.ts';

/** Creators loaded and scored at a time: bounded memory whatever the workspace size. */
const BATCH = 200;

/**
 * Recomputes the search row of the given creators (default: every creator with an account) from
 * their stored accounts, posts, comments, audience and history. Creators left without accounts
 * drop out of search. Derived data only, so no audit row.
 * @example await refreshMetrics({ ctx, input: { influencerIds: ['inf_...'] } })
 */
export async function refreshMetrics({ ctx, input }: { ctx: Context; input: { influencerIds?: readonly string[]; settings?: DiscoverySettings } }): Promise<{ refreshed: number }> {
  return inTransaction(ctx.db, async (trx) => {
    const settings = input.settings ?? (await readDiscoverySettings(trx, ctx.workspaceId));
    const ids =
      input.influencerIds ??
      (await trx.selectFrom('social_accounts').select('influencer_id').distinct().where('workspace_id', '=', ctx.workspaceId).orderBy('influencer_id').execute()).map((r) => r.influencer_id);
    let refreshed = 0;
    for (const batch of chunks([...new Set(ids)], BATCH)) {
      const creators = await loadCreators(trx, ctx.workspaceId, batch);
      const rows: Insertable<CreatorMetricsTable>[] = [];
      const gone: string[] = [];
      for (const id of batch) {
        const data = creators.get(id);
        const metrics = data ? computeCreatorMetrics(data, settings) : null;
        if (metrics) rows.push(toMetricsRow(ctx.workspaceId, metrics));
        else gone.push(id);
      }
      if (gone.length) await trx.deleteFrom('creator_metrics').where('workspace_id', '=', ctx.workspaceId).where('influencer_id', 'in', gone).execute();
      if (rows.length) {
        await trx
          .insertInto('creator_metrics')
          .values(rows)
          .onConflict((oc) =>
            oc
              .column('influencer_id')
              .doUpdateSet((eb) => {
                const set: Record<string, unknown> = {};
                for (const column of Object.keys(rows[0]!)) {
                  if (column !== 'influencer_id' && column !== 'workspace_id') set[column] = eb.ref(`excluded.${column}` as 'excluded.tier');
                }
                return set;
              })
              .where('creator_metrics.workspace_id', '=', ctx.workspaceId),
          )
          .execute();
      }
      refreshed += rows.length;
    }
    return { refreshed };
  });
}

/** The stored search row; manual niches are not part of it, so they survive recomputation. */
export function toMetricsRow(workspaceId: string, m: CreatorMetrics): Insertable<CreatorMetricsTable> {
  const e = m.engagement;
  return {
    influencer_id: m.influencerId,
    workspace_id: workspaceId,
    primary_platform: m.primary.platform,
    primary_handle: m.primary.handle,
    platforms: m.platforms,
    followers: m.primary.followers,
    following: m.primary.following,
    posts_count: m.primary.postsCount,
    tier: m.tier.tier,
    mid_tier: m.tier.midTier,
    er_median: e.byFollowers.median,
    er_mean: e.byFollowers.mean,
    er_views_median: e.byViews.median,
    er_views_mean: e.byViews.mean,
    er_vs_tier: m.erVsTier,
    authenticity_score: m.authenticity.score,
    authenticity: JSON.stringify({ reasons: m.authenticity.reasons, skipped: m.authenticity.skipped, audience: m.authenticity.audience }),
    niches: JSON.stringify(m.niches),
    niche_ids: m.nicheIds,
    primary_niche: m.nicheIds[0] ?? null,
    country: m.country,
    location: m.location,
    language: m.language,
    has_email: m.hasEmail,
    audience: JSON.stringify(m.audience),
    quality: m.quality,
    posts_per_week: e.cadence.postsPerWeek,
    growth_30d: e.growth.days30,
    sponsored_share: e.sponsored.share,
    search_text: m.searchText,
    tags: m.tags,
    computed_at: new Date(),
  };
}

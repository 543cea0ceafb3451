import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { readDiscoverySettings, toDiscoverySettingsDto, UpdateDiscoverySettingsInput, type DiscoverySettingsDto } from './discovery-settings.ts';
import { inTransaction } from './in-transaction.ts';
import { refreshMetrics } from './refresh-metrics.ts';

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/**
 * Changes discovery settings: each section given replaces the stored one, `null` restores its
 * default, omitted sections stay. New bands, benchmarks or taxonomy recompute every creator's
 * tier, niches and scores in the same transaction, so search never mixes old and new rules.
 * @example await updateDiscoverySettings({ ctx, input: { tierBenchmarks: null, youtube: { apiKey: 'AIza…' } } })
 */
export async function updateDiscoverySettings({ ctx, input }: { ctx: Context; input: UpdateDiscoverySettingsInput }): Promise<{ settings: DiscoverySettingsDto; recomputed: number }> {
  const patch = UpdateDiscoverySettingsInput.parse(input);
  return inTransaction(ctx.db, async (trx) => {
    await trx.insertInto('discovery_settings').values({ workspace_id: ctx.workspaceId }).onConflict((oc) => oc.column('workspace_id').doNothing()).execute();
    await trx.selectFrom('discovery_settings').select('workspace_id').where('workspace_id', '=', ctx.workspaceId).forUpdate().execute();
    await trx
      .updateTable('discovery_settings')
      .set({
        ...(patch.tierBands !== undefined ? { tier_bands: json(patch.tierBands) } : {}),
        ...(patch.tierBenchmarks !== undefined ? { tier_benchmarks: json(patch.tierBenchmarks) } : {}),
        ...(patch.nicheTaxonomy !== undefined ? { niche_taxonomy: json(patch.nicheTaxonomy) } : {}),
        ...(patch.youtube?.apiKey !== undefined ? { youtube_api_key: patch.youtube.apiKey } : {}),
        ...(patch.youtube?.baseUrl !== undefined ? { youtube_base_url: patch.youtube.baseUrl?.replace(/\/+$/, '') ?? null } : {}),
        updated_at: new Date(),
      })
      .where('workspace_id', '=', ctx.workspaceId)
      .execute();
    const settings = await readDiscoverySettings(trx, ctx.workspaceId);
    const rulesChanged = patch.tierBands !== undefined || patch.tierBenchmarks !== undefined || patch.nicheTaxonomy !== undefined;
    const { refreshed } = rulesChanged ? await refreshMetrics({ ctx: { ...ctx, db: trx }, input: { settings } }) : { refreshed: 0 };
    // Section names only: the API key is a secret and the audit log is kept indefinitely.
    const sections = Object.keys(patch).map((k) => (k === 'youtube' ? `youtube.${Object.keys(patch.youtube ?? {}).join('+')}` : k));
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'discovery.settings_updated', data: { sections, recomputed: refreshed } });
    return { settings: toDiscoverySettingsDto(settings), recomputed: refreshed };
  });
}

import type { Context } from '../shared/context.ts';
import { readDiscoverySettings, toDiscoverySettingsDto, type DiscoverySettingsDto } from './discovery-settings.ts';

/**
 * The workspace's tier bands, tier benchmarks, niche taxonomy and YouTube connector settings
 * (defaults where the workspace has not changed them; the API key is never shown).
 * @example const { tierBands } = await getDiscoverySettings({ ctx })
 */
export async function getDiscoverySettings({ ctx }: { ctx: Context }): Promise<DiscoverySettingsDto> {
  return toDiscoverySettingsDto(await readDiscoverySettings(ctx.db, ctx.workspaceId));
}

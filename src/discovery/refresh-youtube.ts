import { z } from 'zod';
import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { hasPrefix } from '../shared/ids.ts';
import { readDiscoverySettings } from './discovery-settings.ts';
import { inTransaction } from './in-transaction.ts';
import { refreshMetrics } from './refresh-metrics.ts';
import { resolveImport } from './resolve-import.ts';
import { validateImportRecords } from './validate-import.ts';
import { writeImport } from './write-import.ts';
import { fetchYoutubeChannel, isChannelId } from './youtube/fetch-youtube-channel.ts';
import { toYoutubeRecord } from './youtube/to-youtube-record.ts';

export const RefreshYoutubeInput = z.strictObject({
  /** A channel id (UC…) or @handle; default: the creator's YouTube account. */
  channel: z.string().trim().min(1).max(100).optional(),
  /** Overrides the workspace's key for this call. */
  apiKey: z.string().trim().min(1).max(200).optional(),
  /** Overrides the workspace's base URL (default https://www.googleapis.com/youtube/v3). */
  baseUrl: z.url({ protocol: /^https?$/, message: 'baseUrl must be an http(s) URL' }).max(500).optional(),
  maxVideos: z.number().int().min(0).max(50, 'maxVideos is at most 50 (one playlistItems page)').default(12),
  maxCommentsPerVideo: z.number().int().min(0).max(100, 'maxCommentsPerVideo is at most 100 (one commentThreads page)').default(20),
});
export type RefreshYoutubeInput = z.input<typeof RefreshYoutubeInput>;

export type RefreshYoutubeResult = {
  influencerId: string;
  account: { platform: 'youtube'; handle: string; channelId: string; followers: number; postsCount: number };
  videos: number;
  comments: number;
  videosWithoutComments: number;
  requests: number;
};

/**
 * Refreshes a creator's YouTube channel from the YouTube Data API v3: channel statistics (today's
 * subscriber count joins the follower history), the latest uploads with their statistics and a
 * sample of comments per video, then recomputes the creator's metrics. The API is called before
 * the transaction opens, so a slow API never holds the database.
 * @example await refreshYoutube({ ctx, input: { id: 'inf_...', channel: '@cookwithada' } })
 */
export async function refreshYoutube({ ctx, input }: { ctx: Context; input: { id: string } & RefreshYoutubeInput }): Promise<RefreshYoutubeResult> {
  const { id, ...rest } = input;
  const opts = RefreshYoutubeInput.parse(rest);
  if (!hasPrefix(id, 'influencer')) throw notFound('Influencer', id);
  const influencer = await ctx.db.selectFrom('influencers').select(['id', 'handles']).where('workspace_id', '=', ctx.workspaceId).where('id', '=', id).executeTakeFirst();
  if (!influencer) throw notFound('Influencer', id);
  const account = await ctx.db
    .selectFrom('social_accounts')
    .select(['handle', 'external_id'])
    .where('workspace_id', '=', ctx.workspaceId)
    .where('influencer_id', '=', id)
    .where('platform', '=', 'youtube')
    .orderBy('followers', 'desc')
    .executeTakeFirst();
  const settings = await readDiscoverySettings(ctx.db, ctx.workspaceId);
  const apiKey = opts.apiKey ?? settings.youtube.apiKey;
  if (!apiKey) throw new AppError('PRECONDITION_FAILED', 'No YouTube API key: pass apiKey or set youtube.apiKey in PUT /api/v1/discovery/settings');
  const handles = (typeof influencer.handles === 'string' ? JSON.parse(influencer.handles) : influencer.handles) as Record<string, string>;
  const channel = opts.channel ?? account?.external_id ?? account?.handle ?? handles.youtube;
  if (!channel) throw new AppError('PRECONDITION_FAILED', `Influencer ${id} has no YouTube account or handle; pass channel (a channel id or @handle)`);

  const client = { apiKey, baseUrl: opts.baseUrl ?? settings.youtube.baseUrl, requests: 0 };
  const data = await fetchYoutubeChannel(client, channel, { maxVideos: opts.maxVideos, maxComments: opts.maxCommentsPerVideo });
  if (!data) throw new AppError('NOT_FOUND', `YouTube has no channel ${isChannelId(channel) ? channel : `@${channel.replace(/^@/, '')}`}`);
  // Keep the handle the account is stored under, so a refresh updates it instead of adding another.
  const sameChannel = account && (!account.external_id || account.external_id === data.channel.id);
  const record = toYoutubeRecord(data, { influencerId: id, ...(sameChannel ? { handle: account.handle } : {}) });
  const checked = validateImportRecords([record]);
  if (checked.errors.length) {
    const e = checked.errors[0]!;
    throw new AppError('UNAVAILABLE', `YouTube data could not be stored: ${e.field ?? ''} ${e.message}`, { retry: false });
  }
  return inTransaction(ctx.db, async (trx) => {
    const tctx = { ...ctx, db: trx };
    const plan = await resolveImport(trx, ctx.workspaceId, checked.records, [1]);
    if (plan.errors.length) throw new AppError('CONFLICT', plan.errors[0]!.message);
    const { touched } = await writeImport(trx, tctx, plan);
    await refreshMetrics({ ctx: tctx, input: { influencerIds: touched } });
    const stored = checked.records[0]!;
    const result: RefreshYoutubeResult = {
      influencerId: id,
      account: { platform: 'youtube', handle: stored.handle, channelId: data.channel.id, followers: stored.followers ?? 0, postsCount: stored.postsCount ?? 0 },
      videos: data.videos.length,
      comments: stored.comments?.length ?? 0,
      videosWithoutComments: data.videosWithoutComments,
      requests: client.requests,
    };
    await audit(tctx, { workspaceId: ctx.workspaceId, action: 'influencer.youtube_refreshed', subjectId: id, data: { channelId: data.channel.id, videos: result.videos, comments: result.comments } });
    return result;
  });
}

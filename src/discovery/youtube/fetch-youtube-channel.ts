import { z } from 'zod';
import { ChannelListResponse, CommentThreadListResponse, PlaylistItemListResponse, VideoListResponse, YoutubeApiError, youtubeGet, type YoutubeClient } from './youtube-api.ts';

export type YoutubeChannel = z.infer<typeof ChannelListResponse>['items'][number];
export type YoutubeVideo = z.infer<typeof VideoListResponse>['items'][number];
export type YoutubeComment = { videoId: string; author: string; text: string; publishedAt: string | undefined };
export type YoutubeChannelData = { channel: YoutubeChannel; videos: YoutubeVideo[]; comments: YoutubeComment[]; videosWithoutComments: number };

/** A channel id (UC + 22 characters) rather than a handle. */
export const isChannelId = (s: string) => /^UC[\w-]{22}$/.test(s);

/**
 * Fetches a channel (by id or @handle), its latest uploads and a sample of top-level comments on
 * each: channels.list → playlistItems.list (uploads playlist) → videos.list → commentThreads.list.
 * Videos with comments turned off are counted, not fatal.
 */
export async function fetchYoutubeChannel(client: YoutubeClient, channel: string, opts: { maxVideos: number; maxComments: number }): Promise<YoutubeChannelData | null> {
  const lookup: Record<string, string> = isChannelId(channel) ? { id: channel } : { forHandle: `@${channel.replace(/^@/, '')}` };
  const channels = await youtubeGet(client, 'channels', { part: 'snippet,statistics,contentDetails', ...lookup }, ChannelListResponse);
  const found = channels.items[0];
  if (!found) return null;
  const uploads = found.contentDetails?.relatedPlaylists.uploads;
  if (!uploads || opts.maxVideos === 0) return { channel: found, videos: [], comments: [], videosWithoutComments: 0 };
  const playlist = await youtubeGet(client, 'playlistItems', { part: 'contentDetails', playlistId: uploads, maxResults: String(opts.maxVideos) }, PlaylistItemListResponse);
  const ids = playlist.items.map((i) => i.contentDetails.videoId).slice(0, opts.maxVideos);
  if (ids.length === 0) return { channel: found, videos: [], comments: [], videosWithoutComments: 0 };
  const videos = (await youtubeGet(client, 'videos', { part: 'snippet,statistics,contentDetails,paidProductPlacementDetails', id: ids.join(','), maxResults: String(ids.length) }, VideoListResponse)).items;
  const comments: YoutubeComment[] = [];
  let videosWithoutComments = 0;
  if (opts.maxComments > 0) {
    for (const video of videos) {
      try {
        const threads = await youtubeGet(client, 'commentThreads', { part: 'snippet', videoId: video.id, maxResults: String(opts.maxComments), textFormat: 'plainText' }, CommentThreadListResponse);
        for (const t of threads.items) {
          const s = t.snippet.topLevelComment.snippet;
          comments.push({ videoId: video.id, author: s.authorDisplayName, text: s.textOriginal ?? s.textDisplay, publishedAt: s.publishedAt });
        }
      } catch (err) {
        // Comments turned off (403 commentsDisabled) or the video gone: sample the others.
        if (err instanceof YoutubeApiError && (err.reason === 'commentsDisabled' || err.code === 'NOT_FOUND')) videosWithoutComments++;
        else throw err;
      }
    }
  }
  return { channel: found, videos, comments, videosWithoutComments };
}

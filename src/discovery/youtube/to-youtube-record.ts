import type { ImportRecordInput } from '../import-schemas.ts';
import type { YoutubeChannelData } from './fetch-youtube-channel.ts';

/** YouTube Shorts are vertical videos of up to a minute; the API has no Shorts flag, so duration decides. */
export const SHORT_MAX_SECONDS = 60;
const CTA = /https?:\/\/|\blink in (?:bio|description)\b|\buse (?:my )?code\b|\bdiscount code\b|\bshop (?:now|here)\b/i;

/** Seconds of an ISO 8601 duration such as PT1H2M3S or P1DT2H; null when unreadable. */
export function isoDurationSeconds(duration: string | undefined): number | null {
  const m = duration ? /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(duration) : null;
  if (!m) return null;
  const [, d, h, min, s] = m;
  return Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3_600 + Number(min ?? 0) * 60 + Number(s ?? 0);
}

const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

/**
 * The fetched channel as an import record: subscribers are followers, uploads are posts (short
 * ones as reels, the rest as videos), likes and comments count as engagement, and views give ER
 * by views. YouTube reports no shares, saves or following, which stay 0.
 * @example toYoutubeRecord(data, { influencerId: 'inf_…', handle: 'cookwithada' }).posts?.length
 */
export function toYoutubeRecord(data: YoutubeChannelData, opts: { influencerId: string; handle?: string }): ImportRecordInput {
  const { channel, videos, comments } = data;
  const custom = channel.snippet.customUrl?.replace(/^@/, '');
  const handle = opts.handle ?? custom ?? channel.id;
  const thumbnails = channel.snippet.thumbnails ?? {};
  return {
    platform: 'youtube',
    handle,
    influencerId: opts.influencerId,
    displayName: cut(channel.snippet.title, 200),
    externalId: channel.id,
    url: custom ? `https://www.youtube.com/@${custom}` : `https://www.youtube.com/channel/${channel.id}`,
    followers: channel.statistics.hiddenSubscriberCount ? 0 : (channel.statistics.subscriberCount ?? 0),
    postsCount: channel.statistics.videoCount ?? videos.length,
    bio: cut(channel.snippet.description, 5_000),
    ...(channel.snippet.country && /^[A-Za-z]{2}$/.test(channel.snippet.country) ? { country: channel.snippet.country } : {}),
    ...(channel.snippet.defaultLanguage ? { language: channel.snippet.defaultLanguage.slice(0, 2).toLowerCase() } : {}),
    hasProfilePicture: Object.keys(thumbnails).length > 0,
    posts: videos.map((v) => {
      const seconds = isoDurationSeconds(v.contentDetails?.duration);
      const text = `${v.snippet.title}\n${v.snippet.description}`;
      return {
        id: v.id,
        url: `https://www.youtube.com/watch?v=${v.id}`,
        postedAt: v.snippet.publishedAt,
        format: seconds !== null && seconds <= SHORT_MAX_SECONDS ? 'reel' : 'video',
        caption: cut([text, ...(v.snippet.tags ?? [])].join('\n'), 10_000),
        hashtags: [...text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1]!).slice(0, 100),
        mentions: [...text.matchAll(/@([\w.]+)/gu)].map((m) => m[1]!).slice(0, 100),
        likes: v.statistics.likeCount ?? 0,
        comments: v.statistics.commentCount ?? 0,
        views: v.statistics.viewCount ?? null,
        sponsored: v.paidProductPlacementDetails?.hasPaidProductPlacement ?? false,
        hasCta: CTA.test(v.snippet.description),
      };
    }),
    comments: comments
      .filter((c) => c.author !== '')
      .map((c) => ({ postId: c.videoId, author: cut(c.author, 200), text: cut(c.text, 5_000), ...(c.publishedAt ? { postedAt: c.publishedAt } : {}) })),
  };
}

import { describe, expect, it } from 'vitest';
import { ImportRecord } from '../import-schemas.ts';
import { isChannelId } from './fetch-youtube-channel.ts';
import { isoDurationSeconds, toYoutubeRecord } from './to-youtube-record.ts';

describe('YouTube mapping', () => {
  it('reads ISO 8601 durations', () => {
    expect(isoDurationSeconds('PT45S')).toBe(45);
    expect(isoDurationSeconds('PT1H2M3S')).toBe(3723);
    expect(isoDurationSeconds('P1DT1S')).toBe(86_401);
    expect(isoDurationSeconds('PT0S')).toBe(0);
    expect(isoDurationSeconds('soon')).toBeNull();
    expect(isoDurationSeconds(undefined)).toBeNull();
  });

  it('tells channel ids from handles', () => {
    expect(isChannelId('UCa1b2c3d4e5f6g7h8i9j0kL')).toBe(true);
    expect(isChannelId('cookwithada')).toBe(false);
  });

  it('maps a channel without a custom URL, hidden subscribers and unknown durations to a valid record', () => {
    const record = toYoutubeRecord(
      {
        channel: { id: 'UCa1b2c3d4e5f6g7h8i9j0kL', snippet: { title: 'Ada', description: '' }, statistics: { hiddenSubscriberCount: true, subscriberCount: 5 } },
        videos: [{ id: 'v9', snippet: { publishedAt: '2025-01-01T00:00:00Z', title: 'Hi', description: '' }, statistics: {} }],
        comments: [{ videoId: 'v9', author: '', text: 'anonymous', publishedAt: undefined }],
        videosWithoutComments: 0,
      } as never,
      { influencerId: 'inf_x' },
    );
    expect(record).toMatchObject({ handle: 'UCa1b2c3d4e5f6g7h8i9j0kL', followers: 0, hasProfilePicture: false, url: 'https://www.youtube.com/channel/UCa1b2c3d4e5f6g7h8i9j0kL' });
    expect(record.posts![0]).toMatchObject({ format: 'video', likes: 0, views: null, hasCta: false });
    expect(record.comments).toEqual([]);
    expect(ImportRecord.safeParse(record).success).toBe(true);
  });
});

/**
 * A small YouTube Data API v3 client: the four list calls the connector needs, with an API key
 * and a configurable base URL, and responses checked against the documented shapes
 * (https://developers.google.com/youtube/v3/docs). Only the fields we use are declared.
 */
import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';

const Count = z.string().regex(/^\d+$/).transform(Number);
const Thumbnails = z.record(z.string(), z.looseObject({ url: z.string() })).optional();

export const ChannelListResponse = z.looseObject({
  items: z
    .array(
      z.looseObject({
        id: z.string(),
        snippet: z.looseObject({
          title: z.string(),
          description: z.string().default(''),
          customUrl: z.string().optional(),
          country: z.string().optional(),
          defaultLanguage: z.string().optional(),
          thumbnails: Thumbnails,
        }),
        statistics: z
          .looseObject({ subscriberCount: Count.optional(), videoCount: Count.optional(), viewCount: Count.optional(), hiddenSubscriberCount: z.boolean().optional() })
          .default({}),
        contentDetails: z.looseObject({ relatedPlaylists: z.looseObject({ uploads: z.string().optional() }) }).optional(),
      }),
    )
    .default([]),
});

export const PlaylistItemListResponse = z.looseObject({
  items: z.array(z.looseObject({ contentDetails: z.looseObject({ videoId: z.string(), videoPublishedAt: z.string().optional() }) })).default([]),
});

export const VideoListResponse = z.looseObject({
  items: z
    .array(
      z.looseObject({
        id: z.string(),
        snippet: z.looseObject({
          publishedAt: z.string(),
          title: z.string().default(''),
          description: z.string().default(''),
          tags: z.array(z.string()).optional(),
          defaultAudioLanguage: z.string().optional(),
        }),
        statistics: z.looseObject({ viewCount: Count.optional(), likeCount: Count.optional(), commentCount: Count.optional() }).default({}),
        contentDetails: z.looseObject({ duration: z.string().optional() }).optional(),
        paidProductPlacementDetails: z.looseObject({ hasPaidProductPlacement: z.boolean().optional() }).optional(),
      }),
    )
    .default([]),
});

export const CommentThreadListResponse = z.looseObject({
  items: z
    .array(
      z.looseObject({
        snippet: z.looseObject({
          videoId: z.string().optional(),
          topLevelComment: z.looseObject({
            snippet: z.looseObject({ authorDisplayName: z.string().default(''), textDisplay: z.string().default(''), textOriginal: z.string().optional(), publishedAt: z.string().optional() }),
          }),
        }),
      }),
    )
    .default([]),
});

const ErrorBody = z.looseObject({ error: z.looseObject({ code: z.number().optional(), message: z.string().default(''), errors: z.array(z.looseObject({ reason: z.string().optional() })).optional() }) });

export type YoutubeClient = {
  baseUrl: string;
  apiKey: string;
  timeoutMs?: number;
  /** Counts requests made, for the caller's report. */
  requests?: number;
};

export class YoutubeApiError extends AppError {
  constructor(
    code: ConstructorParameters<typeof AppError>[0],
    message: string,
    readonly reason: string | null,
    retry = false,
  ) {
    super(code, message, { retry });
  }
}

/**
 * GET `{baseUrl}/{resource}?…&key=…`, parsed with `schema`. API errors become AppErrors a user can
 * act on (bad key → 400, quota → 429, unreachable or malformed answers → 503); the key is never
 * part of a message.
 */
export async function youtubeGet<S extends z.ZodType>(client: YoutubeClient, resource: 'channels' | 'playlistItems' | 'videos' | 'commentThreads', params: Record<string, string>, schema: S): Promise<z.infer<S>> {
  const url = new URL(`${client.baseUrl.replace(/\/+$/, '')}/${resource}`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  url.searchParams.set('key', client.apiKey);
  client.requests = (client.requests ?? 0) + 1;
  const where = `YouTube API ${resource}.list`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(client.timeoutMs ?? 15_000) });
  } catch (err) {
    throw new YoutubeApiError('UNAVAILABLE', `${where} at ${url.host} did not answer: ${(err as Error).message}`, null, true);
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const e = ErrorBody.safeParse(body);
    const reason = e.success ? (e.data.error.errors?.[0]?.reason ?? null) : null;
    const message = `${where} answered ${res.status}${reason ? ` (${reason})` : ''}: ${e.success ? e.data.error.message : 'no error details'}`;
    if (reason === 'quotaExceeded' || reason === 'rateLimitExceeded' || res.status === 429) throw new YoutubeApiError('LIMIT_EXCEEDED', message, reason, true);
    if (res.status >= 500) throw new YoutubeApiError('UNAVAILABLE', message, reason, true);
    if (res.status === 404) throw new YoutubeApiError('NOT_FOUND', message, reason);
    if (res.status === 400 && reason !== 'keyInvalid' && reason !== 'badRequest') throw new YoutubeApiError('VALIDATION', message, reason);
    if (res.status === 400) throw new YoutubeApiError('VALIDATION', `${message}; check the API key`, reason);
    throw new YoutubeApiError('PRECONDITION_FAILED', message, reason);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new YoutubeApiError('UNAVAILABLE', `${where} answered in an unexpected format: ${parsed.error.issues[0]?.message ?? ''}`, null, true);
  return parsed.data;
}

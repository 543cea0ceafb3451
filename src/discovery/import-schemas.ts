/**
 * The documented import format (docs/discovery.md): one record per social account, identified by
 * platform + handle, with its posts, comments, audience, follower history and follower sample.
 * The CSV reader produces the same records, so both formats share these schemas.
 */
import { z } from 'zod';

export const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'x', 'other'] as const;
export const FORMATS = ['image', 'carousel', 'reel', 'video', 'story', 'text'] as const;
/** Names people use for the same formats (the issue says reel-short and long video). */
const FORMAT_ALIASES: Record<string, (typeof FORMATS)[number]> = {
  short: 'reel',
  'reel-short': 'reel',
  shorts: 'reel',
  'long-video': 'video',
  'long video': 'video',
  photo: 'image',
  tweet: 'text',
};

/** Per-record caps: enough for any real export, small enough that one bad file cannot exhaust memory. */
export const IMPORT_LIMITS = { records: 20_000, posts: 500, comments: 5_000, audience: 300, history: 2_000, followerSample: 1_000 } as const;

const count = (what: string) => z.number({ error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be a number`) }).int(`${what} must be a whole number`).min(0, `${what} must not be negative`).max(2_147_483_647);
const text = (max: number) => z.string().max(max, `at most ${max} characters`);
/** ISO 8601 date or date-time; a date alone means midnight UTC. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
export const IsoDate = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be an ISO 8601 date such as 2025-03-01') })
  .refine((s) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s)), 'must be an ISO 8601 date such as 2025-03-01 or 2025-03-01T12:00:00Z');

export const toDate = (s: string): Date => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);

/** '@Ada.Fit' and 'ada.fit' are one handle: stored lower-case without '@'. */
export const ImportHandle = z
  .string({ message: 'handle is required' })
  .trim()
  .transform((s) => s.replace(/^@/, '').toLowerCase())
  .pipe(z.string().min(1, 'handle must not be empty').max(100, 'handle must be at most 100 characters').regex(/^[^\s\p{Cc}]+$/u, 'handle must not contain spaces'));

export const ImportPlatform = z.enum(PLATFORMS, { message: `platform must be one of ${PLATFORMS.join(', ')}` });

const Tag = z.string().trim().transform((s) => s.replace(/^[#@]/, '')).pipe(z.string().min(1).max(100));

export const ImportPost = z.strictObject({
  id: z.string({ message: 'id (the platform post id) is required' }).trim().min(1, 'id must not be empty').max(200),
  url: text(2048).optional(),
  postedAt: IsoDate,
  format: z
    .string({ message: `format must be one of ${FORMATS.join(', ')}` })
    .trim()
    .toLowerCase()
    .transform((s) => FORMAT_ALIASES[s] ?? s)
    .pipe(z.enum(FORMATS, { message: `format must be one of ${FORMATS.join(', ')} (or short, reel-short, long-video)` })),
  caption: text(10_000).optional(),
  /** Without '#'; taken from the caption when absent. */
  hashtags: z.array(Tag).max(100).optional(),
  /** Without '@'; taken from the caption when absent. */
  mentions: z.array(Tag).max(100).optional(),
  likes: count('likes').default(0),
  comments: count('comments').default(0),
  shares: count('shares').default(0),
  saves: count('saves').default(0),
  views: z.number({ message: 'views must be a number' }).int('views must be a whole number').min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  sponsored: z.boolean().default(false),
  gifted: z.boolean().default(false),
  hasCta: z.boolean().default(false),
  faceShown: z.boolean().default(false),
});
export type ImportPost = z.infer<typeof ImportPost>;

export const ImportComment = z.strictObject({
  /** The platform id of the post the comment is under; pod detection needs it. */
  postId: z.string().trim().min(1).max(200).optional(),
  author: z.string({ message: 'author is required' }).trim().min(1, 'author must not be empty').max(200),
  text: z.string({ message: 'text is required' }).max(5_000),
  postedAt: IsoDate.optional(),
});
export type ImportComment = z.infer<typeof ImportComment>;

export const ImportAudience = z.strictObject({
  dimension: z.enum(['country', 'age', 'gender'], { message: 'dimension must be country, age or gender' }),
  /** ISO 3166-1 alpha-2 country, an age band like 18-24, or female / male / other. */
  key: z.string({ message: 'key is required' }).trim().min(1).max(40),
  share: z.number({ message: 'share must be a number' }).min(0, 'share is a fraction from 0 to 1').max(1, 'share is a fraction from 0 to 1 (0.42 = 42%)'),
  source: text(200).optional(),
  asOf: IsoDate.optional(),
});
export type ImportAudience = z.infer<typeof ImportAudience>;

export const ImportHistory = z.strictObject({ at: IsoDate, followers: count('followers') });

export const ImportFollower = z.strictObject({
  username: z.string({ message: 'username is required' }).min(1).max(100),
  biography: text(2_200).optional(),
  followers: count('followers'),
  following: count('following'),
  posts: count('posts'),
  hasProfilePicture: z.boolean({ message: 'hasProfilePicture must be true or false' }),
  isPrivate: z.boolean({ message: 'isPrivate must be true or false' }),
});

/** Account fields; all optional so a record can add posts to an account already imported. */
export const ImportAccountFields = {
  followers: count('followers').optional(),
  following: count('following').optional(),
  postsCount: count('postsCount').optional(),
  displayName: text(200).optional(),
  externalId: text(200).optional(),
  url: text(2048).optional(),
  bio: text(5_000).optional(),
  location: text(200).optional(),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code such as DE')
    .optional(),
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2,3}$/, 'language must be an ISO 639-1 code such as en')
    .optional(),
  hasProfilePicture: z.boolean().optional(),
  verified: z.boolean().optional(),
  isPrivate: z.boolean().optional(),
  contactEmail: z.string().trim().max(320).pipe(z.email('contactEmail must be a valid email address')).optional(),
};

export const ImportRecord = z.strictObject({
  platform: ImportPlatform,
  handle: ImportHandle,
  /** Attach the account to this creator of the workspace (moving it if it belongs to another). */
  influencerId: z.string().trim().min(1).max(100).optional(),
  /** Records sharing a creatorRef in one file belong to one creator. */
  creatorRef: z.string().trim().min(1).max(200).optional(),
  /** The creator's name; a new creator without one is named after the handle. */
  name: z.string().trim().min(1).max(200).optional(),
  /** The creator's own email (kept on the creator, not the account). */
  email: z.string().trim().max(320).pipe(z.email('email must be a valid email address')).optional(),
  ...ImportAccountFields,
  posts: z.array(ImportPost).max(IMPORT_LIMITS.posts, `at most ${IMPORT_LIMITS.posts} posts per account`).optional(),
  comments: z.array(ImportComment).max(IMPORT_LIMITS.comments, `at most ${IMPORT_LIMITS.comments} comments per account`).optional(),
  audience: z.array(ImportAudience).max(IMPORT_LIMITS.audience).optional(),
  followerHistory: z.array(ImportHistory).max(IMPORT_LIMITS.history).optional(),
  followerSample: z.array(ImportFollower).max(IMPORT_LIMITS.followerSample).optional(),
});
export type ImportRecordInput = z.input<typeof ImportRecord>;
export type ImportRecord = z.infer<typeof ImportRecord>;

/** One problem in an import, where a person can find it: the row and the field. */
export type ImportRowError = { row: number; field: string | null; message: string };

export const ImportOptions = z.strictObject({
  skipInvalid: z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
    .transform((v) => v === true || v === 'true' || v === '1')
    .default(false),
  dryRun: z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
    .transform((v) => v === true || v === 'true' || v === '1')
    .default(false),
});

/**
 * Shared types for creator discovery: engagement, tiers, authenticity and niche fit.
 *
 * Everything here is plain data so the HTTP layer can validate it with zod and store it as-is.
 * Rates are fractions (0.0181 means 1.81%), counts are integers, dates are `Date`.
 */

export type Platform = 'instagram' | 'tiktok' | 'youtube' | 'x' | 'other';

export type PostFormat = 'image' | 'carousel' | 'reel' | 'video' | 'story' | 'text';

export const POST_FORMATS: readonly PostFormat[] = [
  'image',
  'carousel',
  'reel',
  'video',
  'story',
  'text',
];

/** One published post. Counts the platform does not report (e.g. saves on X) are 0. */
export interface Post {
  /** Stable id from the import; needed to group comments per post (pod detection). */
  id?: string;
  platform: Platform;
  format: PostFormat;
  postedAt: Date;
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  /** Views or plays; null where the platform does not report them (e.g. Instagram images). */
  views: number | null;
  /** Paid partnership / #ad. */
  sponsored: boolean;
  /** Product received without payment. */
  gifted: boolean;
  /** Post carries a call to action (link in bio, code, swipe up). */
  hasCta: boolean;
  faceShown: boolean;
  caption: string;
  /** Hashtags without the leading '#'. */
  hashtags: string[];
}

export interface SocialAccount {
  platform: Platform;
  handle: string;
  displayName?: string;
  followers: number;
  following: number;
  postsCount: number;
  bio: string;
  hasProfilePicture: boolean;
  verified: boolean;
  isPrivate?: boolean;
  externalUrl?: string | null;
}

export interface Comment {
  /** Id of the post the comment is on; repeated-author (pod) detection needs it. */
  postId?: string;
  author: string;
  text: string;
  postedAt: Date;
}

export interface FollowerSnapshot {
  at: Date;
  followers: number;
}

export type AudienceDimension = 'country' | 'age' | 'gender';

/**
 * One slice of a creator's audience, e.g. `{ dimension: 'country', key: 'DE', share: 0.42 }`.
 * Shares within one dimension should add up to at most 1.
 */
export interface AudienceShare {
  dimension: AudienceDimension;
  /** ISO 3166-1 alpha-2 country, age band like '18-24', or 'female' | 'male' | 'other'. */
  key: string;
  share: number;
}

/**
 * One account to score for fakeness; the body item of POST /api/v1/authenticity/accounts.
 * Mirrors the columns of the SRF training set (which has no biography).
 */
export interface AccountInput {
  username: string;
  biography?: string;
  followers: number;
  following: number;
  posts: number;
  hasProfilePicture: boolean;
  isPrivate: boolean;
}

/** A human-readable reason with the numbers behind it. */
export interface Reason {
  code: string;
  message: string;
  evidence: Record<string, number | string | boolean | null>;
}

/** A rule-based authenticity finding; `penalty` points are subtracted from 100. */
export interface AuthenticityReason extends Reason {
  penalty: number;
}

export interface AccountScore {
  username: string;
  /** Model probability that the account is fake, 0–1. */
  fakeProbability: number;
  label: 'fake' | 'real';
  reasons: Reason[];
}

export interface CommentClassification {
  text: string;
  spamProbability: number;
  label: 'spam' | 'ham';
}

/** Everything known about a creator, as an import provides it. */
export interface CreatorProfile {
  id?: string;
  account: SocialAccount;
  posts: Post[];
  comments?: Comment[];
  followerHistory?: FollowerSnapshot[];
  audience?: AudienceShare[];
  /** A sample of follower accounts, scored with the fake-account model when present. */
  followerSample?: AccountInput[];
}

export interface TargetAudience {
  countries?: string[];
  /** Age bands matching AudienceShare keys, e.g. ['18-24', '25-34']. */
  ageBands?: string[];
  genders?: string[];
}

/** What a brand is looking for. */
export interface Brief {
  text: string;
  /** Niche ids from the taxonomy. */
  niches: string[];
  targetAudience?: TargetAudience;
}

export interface NicheScore {
  id: string;
  label: string;
  /** Share of the creator's matched niche evidence, 0–1 (all niches together sum to 1, before small ones are dropped). */
  score: number;
  matchedTerms: string[];
}

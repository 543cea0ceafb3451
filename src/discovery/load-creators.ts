import { sql } from 'kysely';
import type { Db } from '../shared/context.ts';
import type { AccountInput, AudienceShare, Comment, FollowerSnapshot, Platform, Post } from './types.ts';

/** Posts per account that metrics look at: ER uses the last 12; by-format figures use these. */
export const POSTS_LOADED_PER_ACCOUNT = 100;

export type StoredPost = Post & { id: string; url: string | null; mentions: string[] };
export type StoredAudience = AudienceShare & { source: string | null; asOf: string | null };

export type AccountData = {
  id: bigint;
  platform: Platform;
  handle: string;
  displayName: string | null;
  externalId: string | null;
  url: string | null;
  followers: number;
  following: number;
  postsCount: number;
  bio: string;
  location: string | null;
  country: string | null;
  language: string | null;
  hasProfilePicture: boolean;
  verified: boolean;
  isPrivate: boolean;
  contactEmail: string | null;
  updatedAt: Date;
  posts: StoredPost[];
  comments: Comment[];
  history: FollowerSnapshot[];
  audience: StoredAudience[];
  followerSample: AccountInput[];
};

export type CreatorData = {
  influencerId: string;
  name: string;
  email: string | null;
  status: 'active' | 'archived';
  accounts: AccountData[];
  manualNiches: string[] | null;
};

/**
 * Everything metrics need about some creators of one workspace, in seven queries whatever their
 * number. Creators of other workspaces are never returned.
 */
export async function loadCreators(db: Db, workspaceId: string, influencerIds: readonly string[]): Promise<Map<string, CreatorData>> {
  const out = new Map<string, CreatorData>();
  if (influencerIds.length === 0) return out;
  const ids = [...influencerIds];
  const influencers = await db
    .selectFrom('influencers as i')
    .leftJoin('creator_metrics as m', (j) => j.onRef('m.influencer_id', '=', 'i.id').on('m.workspace_id', '=', workspaceId))
    .select(['i.id', 'i.name', 'i.email', 'i.status', 'm.manual_niches'])
    .where('i.workspace_id', '=', workspaceId)
    .where('i.id', 'in', ids)
    .execute();
  for (const i of influencers) out.set(i.id, { influencerId: i.id, name: i.name, email: i.email, status: i.status, accounts: [], manualNiches: i.manual_niches });

  const accounts = await db.selectFrom('social_accounts').selectAll().where('workspace_id', '=', workspaceId).where('influencer_id', 'in', ids).orderBy('id').execute();
  const byAccount = new Map<string, AccountData>();
  for (const a of accounts) {
    const data: AccountData = {
      id: a.id,
      platform: a.platform,
      handle: a.handle,
      displayName: a.display_name,
      externalId: a.external_id,
      url: a.url,
      followers: a.followers,
      following: a.following,
      postsCount: a.posts_count,
      bio: a.bio,
      location: a.location,
      country: a.country,
      language: a.language,
      hasProfilePicture: a.has_profile_picture,
      verified: a.verified,
      isPrivate: a.is_private,
      contactEmail: a.contact_email,
      updatedAt: a.updated_at,
      posts: [],
      comments: [],
      history: [],
      audience: [],
      followerSample: [],
    };
    byAccount.set(String(a.id), data);
    out.get(a.influencer_id)?.accounts.push(data);
  }
  if (accounts.length === 0) return out;
  const of = (accountId: bigint) => byAccount.get(String(accountId));
  const accountsOfCreators = (alias: string) =>
    sql<boolean>`${sql.ref(`${alias}.account_id`)} in (select id from social_accounts where workspace_id = ${workspaceId} and influencer_id in (${sql.join(ids)}))`;

  const posts = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('social_posts as p')
        .selectAll()
        .select(sql<number>`row_number() over (partition by p.account_id order by p.posted_at desc, p.id desc)`.as('rn'))
        .where('p.workspace_id', '=', workspaceId)
        .where(accountsOfCreators('p'))
        .as('x'),
    )
    .selectAll()
    .where('rn', '<=', POSTS_LOADED_PER_ACCOUNT)
    .orderBy('posted_at', 'desc')
    .execute();
  for (const p of posts) {
    const account = of(p.account_id);
    account?.posts.push({
      id: p.platform_post_id,
      url: p.url,
      mentions: p.mentions,
      platform: account.platform,
      format: p.format,
      postedAt: p.posted_at,
      likes: p.likes,
      comments: p.comments,
      shares: p.shares,
      saves: p.saves,
      views: p.views === null ? null : Number(p.views),
      sponsored: p.sponsored,
      gifted: p.gifted,
      hasCta: p.has_cta,
      faceShown: p.face_shown,
      caption: p.caption,
      hashtags: p.hashtags,
    });
  }

  const [comments, history, audience, sample] = await Promise.all([
    db.selectFrom('post_comments as c').selectAll().where('c.workspace_id', '=', workspaceId).where(accountsOfCreators('c')).orderBy('c.id').execute(),
    db.selectFrom('account_follower_history as h').selectAll().where('h.workspace_id', '=', workspaceId).where(accountsOfCreators('h')).orderBy('h.at').execute(),
    db
      .selectFrom('account_audience as a')
      .select(['a.account_id', 'a.dimension', 'a.key', 'a.share', 'a.source'])
      // Text, not a Date: a date column would be read back at local midnight by node-postgres.
      .select(sql<string | null>`to_char(a.as_of, 'YYYY-MM-DD')`.as('as_of'))
      .where('a.workspace_id', '=', workspaceId).where(accountsOfCreators('a')).orderBy('a.dimension').orderBy('a.share', 'desc').execute(),
    db.selectFrom('account_follower_samples as s').selectAll().where('s.workspace_id', '=', workspaceId).where(accountsOfCreators('s')).orderBy('s.id').execute(),
  ]);
  for (const c of comments) {
    of(c.account_id)?.comments.push({ ...(c.platform_post_id ? { postId: c.platform_post_id } : {}), author: c.author, text: c.body, postedAt: c.posted_at ?? new Date(0) });
  }
  for (const h of history) of(h.account_id)?.history.push({ at: h.at, followers: h.followers });
  for (const a of audience) {
    of(a.account_id)?.audience.push({ dimension: a.dimension, key: a.key, share: a.share, source: a.source, asOf: a.as_of });
  }
  for (const s of sample) {
    of(s.account_id)?.followerSample.push({
      username: s.username,
      ...(s.biography !== null ? { biography: s.biography } : {}),
      followers: s.followers,
      following: s.following,
      posts: s.posts,
      hasProfilePicture: s.has_profile_picture,
      isPrivate: s.is_private,
    });
  }
  return out;
}

import type { Insertable, Transaction } from 'kysely';
import type { SocialAccountsTable } from '../db/schema-discovery.ts';
import type { DB } from '../db/schema.ts';
import { actorLabel, type Context } from '../shared/context.ts';
import { newId } from '../shared/ids.ts';
import { toDate, type ImportRecord } from './import-schemas.ts';
import { chunks } from './in-transaction.ts';
import type { AccountPlan, ImportPlan } from './resolve-import.ts';

export type ImportedAccount = { row: number; influencerId: string | null; platform: string; handle: string; action: 'created' | 'updated' };

const words = (caption: string, mark: '#' | '@') => [...caption.matchAll(mark === '#' ? /#([\p{L}\p{N}_]+)/gu : /@([\w.]+)/gu)].map((m) => m[1]!);
const audienceKey = (dimension: string, key: string) => (dimension === 'country' ? key.toUpperCase() : dimension === 'gender' ? key.toLowerCase() : key);

/**
 * Writes a resolved import inside the caller's transaction: new creators (with their audit rows),
 * accounts (given fields replace stored ones, omitted ones stay), posts (upserted by platform id),
 * follower history (upserted by time; without one, today's follower count is recorded), and
 * comments, audience and follower samples (a new sample replaces the old one).
 * @returns the accounts written and every creator whose metrics must be recomputed
 */
export async function writeImport(trx: Transaction<DB>, ctx: Context, plan: ImportPlan): Promise<{ accounts: ImportedAccount[]; touched: string[] }> {
  const ws = ctx.workspaceId;
  const now = new Date();
  const created = new Map<string, string>();
  for (const part of chunks(plan.newCreators, 500)) {
    const rows = part.map((c) => ({ id: newId('influencer'), workspace_id: ws, name: c.name, email: c.email, handles: JSON.stringify(c.handles), status: 'active' as const }));
    await trx.insertInto('influencers').values(rows).execute();
    rows.forEach((r, i) => created.set(part[i]!.key, r.id));
    // The same rows audit() writes, in one statement; no email: the audit log is kept indefinitely.
    await trx
      .insertInto('audit_log')
      .values(rows.map((r) => ({ workspace_id: ws, actor: actorLabel(ctx.actor), action: 'influencer.created', subject_id: r.id, data: JSON.stringify({ name: r.name, source: 'import' }) })))
      .execute();
  }
  for (const [id, change] of plan.creatorUpdates) {
    await trx.updateTable('influencers').set({ ...change, updated_at: now }).where('workspace_id', '=', ws).where('id', '=', id).execute();
  }
  const influencerOf = (p: AccountPlan) => ('id' in p.influencer ? p.influencer.id : created.get(p.influencer.create)!);
  const touched = new Set<string>();
  const accountIds = new Map<string, bigint>();
  for (const part of chunks(plan.plans, 500)) {
    const rows = part.map((p) => accountRow(ws, influencerOf(p), p, now));
    const written = await trx
      .insertInto('social_accounts')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'platform', 'handle']).doUpdateSet((eb) => {
          const set: Record<string, unknown> = {};
          for (const c of Object.keys(rows[0]!)) if (!['workspace_id', 'platform', 'handle'].includes(c)) set[c] = eb.ref(`excluded.${c}` as 'excluded.bio');
          return set;
        }),
      )
      .returning(['id', 'platform', 'handle'])
      .execute();
    for (const a of written) accountIds.set(`${a.platform}/${a.handle}`, a.id);
  }
  const accounts: ImportedAccount[] = [];
  for (const p of plan.plans) {
    const influencerId = influencerOf(p);
    touched.add(influencerId);
    if (p.existing) touched.add(p.existing.influencer_id); // the account may have moved
    accounts.push({ row: p.row, influencerId, platform: p.record.platform, handle: p.record.handle, action: p.existing ? 'updated' : 'created' });
  }
  const idOf = (r: ImportRecord) => accountIds.get(`${r.platform}/${r.handle}`)!;
  await writeChildren(trx, ws, plan.plans.map((p) => p.record), idOf, now);
  return { accounts, touched: [...touched] };
}

function accountRow(ws: string, influencerId: string, p: AccountPlan, now: Date): Insertable<SocialAccountsTable> {
  const r = p.record;
  const e = p.existing;
  return {
    workspace_id: ws,
    influencer_id: influencerId,
    platform: r.platform,
    handle: r.handle,
    display_name: r.displayName ?? e?.display_name ?? null,
    external_id: r.externalId ?? e?.external_id ?? null,
    url: r.url ?? e?.url ?? null,
    followers: r.followers ?? e?.followers ?? 0,
    following: r.following ?? e?.following ?? 0,
    posts_count: r.postsCount ?? e?.posts_count ?? r.posts?.length ?? 0,
    bio: r.bio ?? e?.bio ?? '',
    location: r.location ?? e?.location ?? null,
    country: r.country ?? e?.country ?? null,
    language: r.language ?? e?.language ?? null,
    // Unknown counts as present: the completeness rule should not punish a silent export.
    has_profile_picture: r.hasProfilePicture ?? e?.has_profile_picture ?? true,
    verified: r.verified ?? e?.verified ?? false,
    is_private: r.isPrivate ?? e?.is_private ?? false,
    contact_email: r.contactEmail ?? e?.contact_email ?? null,
    updated_at: now,
  };
}

async function writeChildren(trx: Transaction<DB>, ws: string, records: readonly ImportRecord[], idOf: (r: ImportRecord) => bigint, now: Date): Promise<void> {
  const posts = records.flatMap((r) =>
    (r.posts ?? []).map((p) => ({
      workspace_id: ws,
      account_id: idOf(r),
      platform_post_id: p.id,
      url: p.url ?? null,
      posted_at: toDate(p.postedAt),
      format: p.format,
      caption: p.caption ?? '',
      hashtags: p.hashtags ?? words(p.caption ?? '', '#'),
      mentions: p.mentions ?? words(p.caption ?? '', '@'),
      likes: p.likes,
      comments: p.comments,
      shares: p.shares,
      saves: p.saves,
      views: p.views ?? null,
      sponsored: p.sponsored,
      gifted: p.gifted,
      has_cta: p.hasCta,
      face_shown: p.faceShown,
    })),
  );
  for (const part of chunks(posts, 1000)) {
    await trx
      .insertInto('social_posts')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['account_id', 'platform_post_id']).doUpdateSet((eb) => {
          const set: Record<string, unknown> = {};
          for (const c of Object.keys(part[0]!)) if (!['workspace_id', 'account_id', 'platform_post_id'].includes(c)) set[c] = eb.ref(`excluded.${c}` as 'excluded.caption');
          return set;
        }),
      )
      .execute();
  }

  const replaced = async (table: 'post_comments' | 'account_audience' | 'account_follower_samples', ids: bigint[]) => {
    for (const part of chunks(ids, 1000)) await trx.deleteFrom(table).where('workspace_id', '=', ws).where('account_id', 'in', part).execute();
  };
  const withComments = records.filter((r) => r.comments?.length);
  await replaced('post_comments', withComments.map(idOf));
  const comments = withComments.flatMap((r) =>
    r.comments!.map((c) => ({ workspace_id: ws, account_id: idOf(r), platform_post_id: c.postId ?? null, author: c.author, body: c.text, posted_at: c.postedAt ? toDate(c.postedAt) : null })),
  );
  for (const part of chunks(comments, 2000)) await trx.insertInto('post_comments').values(part).execute();

  const withAudience = records.filter((r) => r.audience?.length);
  await replaced('account_audience', withAudience.map(idOf));
  const audience = withAudience.flatMap((r) =>
    r.audience!.map((a) => ({ workspace_id: ws, account_id: idOf(r), dimension: a.dimension, key: audienceKey(a.dimension, a.key), share: a.share, source: a.source ?? null, as_of: a.asOf ? a.asOf.slice(0, 10) : null })),
  );
  for (const part of chunks(audience, 2000)) await trx.insertInto('account_audience').values(part).execute();

  const withSample = records.filter((r) => r.followerSample?.length);
  await replaced('account_follower_samples', withSample.map(idOf));
  const sample = withSample.flatMap((r) =>
    r.followerSample!.map((f) => ({
      workspace_id: ws,
      account_id: idOf(r),
      username: f.username,
      biography: f.biography ?? null,
      followers: f.followers,
      following: f.following,
      posts: f.posts,
      has_profile_picture: f.hasProfilePicture,
      is_private: f.isPrivate,
    })),
  );
  for (const part of chunks(sample, 2000)) await trx.insertInto('account_follower_samples').values(part).execute();

  // Snapshots build the follower history that growth and step-change checks read.
  const history = records.flatMap((r) =>
    r.followerHistory?.length
      ? r.followerHistory.map((h) => ({ workspace_id: ws, account_id: idOf(r), at: toDate(h.at), followers: h.followers }))
      : r.followers !== undefined
        ? [{ workspace_id: ws, account_id: idOf(r), at: now, followers: r.followers }]
        : [],
  );
  for (const part of chunks(history, 2000)) {
    await trx
      .insertInto('account_follower_history')
      .values(part)
      .onConflict((oc) => oc.columns(['account_id', 'at']).doUpdateSet((eb) => ({ followers: eb.ref('excluded.followers') })))
      .execute();
  }
}

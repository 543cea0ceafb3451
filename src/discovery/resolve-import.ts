import { sql, type Selectable } from 'kysely';
import type { SocialAccountsTable } from '../db/schema-discovery.ts';
import type { Db } from '../shared/context.ts';
import { hasPrefix } from '../shared/ids.ts';
import type { ImportRecord, ImportRowError } from './import-schemas.ts';
import { chunks } from './in-transaction.ts';

export type ExistingAccount = Selectable<SocialAccountsTable>;

/** What the import will do with one account record. */
export type AccountPlan = {
  row: number;
  record: ImportRecord;
  existing: ExistingAccount | null;
  /** An existing creator of the workspace, or the key of a creator this import creates. */
  influencer: { id: string } | { create: string };
};

export type NewCreator = { key: string; name: string; email: string | null; handles: Record<string, string> };

export type ImportPlan = {
  plans: AccountPlan[];
  newCreators: NewCreator[];
  /** Name or email changes of existing creators named in the file. */
  creatorUpdates: Map<string, { name?: string; email?: string }>;
  errors: ImportRowError[];
};

const keyOf = (r: { platform: string; handle: string }) => `${r.platform}/${r.handle}`;

/**
 * Decides, without writing, which creator each account belongs to: the `influencerId` given; the
 * creator already holding the account; the creator sharing its `creatorRef` in the file; an
 * existing creator whose handles name it; or a new creator. Reports rows that cannot be imported.
 */
export async function resolveImport(db: Db, workspaceId: string, records: readonly ImportRecord[], rows: readonly number[]): Promise<ImportPlan> {
  const existing = new Map<string, ExistingAccount>();
  const handleOwners = new Map<string, string>();
  for (const part of chunks(records, 1000)) {
    const platforms = part.map((r) => r.platform);
    const handles = part.map((r) => r.handle);
    const found = await db
      .selectFrom('social_accounts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where(sql<boolean>`(platform, handle) in (select * from unnest(${platforms}::text[], ${handles}::text[]))`)
      .execute();
    for (const a of found) existing.set(keyOf(a), a);
    // Creators added by hand (POST /influencers) name their handles; an import should find them.
    const owners = await sql<{ id: string; platform: string; handle: string }>`
      select distinct on (k.platform, k.handle) i.id, k.platform, k.handle
      from influencers i
      join unnest(${platforms}::text[], ${handles}::text[]) as k(platform, handle) on lower(i.handles ->> k.platform) = k.handle
      where i.workspace_id = ${workspaceId}
      order by k.platform, k.handle, i.created_at, i.id`.execute(db);
    for (const o of owners.rows) handleOwners.set(keyOf(o), o.id);
  }
  const named = [...new Set(records.flatMap((r) => (r.influencerId && hasPrefix(r.influencerId, 'influencer') ? [r.influencerId] : [])))];
  const known = new Set<string>();
  for (const part of chunks(named, 1000)) {
    const found = await db.selectFrom('influencers').select('id').where('workspace_id', '=', workspaceId).where('id', 'in', part).execute();
    for (const f of found) known.add(f.id);
  }

  const errors: ImportRowError[] = [];
  const valid: { row: number; record: ImportRecord; group: string }[] = [];
  records.forEach((record, i) => {
    const row = rows[i] ?? i + 1;
    if (record.influencerId && !known.has(record.influencerId)) {
      errors.push({ row, field: 'influencerId', message: `no creator ${record.influencerId} in this workspace` });
      return;
    }
    if (!existing.has(keyOf(record)) && record.followers === undefined) {
      errors.push({ row, field: 'followers', message: `required for a new account: ${keyOf(record)} is not in this workspace yet` });
      return;
    }
    valid.push({ row, record, group: record.creatorRef !== undefined ? `ref:${record.creatorRef}` : `row:${row}` });
  });

  // A group's creator: one named explicitly wins, then the owner of an account already stored,
  // then a creator whose handles name one of the accounts; else the import creates one.
  const explicit = new Map<string, { id: string; row: number }>();
  const implicit = new Map<string, string>();
  const rejected = new Set<number>();
  for (const v of valid) {
    const id = v.record.influencerId;
    if (!id) continue;
    const before = explicit.get(v.group);
    if (before && before.id !== id) {
      errors.push({ row: v.row, field: 'influencerId', message: `creatorRef "${v.record.creatorRef}" already names ${before.id} (row ${before.row})` });
      rejected.add(v.row);
    } else explicit.set(v.group, { id, row: v.row });
  }
  for (const v of valid) {
    const owner = existing.get(keyOf(v.record))?.influencer_id;
    if (owner && !implicit.has(v.group)) implicit.set(v.group, owner);
  }
  for (const v of valid) {
    const owner = handleOwners.get(keyOf(v.record));
    if (owner && !implicit.has(v.group)) implicit.set(v.group, owner);
  }

  const plans: AccountPlan[] = [];
  const newCreators = new Map<string, NewCreator>();
  const creatorUpdates = new Map<string, { name?: string; email?: string }>();
  const namedGroups = new Set<string>();
  for (const v of valid) {
    if (rejected.has(v.row)) continue;
    const id = explicit.get(v.group)?.id ?? implicit.get(v.group);
    const r = v.record;
    if (id) {
      if (r.name !== undefined || r.email !== undefined) creatorUpdates.set(id, { ...creatorUpdates.get(id), ...(r.name ? { name: r.name } : {}), ...(r.email ? { email: r.email } : {}) });
      plans.push({ row: v.row, record: r, existing: existing.get(keyOf(r)) ?? null, influencer: { id } });
      continue;
    }
    let creator = newCreators.get(v.group);
    if (!creator) {
      creator = { key: v.group, name: r.name ?? r.displayName ?? r.handle, email: r.email ?? null, handles: {} };
      newCreators.set(v.group, creator);
      if (r.name) namedGroups.add(v.group);
    } else {
      // The first explicit name in a group wins over a display name or handle.
      if (r.name && !namedGroups.has(v.group)) {
        creator.name = r.name;
        namedGroups.add(v.group);
      }
      creator.email ??= r.email ?? null;
    }
    creator.handles[r.platform] ??= r.handle;
    plans.push({ row: v.row, record: r, existing: null, influencer: { create: v.group } });
  }
  return { plans, newCreators: [...newCreators.values()], creatorUpdates, errors };
}

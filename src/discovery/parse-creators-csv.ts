import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { ImportAccountFields, ImportAudience, ImportComment, ImportFollower, ImportHandle, ImportHistory, ImportPlatform, ImportPost, type ImportRowError } from './import-schemas.ts';
import { issuesToRowErrors, validateImportRecords, type ValidatedImport } from './validate-import.ts';

type Kind = 'int' | 'number' | 'share' | 'bool' | 'list' | 'string';
type Spec = Record<string, [field: string, kind: Kind]>;
export const CSV_ROW_TYPES = ['account', 'post', 'comment', 'audience', 'history', 'follower'] as const;
type RowType = (typeof CSV_ROW_TYPES)[number];

/** Columns each row type reads, by normalised header (lower-case letters and digits only). */
const SPECS: Record<RowType, Spec> = {
  account: {
    influencerid: ['influencerId', 'string'], creatorref: ['creatorRef', 'string'], name: ['name', 'string'], email: ['email', 'string'],
    followers: ['followers', 'int'], following: ['following', 'int'], postscount: ['postsCount', 'int'], displayname: ['displayName', 'string'],
    externalid: ['externalId', 'string'], url: ['url', 'string'], bio: ['bio', 'string'], location: ['location', 'string'], country: ['country', 'string'],
    language: ['language', 'string'], hasprofilepicture: ['hasProfilePicture', 'bool'], verified: ['verified', 'bool'], isprivate: ['isPrivate', 'bool'],
    contactemail: ['contactEmail', 'string'],
  },
  post: {
    postid: ['id', 'string'], url: ['url', 'string'], postedat: ['postedAt', 'string'], format: ['format', 'string'], caption: ['caption', 'string'],
    hashtags: ['hashtags', 'list'], mentions: ['mentions', 'list'], likes: ['likes', 'int'], comments: ['comments', 'int'], shares: ['shares', 'int'],
    saves: ['saves', 'int'], views: ['views', 'int'], sponsored: ['sponsored', 'bool'], gifted: ['gifted', 'bool'], hascta: ['hasCta', 'bool'],
    faceshown: ['faceShown', 'bool'],
  },
  comment: { postid: ['postId', 'string'], author: ['author', 'string'], text: ['text', 'string'], postedat: ['postedAt', 'string'] },
  audience: { dimension: ['dimension', 'string'], key: ['key', 'string'], share: ['share', 'share'], source: ['source', 'string'], asof: ['asOf', 'string'] },
  history: { at: ['at', 'string'], followers: ['followers', 'int'] },
  follower: {
    username: ['username', 'string'], biography: ['biography', 'string'], followers: ['followers', 'int'], following: ['following', 'int'],
    posts: ['posts', 'int'], hasprofilepicture: ['hasProfilePicture', 'bool'], isprivate: ['isPrivate', 'bool'],
  },
};

const ITEM_SCHEMAS = {
  account: z.strictObject({
    influencerId: z.string().trim().min(1).max(100).optional(),
    creatorRef: z.string().trim().min(1).max(200).optional(),
    name: z.string().trim().min(1).max(200).optional(),
    email: z.string().trim().max(320).pipe(z.email('email must be a valid email address')).optional(),
    ...ImportAccountFields,
  }),
  post: ImportPost,
  comment: ImportComment,
  audience: ImportAudience,
  history: ImportHistory,
  follower: ImportFollower,
} as const;

const NESTED: Record<Exclude<RowType, 'account'>, 'posts' | 'comments' | 'audience' | 'followerHistory' | 'followerSample'> = {
  post: 'posts',
  comment: 'comments',
  audience: 'audience',
  history: 'followerHistory',
  follower: 'followerSample',
};

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

function coerce(cell: string, kind: Kind): { ok: true; value: unknown } | { ok: false; message: string } {
  switch (kind) {
    case 'int':
      return /^-?\d+$/.test(cell) ? { ok: true, value: Number(cell) } : { ok: false, message: `"${cell}" is not a whole number` };
    case 'number':
    case 'share': {
      const percent = kind === 'share' && cell.endsWith('%');
      const n = Number(percent ? cell.slice(0, -1) : cell);
      if (!Number.isFinite(n)) return { ok: false, message: `"${cell}" is not a number` };
      return { ok: true, value: percent ? n / 100 : n };
    }
    case 'bool': {
      const v = cell.toLowerCase();
      if (TRUE.has(v)) return { ok: true, value: true };
      if (FALSE.has(v)) return { ok: true, value: false };
      return { ok: false, message: `"${cell}" is not true or false` };
    }
    case 'list':
      return { ok: true, value: cell.split(/[\s,|;]+/).filter(Boolean) };
    case 'string':
      return { ok: true, value: cell };
  }
}

type Building = { row: number; fields: Record<string, unknown>; nested: Record<string, unknown[]>; hasAccountRow: boolean };

/**
 * Reads the documented CSV format: one row per account by default, or with a `type` column rows
 * of type account, post, comment, audience, history and follower, each naming its account by
 * `platform` and `handle`. Headers are matched ignoring case and punctuation (`posted_at` =
 * `postedAt`). Rows are numbered as a spreadsheet shows them: the header is row 1.
 * @example parseCreatorsCsv('platform,handle,followers\ninstagram,@ada,1200\n').records[0].handle // 'ada'
 */
export function parseCreatorsCsv(text: string): ValidatedImport {
  let table: string[][];
  try {
    table = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return { records: [], rows: [], skippedRows: 0, errors: [{ row: line ?? 1, field: null, message: `not readable as CSV: ${(err as Error).message}` }] };
  }
  const [header, ...body] = table;
  if (!header) return { records: [], rows: [], skippedRows: 0, errors: [{ row: 1, field: null, message: 'the file is empty; the first row must name the columns' }] };
  const columns = header.map(normalise);
  const errors: ImportRowError[] = [];
  for (const required of ['platform', 'handle']) {
    if (!columns.includes(required)) errors.push({ row: 1, field: required, message: `the header has no "${required}" column` });
  }
  if (errors.length) return { records: [], rows: [], skippedRows: body.length, errors };
  const original = new Map(columns.map((c, i) => [c, header[i] as string]));
  const typeAt = columns.indexOf('type');
  const byKey = new Map<string, Building>();
  const poisoned = new Set<string>();
  let skippedRows = 0;

  body.forEach((cells, i) => {
    const row = i + 2;
    const cell = (name: string) => (cells[columns.indexOf(name)] ?? '').trim();
    const type = (typeAt >= 0 ? cell('type').toLowerCase() || 'account' : 'account') as RowType;
    if (!CSV_ROW_TYPES.includes(type)) {
      errors.push({ row, field: original.get('type') ?? 'type', message: `type must be one of ${CSV_ROW_TYPES.join(', ')}` });
      skippedRows++;
      return;
    }
    const platform = ImportPlatform.safeParse(cell('platform').toLowerCase());
    const handle = ImportHandle.safeParse(cell('handle'));
    const rowErrors: ImportRowError[] = [];
    if (!platform.success) rowErrors.push({ row, field: original.get('platform')!, message: platform.error.issues[0]!.message });
    if (!handle.success) rowErrors.push({ row, field: original.get('handle')!, message: handle.error.issues[0]!.message });
    const spec = SPECS[type];
    const fields: Record<string, unknown> = {};
    const headerOf = new Map<string, string>();
    columns.forEach((column, c) => {
      const target = spec[column];
      const value = (cells[c] ?? '').trim();
      if (!target) return;
      const [field, kind] = target;
      headerOf.set(field, original.get(column)!);
      if (value === '') return;
      const coerced = coerce(value, kind);
      if (coerced.ok) fields[field] = coerced.value;
      else rowErrors.push({ row, field: original.get(column)!, message: coerced.message });
    });
    const checked = ITEM_SCHEMAS[type].safeParse(fields);
    if (!checked.success) rowErrors.push(...issuesToRowErrors(row, checked.error.issues, (path) => (path.length ? (headerOf.get(String(path[0])) ?? String(path[0])) : null)));
    const key = platform.success && handle.success ? `${platform.data}/${handle.data}` : null;
    if (rowErrors.length > 0 || !key || !checked.success) {
      errors.push(...rowErrors);
      skippedRows++;
      if (type === 'account' && key) poisoned.add(key);
      return;
    }
    let entry = byKey.get(key);
    if (!entry) {
      entry = { row, fields: { platform: platform.data, handle: handle.data }, nested: {}, hasAccountRow: false };
      byKey.set(key, entry);
    }
    if (type === 'account') {
      if (entry.hasAccountRow) {
        errors.push({ row, field: original.get('handle')!, message: `${key} already has an account row (row ${entry.row}); give each account once` });
        skippedRows++;
        return;
      }
      entry.hasAccountRow = true;
      entry.row = row;
      Object.assign(entry.fields, checked.data);
    } else {
      (entry.nested[NESTED[type]] ??= []).push(checked.data);
    }
  });

  const raw: unknown[] = [];
  const rows: number[] = [];
  for (const [key, entry] of byKey) {
    if (poisoned.has(key)) {
      // The account row was invalid: its posts and other rows wait for the fixed file.
      skippedRows += Object.values(entry.nested).reduce((s, list) => s + list.length, 0);
      continue;
    }
    raw.push({ ...entry.fields, ...entry.nested });
    rows.push(entry.row);
  }
  const validated = validateImportRecords(raw, rows);
  return { ...validated, errors: [...errors, ...validated.errors].sort((a, b) => a.row - b.row), skippedRows: skippedRows + validated.skippedRows };
}

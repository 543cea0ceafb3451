import type { z } from 'zod';
import { ImportRecord, IMPORT_LIMITS, type ImportRowError } from './import-schemas.ts';

/** Records that passed validation, each with the row it came from, and every problem found. */
export type ValidatedImport = {
  records: ImportRecord[];
  rows: number[];
  errors: ImportRowError[];
  /** Rows left out (invalid ones, and for CSV the rows of an invalid account). */
  skippedRows: number;
};

/** `posts[3].likes`: the path as a person would look it up in their JSON. */
export function formatFieldPath(path: readonly PropertyKey[]): string | null {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || null;
}

/** zod issues as row errors; unknown keys are named as the field. */
export function issuesToRowErrors(row: number, issues: readonly z.core.$ZodIssue[], fieldName: (path: readonly PropertyKey[]) => string | null = formatFieldPath): ImportRowError[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ row, field: fieldName([...issue.path, key]), message: `unknown field "${key}"` }));
    }
    return [{ row, field: fieldName(issue.path), message: issue.message }];
  });
}

/**
 * Validates records in the documented format (JSON objects, or what the CSV reader built) and the
 * rules that span records: one record per platform + handle, unique post ids per account, audience
 * shares of a dimension adding up to at most 100%.
 * @example validateImportRecords([{ platform: 'instagram', handle: '@ada', followers: 1200 }], [1])
 */
export function validateImportRecords(raw: readonly unknown[], rowNumbers?: readonly number[]): ValidatedImport {
  const out: ValidatedImport = { records: [], rows: [], errors: [], skippedRows: 0 };
  if (raw.length > IMPORT_LIMITS.records) {
    out.errors.push({ row: rowNumbers?.[IMPORT_LIMITS.records] ?? IMPORT_LIMITS.records + 1, field: null, message: `at most ${IMPORT_LIMITS.records} accounts per import; split the file` });
    out.skippedRows = raw.length;
    return out;
  }
  const seen = new Map<string, number>();
  raw.forEach((value, i) => {
    const row = rowNumbers?.[i] ?? i + 1;
    const parsed = ImportRecord.safeParse(value);
    if (!parsed.success) {
      out.errors.push(...issuesToRowErrors(row, parsed.error.issues));
      out.skippedRows++;
      return;
    }
    const record = parsed.data;
    const problems = recordProblems(row, record);
    const key = `${record.platform}/${record.handle}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ row, field: 'handle', message: `${key} already appears in row ${first}; give each account once` });
    if (problems.length > 0) {
      out.errors.push(...problems);
      out.skippedRows++;
      return;
    }
    seen.set(key, row);
    out.records.push(record);
    out.rows.push(row);
  });
  return out;
}

function recordProblems(row: number, record: ImportRecord): ImportRowError[] {
  const problems: ImportRowError[] = [];
  const postIds = new Map<string, number>();
  record.posts?.forEach((p, i) => {
    const before = postIds.get(p.id);
    if (before !== undefined) problems.push({ row, field: `posts[${i}].id`, message: `post id "${p.id}" repeats posts[${before}]` });
    postIds.set(p.id, i);
  });
  const sums = new Map<string, number>();
  const keys = new Set<string>();
  record.audience?.forEach((a, i) => {
    const k = `${a.dimension}/${a.key.toLowerCase()}`;
    if (keys.has(k)) problems.push({ row, field: `audience[${i}].key`, message: `${a.dimension} "${a.key}" is given twice` });
    keys.add(k);
    sums.set(a.dimension, (sums.get(a.dimension) ?? 0) + a.share);
  });
  for (const [dimension, sum] of sums) {
    // A little slack for shares rounded to whole percents.
    if (sum > 1.01) problems.push({ row, field: 'audience', message: `${dimension} shares add up to ${(sum * 100).toFixed(1)}%; they must not exceed 100%` });
  }
  return problems;
}

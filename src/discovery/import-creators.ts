import { z } from 'zod';
import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { ImportRowError } from './import-schemas.ts';
import { inTransaction } from './in-transaction.ts';
import { parseCreatorsCsv } from './parse-creators-csv.ts';
import { parseCreatorsJson } from './parse-creators-json.ts';
import { refreshMetrics } from './refresh-metrics.ts';
import { resolveImport } from './resolve-import.ts';
import { writeImport, type ImportedAccount } from './write-import.ts';

export const ImportCreatorsInput = z.strictObject({
  format: z.enum(['csv', 'json'], { message: 'format must be csv or json' }),
  /** CSV text, JSON text, or (from the HTTP layer) the already-parsed JSON body. */
  content: z.unknown(),
  skipInvalid: z.boolean().default(false),
  /** Check everything, including references to stored creators, and write nothing. */
  dryRun: z.boolean().default(false),
  /** JSON only: the row number of each record in the caller's file (the CLI sends a file in parts). */
  rows: z.array(z.number().int().min(1)).optional(),
});
export type ImportCreatorsInput = z.input<typeof ImportCreatorsInput>;

export type ImportResult = {
  dryRun: boolean;
  created: number;
  updated: number;
  /** Creators added to the workspace (an account may join an existing creator). */
  creatorsCreated: number;
  skippedRows: number;
  accounts: ImportedAccount[];
  errors: ImportRowError[];
};

/** Errors listed in one answer; the count says how many there were in all. */
const MAX_LISTED_ERRORS = 1000;

/**
 * Imports creators from the documented CSV or JSON format (docs/discovery.md): upserts accounts by
 * platform + handle with their posts, comments, audience, history and follower samples, then
 * recomputes the creators' metrics, all in one transaction. Any invalid row fails the whole import
 * (400 with every error: row, field, message) unless `skipInvalid`, which imports the valid rows.
 * @example await importCreators({ ctx, input: { format: 'csv', content: 'platform,handle,followers\ninstagram,ada,1200' } })
 */
export async function importCreators({ ctx, input }: { ctx: Context; input: ImportCreatorsInput }): Promise<ImportResult> {
  const { format, content, skipInvalid, dryRun, rows } = ImportCreatorsInput.parse(input);
  if (format === 'csv' && typeof content !== 'string') throw new AppError('VALIDATION', 'content: CSV must be sent as text');
  if (format === 'csv' && rows) throw new AppError('VALIDATION', 'rows: only for JSON content');
  const parsed = format === 'csv' ? parseCreatorsCsv(content as string) : parseCreatorsJson(content, rows);
  return inTransaction(ctx.db, async (trx) => {
    const plan = await resolveImport(trx, ctx.workspaceId, parsed.records, parsed.rows);
    const errors = [...parsed.errors, ...plan.errors].sort((a, b) => a.row - b.row);
    const skippedRows = parsed.skippedRows + plan.errors.length;
    if (errors.length > 0 && !skipInvalid) {
      const first = errors.slice(0, 3).map((e) => `row ${e.row}${e.field ? ` ${e.field}` : ''}: ${e.message}`);
      throw new AppError(
        'VALIDATION',
        `${errors.length} problem${errors.length === 1 ? '' : 's'} in the import, so nothing was imported (fix them, or skip invalid rows): ${first.join('; ')}${errors.length > 3 ? '; …' : ''}`,
        { details: { errors: errors.slice(0, MAX_LISTED_ERRORS), errorCount: errors.length } },
      );
    }
    const listed = errors.slice(0, MAX_LISTED_ERRORS);
    if (dryRun) {
      const accounts = plan.plans.map((p) => ({
        row: p.row,
        influencerId: 'id' in p.influencer ? p.influencer.id : null,
        platform: p.record.platform,
        handle: p.record.handle,
        action: p.existing ? ('updated' as const) : ('created' as const),
      }));
      return summarise(true, accounts, plan.newCreators.length, skippedRows, listed);
    }
    const { accounts, touched } = await writeImport(trx, { ...ctx, db: trx }, plan);
    await refreshMetrics({ ctx: { ...ctx, db: trx }, input: { influencerIds: touched } });
    const result = summarise(false, accounts, plan.newCreators.length, skippedRows, listed);
    await audit(
      { ...ctx, db: trx },
      { workspaceId: ctx.workspaceId, action: 'discovery.creators_imported', data: { format, created: result.created, updated: result.updated, creatorsCreated: result.creatorsCreated, skippedRows } },
    );
    return result;
  });
}

function summarise(dryRun: boolean, accounts: ImportedAccount[], creatorsCreated: number, skippedRows: number, errors: ImportRowError[]): ImportResult {
  const created = accounts.filter((a) => a.action === 'created').length;
  return { dryRun, created, updated: accounts.length - created, creatorsCreated, skippedRows, accounts, errors };
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import pino from 'pino';
import { runCommand, type CommandName } from '../src/admin/commands.ts';
import { sendControlCommand } from '../src/admin/control-socket.ts';
import type { Config } from '../src/config.ts';
import { DataDirLockedError } from '../src/db/data-dir-lock.ts';
import { parseCreatorsCsv, parseCreatorsJson, type ImportResult, type ImportRowError } from '../src/discovery/index.ts';
import { AppError, type ErrorCode } from '../src/shared/errors.ts';
import { openConfiguredDatabase } from '../src/server.ts';

/** Accounts sent per command: small enough for a lively progress bar, large enough to be quick. */
const CHUNK = 100;
const SHOWN_ERRORS = 50;

type Session = { run(name: CommandName, input: unknown): Promise<unknown>; close(): Promise<void> };

/**
 * One database session for many commands: the database opened once by this process, or, while
 * the server holds the embedded database, its control socket (as cli/backend.ts does per command).
 */
async function openSession(config: Config): Promise<Session> {
  try {
    const { database, lock } = await openConfiguredDatabase(config, 'cli');
    const ctx = { db: database.db, actor: { kind: 'system' as const, name: 'cli' }, log: pino({ level: 'warn' }, pino.destination(2)) };
    return {
      run: (name, input) => runCommand(name, input, ctx, database),
      close: async () => {
        await database.close();
        lock?.release();
      },
    };
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    const socket = err.owner.role === 'server' ? err.owner.controlSocket : undefined;
    if (!socket) throw new AppError('CONFLICT', `${err.message}; wait for it to finish and try again`);
    return {
      run: async (name, input) => {
        const reply = await sendControlCommand(socket, name, input).catch(() => {
          throw new AppError('UNAVAILABLE', `${err.message} but its control socket ${socket} does not answer; stop the server and retry`);
        });
        if (!reply.ok) throw new AppError(reply.error.code as ErrorCode, reply.error.message);
        return reply.result;
      },
      close: async () => {},
    };
  }
}

/** A progress bar on stderr; one line per step when stderr is not a terminal (logs, tests). */
function progress(total: number, label: string) {
  const tty = process.stderr.isTTY === true;
  return (done: number) => {
    const ratio = total === 0 ? 1 : done / total;
    if (tty) {
      const width = 30;
      const bar = '#'.repeat(Math.round(ratio * width)).padEnd(width, '-');
      process.stderr.write(`\r${label} [${bar}] ${Math.round(ratio * 100)}% ${done}/${total}${done === total ? '\n' : ''}`);
    } else {
      process.stderr.write(`${label} ${done}/${total} (${Math.round(ratio * 100)}%)\n`);
    }
  };
}

function printErrors(errors: readonly ImportRowError[]): void {
  for (const e of errors.slice(0, SHOWN_ERRORS)) process.stderr.write(`  row ${e.row}${e.field ? ` ${e.field}` : ''}: ${e.message}\n`);
  if (errors.length > SHOWN_ERRORS) process.stderr.write(`  … and ${errors.length - SHOWN_ERRORS} more\n`);
}

type Options = { workspace?: string; skipInvalid?: boolean; format?: string; dryRun?: boolean };

/**
 * `advocate import creators FILE`: checks the whole file first (rows, fields, and references to
 * stored creators), then imports it in parts with a progress bar. A file with problems imports
 * nothing unless --skip-invalid. Each part commits on its own; re-running is safe (upsert).
 */
export function importCommand(config: () => Config): Command {
  const program = new Command('import').description('import data from files');
  program
    .command('creators <file>')
    .description('import creators from CSV or JSON (format: docs/discovery.md); upsert by platform + handle')
    .option('--workspace <slug>', 'workspace slug (default: the only workspace)')
    .option('--skip-invalid', 'import the valid rows and report the others')
    .option('--format <format>', 'csv or json (default: from the file name)', (v) => {
      if (v !== 'csv' && v !== 'json') throw new InvalidArgumentError('format is csv or json');
      return v;
    })
    .option('--dry-run', 'check the file and report what would change, without writing')
    .action(async (file: string, opts: Options) => {
      const format = opts.format ?? path.extname(file).slice(1).toLowerCase();
      if (format !== 'csv' && format !== 'json') throw new AppError('VALIDATION', `Cannot tell the format of ${file}: name it .csv or .json, or pass --format`);
      const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
        throw new AppError('VALIDATION', `Cannot read ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
      });
      process.stderr.write(`Checking ${file}…\n`);
      const parsed = format === 'csv' ? parseCreatorsCsv(text) : parseCreatorsJson(text);
      const session = await openSession(config());
      try {
        const workspace = opts.workspace ?? (await onlyWorkspace(session));
        // References to stored creators are checked by the server before anything is written.
        const check = (await session.run('import.creators', { workspace, format: 'json', content: JSON.stringify(parsed.records), rows: parsed.rows, skipInvalid: true, dryRun: true })) as ImportResult;
        const errors = [...parsed.errors, ...check.errors].sort((a, b) => a.row - b.row);
        if (errors.length > 0) {
          process.stderr.write(`${errors.length} problem${errors.length === 1 ? '' : 's'} in ${file}:\n`);
          printErrors(errors);
          if (!opts.skipInvalid) throw new AppError('VALIDATION', 'Nothing was imported; fix the rows above or pass --skip-invalid');
        }
        const valid = check.accounts.map((a) => a.row);
        const keep = new Set(valid);
        const records = parsed.records.filter((_, i) => keep.has(parsed.rows[i]!));
        const rows = parsed.rows.filter((r) => keep.has(r));
        if (opts.dryRun) {
          process.stdout.write(`Dry run: would create ${check.created} and update ${check.updated} accounts (${check.creatorsCreated} new creators) in ${workspace}; ${errors.length} problems\n`);
          return;
        }
        const total = { created: 0, updated: 0, creatorsCreated: 0 };
        const tick = progress(records.length, 'Importing creators');
        tick(0);
        for (let i = 0; i < records.length; i += CHUNK) {
          const r = (await session.run('import.creators', { workspace, format: 'json', content: JSON.stringify(records.slice(i, i + CHUNK)), rows: rows.slice(i, i + CHUNK) })) as ImportResult;
          total.created += r.created;
          total.updated += r.updated;
          total.creatorsCreated += r.creatorsCreated;
          tick(Math.min(records.length, i + CHUNK));
        }
        const skipped = errors.length ? `; skipped ${parsed.skippedRows + check.skippedRows} invalid rows` : '';
        process.stdout.write(`Imported ${total.created + total.updated} accounts into ${workspace}: ${total.created} created, ${total.updated} updated, ${total.creatorsCreated} new creators${skipped}\n`);
      } finally {
        await session.close();
      }
    });
  return program;
}

async function onlyWorkspace(session: Session): Promise<string> {
  const list = (await session.run('workspace.list', {})) as { slug: string }[];
  if (list.length === 1) return list[0]!.slug;
  throw new AppError('VALIDATION', list.length === 0 ? 'No workspace yet: create one with `advocate workspace create <slug>`' : `Several workspaces: pass --workspace (${list.map((w) => w.slug).join(', ')})`);
}

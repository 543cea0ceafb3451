import pino from 'pino';
import { sendControlCommand } from '../src/admin/control-socket.ts';
import { runCommand, type CommandName } from '../src/admin/commands.ts';
import type { Config } from '../src/config.ts';
import { DataDirLockedError } from '../src/db/data-dir-lock.ts';
import { AppError, type ErrorCode } from '../src/shared/errors.ts';
import { openConfiguredDatabase } from '../src/server.ts';

/**
 * Runs one command against the configured database: directly, or through the running server's
 * control socket when the server holds the embedded database (two PGlite processes on one data
 * directory would corrupt it).
 */
export async function execute(config: Config, name: CommandName, input: unknown): Promise<unknown> {
  let opened;
  try {
    opened = await openConfiguredDatabase(config, 'cli');
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    const owner = err.owner;
    if (owner.role !== 'server' || !owner.controlSocket) {
      throw new AppError('CONFLICT', `${err.message}; wait for it to finish and try again`);
    }
    const reply = await sendControlCommand(owner.controlSocket, name, input).catch(() => {
      throw new AppError('UNAVAILABLE', `${err.message} but its control socket ${owner.controlSocket} does not answer; stop the server and retry`);
    });
    if (!reply.ok) throw new AppError(reply.error.code as ErrorCode, reply.error.message);
    return reply.result;
  }
  const { database, lock } = opened;
  const log = pino({ level: 'warn' }, pino.destination(2));
  try {
    return await runCommand(name, input, { db: database.db, actor: { kind: 'system', name: 'cli' }, log }, database);
  } finally {
    await database.close();
    lock?.release();
  }
}

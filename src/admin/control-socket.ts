import { createHash } from 'node:crypto';
import { chmodSync, unlinkSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { ZodError } from 'zod';
import type { Database } from '../db/client.ts';
import { formatIssues } from '../http/error-handler.ts';
import { AppError } from '../shared/errors.ts';
import { isCommandName, runCommand } from './commands.ts';

export type ControlReply = { ok: true; result: unknown } | { ok: false; error: { code: string; message: string } };

/** Unix socket paths are limited to ~107 bytes; long data dirs get a hashed path in the temp dir. */
export function controlSocketPath(dataDir: string): string {
  const inDir = path.join(dataDir, 'control.sock');
  if (Buffer.byteLength(inDir) < 100) return inDir;
  return path.join(os.tmpdir(), `advocate-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}.sock`);
}

/**
 * Serves CLI commands inside the server process while it holds the embedded database. The socket
 * is a file only its owner may open (0600), so only the local operator can reach it.
 */
export async function startControlSocket(socketPath: string, database: Database, log: FastifyBaseLogger): Promise<{ close(): Promise<void> }> {
  try {
    unlinkSync(socketPath);
  } catch {
    // no stale socket
  }
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', async () => {
      const send = (reply: ControlReply) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
      };
      try {
        const { command, input } = JSON.parse(body) as { command: string; input: unknown };
        if (!isCommandName(command)) return send({ ok: false, error: { code: 'NOT_FOUND', message: `Unknown command ${command}` } });
        const ctx = { db: database.db, actor: { kind: 'system' as const, name: 'cli' }, log };
        send({ ok: true, result: await runCommand(command, input, ctx, database) });
      } catch (err) {
        send({ ok: false, error: describeError(err, log) });
      }
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(socketPath, resolve));
  chmodSync(socketPath, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        try {
          unlinkSync(socketPath);
        } catch {
          // gone already
        }
      }),
  };
}

export function describeError(err: unknown, log?: FastifyBaseLogger): { code: string; message: string } {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  if (err instanceof ZodError) return { code: 'VALIDATION', message: formatIssues(err.issues) };
  log?.error({ err }, 'command failed');
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

/** Sends one command to a running server's control socket. */
export function sendControlCommand(socketPath: string, command: string, input: unknown): Promise<ControlReply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, path: '/run', method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (data += c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(data) as ControlReply);
        } catch (err) {
          reject(err);
        }
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify({ command, input }));
  });
}

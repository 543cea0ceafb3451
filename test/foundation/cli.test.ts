import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../helpers/engines.ts';
import { runCli, startServerProcess } from '../helpers/processes.ts';

const lastLine = (s: string) => s.trimEnd().split('\n').at(-1)!;

describe('advocate CLI and server processes on the embedded database', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'advocate-cli-'));
  const env = { ADVOCATE_DATA_DIR: dataDir };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates a workspace and prints a key alone on the last line, then lists and revokes it', async () => {
    const created = await runCli(['workspace', 'create', 'acme', '--name', 'Acme Inc.'], env);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Created workspace acme \(ws_/);
    const key = await runCli(['keys', 'create', '--workspace', 'acme', '--scopes', 'read'], env);
    expect(key.code, key.stderr).toBe(0);
    expect(lastLine(key.stdout)).toMatch(/^adv_[0-9A-Za-z]{40}$/);
    const list = await runCli(['keys', 'list', '--workspace', 'acme'], env);
    expect(list.stdout).toContain(lastLine(key.stdout).slice(0, 12));
    expect(list.stdout).toContain('read');
    expect(list.stdout).not.toContain(lastLine(key.stdout));
    const revoked = await runCli(['keys', 'revoke', lastLine(key.stdout).slice(0, 12), '--workspace', 'acme'], env);
    expect(revoked.stdout).toMatch(/Revoked key_/);
  });

  it('explains mistakes in one line and exits 1', async () => {
    const dup = await runCli(['workspace', 'create', 'acme'], env);
    expect(dup.code).toBe(1);
    expect(dup.stderr.trim()).toBe('advocate: A workspace with slug "acme" already exists');
    const missing = await runCli(['keys', 'create', '--workspace', 'nope'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No workspace with slug "nope"/);
    const scopes = await runCli(['keys', 'create', '--workspace', 'acme', '--scopes', 'admin'], env);
    expect(scopes.code).not.toBe(0);
    expect(scopes.stderr).toMatch(/read, write/);
  });

  it('generates a password when none is given and reads one from stdin when asked', async () => {
    const gen = await runCli(['user', 'create', '--workspace', 'acme', '--email', 'ana@acme.test', '--role', 'owner'], env);
    expect(gen.code, gen.stderr).toBe(0);
    expect(gen.stdout).toMatch(/Added ana@acme.test to acme as owner/);
    expect(lastLine(gen.stdout)).toMatch(/^[0-9A-Za-z]{20}$/);
    const piped = await runCli(['user', 'create', '--workspace', 'acme', '--email', 'bo@acme.test', '--password-stdin'], env, 'a long enough password\n');
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).not.toMatch(/Generated password/);
  });

  it('works while the server holds the database, and the data survives a restart and a kill -9', async () => {
    const server = await startServerProcess(env);
    try {
      const key = await runCli(['keys', 'create', '--workspace', 'acme'], env);
      expect(key.code, key.stderr).toBe(0);
      const auth = { authorization: `Bearer ${lastLine(key.stdout)}` };
      const ws = await fetch(`${server.url}/api/v1/workspace`, { headers: auth });
      expect(((await ws.json()) as any).workspace.slug).toBe('acme');
      expect(await server.stop('SIGTERM')).toBe(0);

      const again = await startServerProcess(env);
      const renamed = await fetch(`${again.url}/api/v1/workspace`, {
        method: 'PATCH',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Acme after restart' }),
      });
      expect(renamed.status).toBe(200);
      await again.stop('SIGKILL');

      const third = await startServerProcess(env);
      const after: any = await (await fetch(`${third.url}/api/v1/workspace`, { headers: auth })).json();
      expect(after.workspace.name).toBe('Acme after restart');
      expect(await third.stop('SIGINT')).toBe(0);
    } finally {
      await server.stop('SIGKILL');
    }
  }, 120_000);
});

describe('advocate CLI and server on PostgreSQL', { timeout: 120_000 }, () => {
  const schema = uniqueSchema();
  const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, ADVOCATE_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'advocate-pg-')) };
  afterAll(() => dropSchema(schema));

  it('migrates, creates a workspace and key from the CLI while the server runs', async () => {
    expect((await runCli(['migrate'], env)).stdout).toMatch(/Applied 1_foundation|up to date/);
    const server = await startServerProcess(env);
    try {
      expect((await runCli(['workspace', 'create', 'acme'], env)).code).toBe(0);
      const key = lastLine((await runCli(['keys', 'create', '--workspace', 'acme'], env)).stdout);
      const ws: any = await (await fetch(`${server.url}/api/v1/workspace`, { headers: { authorization: `Bearer ${key}` } })).json();
      expect(ws.workspace.slug).toBe('acme');
      expect(((await (await fetch(`${server.url}/readyz`)).json()) as any).engine).toBe('postgres');
    } finally {
      expect(await server.stop()).toBe(0);
    }
  }, 60_000);
});

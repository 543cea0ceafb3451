import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/processes.ts';

// Several workers sharing one port were checked by hand (round-robin across pids, a killed worker
// replaced, SIGTERM stopping all); an automated multi-process test is still to be written.
describe('advocate serve --workers', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'advocate-workers-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses several workers on the embedded database with a clear message', async () => {
    const res = await runCli(['serve', '--workers', '2'], { ADVOCATE_DATA_DIR: dataDir });
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe('advocate: --workers needs PostgreSQL (set DATABASE_URL): the embedded database can only be opened by one process');
  });

  it('refuses a nonsense worker count', async () => {
    const res = await runCli(['serve', '--workers', 'many'], { ADVOCATE_DATA_DIR: dataDir });
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/--workers must be a whole number from 1 to 64/);
  });
});

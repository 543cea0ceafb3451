import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { runCli, startServerProcess } from '../helpers/processes.ts';
import { account, search } from './fixtures.ts';

const lastLine = (s: string) => s.trimEnd().split('\n').at(-1)!;
const GOOD_CSV = 'platform,handle,name,followers,country\ninstagram,cli.one,One,1200,DE\ntiktok,cli.two,Two,56000,FR\nyoutube,cli.three,Three,300000,US\n';
const BAD_CSV = 'platform,handle,name,followers\ninstagram,cli.one,One,1200\nmyspace,cli.bad,Bad,10\ntiktok,cli.worse,Worse,many\n';

describe.each(ENGINES)('import.creators command on %s', (engine) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(engine);
  });
  afterAll(() => env?.close());

  it('imports CSV or JSON into the named workspace and reports bad rows', async () => {
    const { slug, auth } = await workspaceWithKey(env);
    const r = await env.command('import.creators', { workspace: slug, format: 'csv', content: GOOD_CSV });
    expect(r).toMatchObject({ created: 3, creatorsCreated: 3 });
    const json = await env.command('import.creators', { workspace: slug, format: 'json', content: JSON.stringify([account('cli.four')]), rows: [7] });
    expect(json.accounts[0]).toMatchObject({ row: 7, action: 'created' });
    await expect(env.command('import.creators', { workspace: slug, format: 'csv', content: BAD_CSV })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { errors: [{ row: 3, field: 'platform' }, { row: 4, field: 'followers', message: '"many" is not a whole number' }] },
    });
    expect((await search(env, auth, 'limit=100')).json().data).toHaveLength(4);
    await expect(env.command('import.creators', { workspace: 'nope', format: 'csv', content: GOOD_CSV })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('advocate import creators', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'advocate-import-'));
  const env = { ADVOCATE_DATA_DIR: path.join(dir, 'data') };
  const file = (name: string, content: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a file into the only workspace with a progress bar on stderr; an invalid file imports nothing', async () => {
    expect((await runCli(['workspace', 'create', 'acme'], env)).code).toBe(0);
    const bad = await runCli(['import', 'creators', file('bad.csv', BAD_CSV)], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/2 problems in .*bad\.csv/);
    expect(bad.stderr).toMatch(/row 3 platform: platform must be one of/);
    expect(bad.stderr).toMatch(/row 4 followers: "many" is not a whole number/);
    expect(bad.stderr).toMatch(/Nothing was imported/);

    const many = Array.from({ length: 150 }, (_, i) => account(`bulk.${i}`, { posts: [] }));
    const good = await runCli(['import', 'creators', file('creators.json', JSON.stringify({ creators: [...many, { platform: 'instagram', handle: 'cli.one', followers: 1200 }] }))], env);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stderr).toMatch(/Importing creators 0\/151 \(0%\)\nImporting creators 100\/151 \(66%\)\nImporting creators 151\/151 \(100%\)/);
    // cli.one was in the invalid file too: it is created now, so that file imported nothing.
    expect(good.stdout).toMatch(/Imported 151 accounts into acme: 151 created, 0 updated, 151 new creators/);
  });

  it('skips invalid rows (and unknown creators) when asked, and runs through the server', async () => {
    const csv = `${BAD_CSV.replace('cli.one', 'cli.uno').replace('platform,handle,name,followers', 'platform,handle,name,followers,influencer_id')}instagram,cli.ref,Ref,100,inf_notthere\n`;
    const skipped = await runCli(['import', 'creators', '--skip-invalid', '--workspace', 'acme', file('bad2.csv', csv)], env);
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stderr).toMatch(/row 5 influencerId: no creator inf_notthere in this workspace/);
    expect(skipped.stdout).toMatch(/1 created, 0 updated, 1 new creators; skipped 3 invalid rows/);
    const server = await startServerProcess(env);
    try {
      const key = lastLine((await runCli(['keys', 'create', '--workspace', 'acme'], env)).stdout);
      const viaServer = await runCli(['import', 'creators', file('more.csv', GOOD_CSV)], env);
      expect(viaServer.code, viaServer.stderr).toBe(0);
      expect(viaServer.stdout).toMatch(/3 accounts into acme: 2 created, 1 updated/);
      const found: any = await (await fetch(`${server.url}/api/v1/influencers/search?country=FR`, { headers: { authorization: `Bearer ${key}` } })).json();
      expect(found.data.map((c: any) => c.handle)).toEqual(['cli.two']);
    } finally {
      await server.stop('SIGTERM');
    }
  });
});

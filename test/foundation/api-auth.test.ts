import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';

describe.each(ENGINES)('API keys and workspace isolation on %s', (engine) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(engine);
  });
  afterAll(() => env?.close());

  it('returns the key\'s workspace', async () => {
    const { slug, auth } = await workspaceWithKey(env);
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.json().workspace.slug).toBe(slug);
    expect(res.json().workspace.id).toMatch(/^ws_/);
    expect(res.headers['x-request-id']).toMatch(/^req_/);
  });

  it('answers 401 JSON for a missing, malformed, wrong or revoked key', async () => {
    const { slug, key, apiKey } = await workspaceWithKey(env);
    const cases: [Record<string, string>, RegExp][] = [
      [{}, /Authentication required/],
      [{ authorization: 'Basic abc' }, /Bearer/],
      [{ authorization: 'Bearer adv_nope' }, /not valid/],
      [{ authorization: `Bearer ${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}` }, /not valid/],
    ];
    for (const [headers, message] of cases) {
      const res = await env.app.inject({ method: 'GET', url: '/api/v1/workspace', headers });
      expect(res.statusCode).toBe(401);
      const body = res.json();
      expect(body.error.code).toBe('UNAUTHORIZED');
      expect(body.error.message).toMatch(message);
      expect(body.error.requestId).toBe(res.headers['x-request-id']);
    }
    await env.command('keys.revoke', { workspace: slug, id: apiKey.prefix });
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: { authorization: `Bearer ${key}` } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/revoked/);
  });

  it('stores keys hashed, shows a prefix and records last use', async () => {
    const { slug, key, auth } = await workspaceWithKey(env);
    const row = await env.database.db.selectFrom('api_keys').selectAll().where('prefix', '=', key.slice(0, 12)).executeTakeFirstOrThrow();
    expect(row.key_hash).not.toContain(key);
    expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.last_used_at).toBeNull();
    await env.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: auth });
    const [listed] = await env.command('keys.list', { workspace: slug });
    expect(listed.prefix).toBe(key.slice(0, 12));
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(key);
  });

  it('refuses a write with a read-only key (403) and lets reads through', async () => {
    const { auth } = await workspaceWithKey(env, ['read']);
    const read = await env.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: auth });
    expect(read.statusCode).toBe(200);
    const write = await env.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: auth });
    expect(write.statusCode).toBe(204); // public route: a read key may log out (nothing to do)
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/users', headers: auth, payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('keeps one workspace out of another: a foreign key id answers 404 as if it did not exist', async () => {
    const a = await workspaceWithKey(env);
    const b = await workspaceWithKey(env);
    await expect(env.command('keys.revoke', { workspace: a.slug, id: b.apiKey.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const still = await env.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: b.auth });
    expect(still.statusCode).toBe(200);
    expect(still.json().workspace.slug).toBe(b.slug);
  });

  it('refuses duplicate workspace slugs and invalid slugs with clear messages', async () => {
    const { slug } = await workspaceWithKey(env);
    await expect(env.command('workspace.create', { slug })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(slug) });
    await expect(env.command('workspace.create', { slug: 'Not A Slug' })).rejects.toThrow(/lower-case/);
  });
});

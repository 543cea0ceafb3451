import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneExpiredSessions, SESSION_TTL_MS } from '../../src/users/index.ts';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';

const PASSWORD = 'correct horse battery';

describe.each(ENGINES)('dashboard users and sessions on %s', (engine) => {
  let env: TestEnv;
  let slug: string;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    ({ slug } = await workspaceWithKey(env));
    await env.command('user.create', { workspace: slug, email: 'Owner@Acme.test', password: PASSWORD, role: 'owner' });
    await env.command('user.create', { workspace: slug, email: 'member@acme.test', password: PASSWORD, role: 'member' });
  });
  afterAll(() => env?.close());

  async function login(email: string, password = PASSWORD, ip = '10.0.0.1') {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });
    const cookie = res.cookies.find((c) => c.name === 'adv_session');
    return { res, cookie, headers: cookie ? { cookie: `adv_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken } : {} };
  }

  it('logs in with email (any case) and password, setting an HTTP-only secure cookie', async () => {
    const { res, cookie } = await login('owner@acme.test');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.role).toBe('owner');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    const row = await env.database.db.selectFrom('users').select('password_hash').where('email', '=', 'owner@acme.test').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    const wrong = await login('owner@acme.test', 'wrong password!', '10.0.0.2');
    const unknown = await login('nobody@acme.test', PASSWORD, '10.0.0.2');
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    expect(wrong.res.json().error.message).toBe(unknown.res.json().error.message);
    expect(wrong.cookie).toBeUndefined();
  });

  it('requires the CSRF token for writes made with the session cookie', async () => {
    const { headers } = await login('owner@acme.test');
    const without = await env.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: { cookie: headers.cookie! }, payload: { scopes: ['read'] } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.message).toMatch(/CSRF/);
    const withToken = await env.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers, payload: { scopes: ['read'] } });
    expect(withToken.statusCode).toBe(201);
    expect(withToken.json().secret).toMatch(/^adv_/);
    const list = await env.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { cookie: headers.cookie! } });
    expect(list.json().data.map((k: { id: string }) => k.id)).toContain(withToken.json().apiKey.id);
  });

  it('lets owners and admins manage keys and users, not members', async () => {
    const member = await login('member@acme.test');
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/users', headers: member.headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/owner or admin/);
    const ws = await env.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: member.headers });
    expect(ws.json().workspace.slug).toBe(slug);
    const owner = await login('owner@acme.test');
    const added = await env.app.inject({ method: 'POST', url: '/api/v1/users', headers: owner.headers, payload: { email: 'new@acme.test', password: PASSWORD, role: 'admin' } });
    expect(added.statusCode).toBe(201);
    const dup = await env.app.inject({ method: 'POST', url: '/api/v1/users', headers: owner.headers, payload: { email: 'new@acme.test', password: PASSWORD } });
    expect(dup.statusCode).toBe(409);
    const short = await env.app.inject({ method: 'POST', url: '/api/v1/users', headers: owner.headers, payload: { email: 'x@acme.test', password: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toMatch(/password/);
  });

  it('ends the session on logout', async () => {
    const { headers } = await login('owner@acme.test');
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers })).statusCode).toBe(200);
    expect((await env.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode).toBe(204);
    const after = await env.app.inject({ method: 'GET', url: '/api/v1/workspace', headers });
    expect(after.statusCode).toBe(401);
  });

  it('rate-limits login attempts per address and email', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login('member@acme.test', 'wrong password!', '10.9.9.9')).res.statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await login('member@acme.test', PASSWORD, '10.9.9.9');
    expect(limited.res.json().error.code).toBe('LIMIT_EXCEEDED');
    expect((await login('member@acme.test', PASSWORD, '10.9.9.10')).res.statusCode).toBe(200);
  });

  it('limits per address and email: another email from that address still logs in, and a forged X-Forwarded-For entry does not reset the count', async () => {
    const attempt = (email: string, password: string, forwarded: string) =>
      env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': forwarded } });
    const seen: number[] = [];
    // The client forges the first entry each time; the proxy in front appends the address it saw.
    for (let i = 0; i < 11; i++) seen.push((await attempt('member@acme.test', 'wrong password!', `203.0.113.${i}, 10.44.0.1`)).statusCode);
    expect(seen.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(seen[10]).toBe(429);
    expect((await attempt('owner@acme.test', PASSWORD, '198.51.100.1, 10.44.0.1')).statusCode).toBe(200);
  });

  it('expires sessions after a week, and the scheduler deletes expired ones', async () => {
    const { headers } = await login('member@acme.test');
    const weekLater = new Date(Date.now() + SESSION_TTL_MS + 1000);
    const before = await env.database.db.selectFrom('sessions').select(({ fn }) => fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow();
    expect(await pruneExpiredSessions(env.database.db)).toBe(0); // nothing has expired yet
    expect(await pruneExpiredSessions(env.database.db, weekLater)).toBe(Number(before.n));
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers })).statusCode).toBe(401);
  });
});

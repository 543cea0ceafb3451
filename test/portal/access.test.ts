import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';
import { creatorHeaders, decodeMail, inviteAndAccept, PASSWORD } from './portal-helpers.ts';

describe.each(ENGINES)('creator portal access on %s', (engine) => {
  let env: TestEnv;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let ws: Awaited<ReturnType<typeof workspaceWithKey>>;
  let other: Awaited<ReturnType<typeof workspaceWithKey>>;
  let n = 0;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    env = await createTestEnv(engine, { smtpUrl: smtp.url, publicUrl: 'https://brand.example' });
    ws = await workspaceWithKey(env);
    other = await workspaceWithKey(env);
  });
  afterAll(async () => {
    await env?.close();
    await smtp?.close();
  });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: Record<string, string> = {}, payload?: unknown, ip?: string) =>
    env.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }), ...(ip ? { remoteAddress: ip } : {}) });
  const creator = async (auth = ws.auth, email: string | null = `maya${++n}@creator.test`) => {
    const res = await call('POST', '/api/v1/influencers', auth, { name: `Maya ${n}`, ...(email ? { email } : {}) });
    expect(res.statusCode).toBe(201);
    return res.json().influencer as { id: string; email: string | null };
  };
  const accept = (token: string | null, password = PASSWORD) => call('POST', '/api/v1/portal/accept', {}, { token, password });
  const tokenOf = (acceptUrl: string) => new URL(acceptUrl).searchParams.get('token');

  it('invites a creator by email with a one-time link that is stored only hashed', async () => {
    const inf = await creator();
    smtp.mails.length = 0;
    const res = await call('POST', `/api/v1/influencers/${inf.id}/invite`, ws.auth, {});
    expect(res.statusCode).toBe(201);
    const { invitation } = res.json();
    expect(invitation).toMatchObject({ id: expect.stringMatching(/^cri_/), influencerId: inf.id, email: inf.email });
    expect(invitation.acceptUrl).toMatch(/^https:\/\/brand\.example\/portal\/accept\?token=[0-9A-Za-z]{43}$/);
    expect(Date.parse(invitation.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86400_000);
    await env.app.jobs.runUntilIdle();
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual([inf.email]);
    expect(decodeMail(smtp.mails[0]!.raw)).toContain(invitation.acceptUrl);
    const token = tokenOf(invitation.acceptUrl)!;
    // Neither the invitation, the in-app notice nor the queued job keeps the token readable.
    const db = env.database.db;
    const stored = JSON.stringify([
      await db.selectFrom('creator_invitations').selectAll().execute(),
      await db.selectFrom('notifications').selectAll().execute(),
      await db.selectFrom('jobs').selectAll().execute(),
      await db.selectFrom('audit_log').selectAll().execute(),
    ], (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    expect(stored).not.toContain(token);
    const notices = (await call('GET', '/api/v1/notifications', ws.auth)).json().data;
    expect(notices[0].text).toContain('[sent by email]');
  });

  it('answers the link without email, refuses a creator without an address, and checks workspace and scope', async () => {
    const inf = await creator(ws.auth, null);
    const none = await call('POST', `/api/v1/influencers/${inf.id}/invite`, ws.auth);
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^email: .*no email/) });
    const given = await call('POST', `/api/v1/influencers/${inf.id}/invite`, ws.auth, { email: 'Given@Creator.test' });
    expect(given.statusCode).toBe(201);
    expect(given.json().invitation.email).toBe('given@creator.test');
    expect((await call('POST', `/api/v1/influencers/${inf.id}/invite`, ws.auth, { email: 'not an email' })).statusCode).toBe(400);
    expect((await call('POST', `/api/v1/influencers/${inf.id}/invite`, other.auth, { email: 'x@y.test' })).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/influencers/${inf.id}/portal-access`, other.auth)).statusCode).toBe(404);
    const reader = await env.command('keys.create', { workspace: ws.slug, scopes: ['read'] });
    const readOnly = { authorization: `Bearer ${reader.secret}` };
    expect((await call('POST', `/api/v1/influencers/${inf.id}/invite`, readOnly, { email: 'x@y.test' })).statusCode).toBe(403);
    expect((await call('GET', `/api/v1/influencers/${inf.id}/portal-access`, readOnly)).statusCode).toBe(200);
  });

  it('accepts once: sets the creator cookie and answers the creator and a CSRF token', async () => {
    const inf = await creator();
    const { invitation } = (await call('POST', `/api/v1/influencers/${inf.id}/invite`, ws.auth)).json();
    const short = await accept(tokenOf(invitation.acceptUrl), 'short');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toMatch(/password must be at least 10 characters/);
    const res = await accept(tokenOf(invitation.acceptUrl));
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'adv_creator');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    expect(res.cookies.find((c) => c.name === 'adv_session')).toBeUndefined();
    expect(res.json()).toEqual({
      creator: { influencerId: inf.id, name: expect.stringMatching(/^Maya/), email: inf.email, workspaceName: ws.workspace.name, workspaceSlug: ws.slug },
      csrfToken: expect.stringMatching(/^\w{32}$/),
    });
    const hash = await env.database.db.selectFrom('creator_accounts').select('password_hash').where('influencer_id', '=', inf.id).executeTakeFirstOrThrow();
    expect(hash.password_hash).toMatch(/^\$argon2id\$/);
    const again = await accept(tokenOf(invitation.acceptUrl));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/already used/);
    const session = await call('GET', '/api/v1/portal/session', { cookie: creatorHeaders(res).cookie! });
    expect(session.json()).toEqual(res.json());
    const access = (await call('GET', `/api/v1/influencers/${inf.id}/portal-access`, ws.auth)).json();
    expect(access).toMatchObject({ invited: true, hasAccount: true, email: inf.email, acceptedAt: expect.any(String), lastLoginAt: expect.any(String), invitationExpiresAt: null });
  });

  it('refuses unknown, replaced and expired tokens with clear errors', async () => {
    const unknown = await accept('x'.repeat(43));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/not valid/);
    const inf = await creator();
    expect((await call('GET', `/api/v1/influencers/${inf.id}/portal-access`, ws.auth)).json()).toMatchObject({ invited: false, hasAccount: false, acceptedAt: null });
    const first = (await call('POST', `/api/v1/influencers/${inf.id}/invite`, ws.auth)).json().invitation;
    const second = (await call('POST', `/api/v1/influencers/${inf.id}/invite`, ws.auth)).json().invitation;
    expect((await accept(tokenOf(first.acceptUrl))).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/influencers/${inf.id}/portal-access`, ws.auth)).json()).toMatchObject({ invited: true, hasAccount: false, invitationExpiresAt: second.expiresAt });
    await env.database.db.updateTable('creator_invitations').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', second.id).execute();
    const expired = await accept(tokenOf(second.acceptUrl));
    expect(expired.statusCode).toBe(412);
    expect(expired.json().error).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(/expired .*invite you again/) });
  });

  it('logs in and out; a wrong password and an unknown email get the same 401', async () => {
    const inf = await creator();
    await inviteAndAccept(env, ws.auth, inf.id, inf.email!);
    const login = (email: string, password: string, extra: Record<string, string> = {}) => call('POST', '/api/v1/portal/login', {}, { email, password, ...extra }, '10.1.0.1');
    const wrong = await login(inf.email!, 'wrong password!');
    const unknown = await login('nobody@creator.test', PASSWORD);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    expect(wrong.cookies).toEqual([]);
    expect((await login(inf.email!, PASSWORD, { workspace: other.slug })).statusCode).toBe(401);
    const ok = await login(inf.email!.toUpperCase(), PASSWORD, { workspace: ws.slug });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().creator.influencerId).toBe(inf.id);
    const headers = creatorHeaders(ok);
    expect((await call('GET', '/api/v1/portal/session', headers)).statusCode).toBe(200);
    expect((await call('POST', '/api/v1/portal/logout', headers)).statusCode).toBe(204);
    const after = await call('GET', '/api/v1/portal/session', headers);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHORIZED');
  });

  it('rate-limits portal logins per address and email', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await call('POST', '/api/v1/portal/login', {}, { email: 'limit@creator.test', password: 'wrong password!' }, '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[11]).toBe(429);
  });

  it('needs the CSRF header for writes made with the creator cookie', async () => {
    const inf = await creator();
    const { headers } = await inviteAndAccept(env, ws.auth, inf.id, inf.email!);
    const without = await call('PUT', '/api/v1/portal/payout-details', { cookie: headers.cookie! }, { method: 'paypal', paypalEmail: 'maya@paypal.test' });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.message).toMatch(/CSRF/);
    const wrong = await call('PUT', '/api/v1/portal/payout-details', { ...headers, 'x-csrf-token': 'nope' }, { method: 'paypal', paypalEmail: 'maya@paypal.test' });
    expect(wrong.statusCode).toBe(403);
    const ok = await call('PUT', '/api/v1/portal/payout-details', headers, { method: 'paypal', paypalEmail: 'maya@paypal.test' });
    expect(ok.statusCode).toBe(200);
    // Reads need no CSRF header.
    expect((await call('GET', '/api/v1/portal/payout-details', { cookie: headers.cookie! })).statusCode).toBe(200);
  });

  it('keeps the portal and the brand API apart in both directions', async () => {
    const inf = await creator();
    const { headers } = await inviteAndAccept(env, ws.auth, inf.id, inf.email!);
    for (const url of ['/api/v1/influencers', '/api/v1/links', '/api/v1/workspace', `/api/v1/influencers/${inf.id}/portal-access`]) {
      const res = await call('GET', url, headers);
      expect(res.statusCode, url).toBe(401);
    }
    expect((await call('POST', `/api/v1/influencers/${inf.id}/invite`, headers, {})).statusCode).toBe(401);
    await env.command('user.create', { workspace: ws.slug, email: `owner-${engine}@brand.test`, password: 'a long password', role: 'owner' });
    const brandLogin = await call('POST', '/api/v1/auth/login', {}, { email: `owner-${engine}@brand.test`, password: 'a long password' }, '10.2.0.1');
    const brandCookie = brandLogin.cookies.find((c) => c.name === 'adv_session')!;
    const brandSession = { cookie: `adv_session=${brandCookie.value}`, 'x-csrf-token': brandLogin.json().csrfToken };
    for (const brand of [ws.auth, brandSession]) {
      for (const url of ['/api/v1/portal/links', '/api/v1/portal/session', '/api/v1/portal/earnings']) {
        const res = await call('GET', url, brand);
        expect(res.statusCode, url).toBe(401);
        expect(res.json().error.code).toBe('UNAUTHORIZED');
      }
      expect((await call('POST', '/api/v1/portal/links', brand, {})).statusCode).toBe(401);
    }
    // Dot segments and encodings route by the matched route, never past the portal's hook.
    for (const url of ['/api/v1/portal/../influencers', '/api/v1/portal/%2e%2e/influencers', '/api/v1/portal/..%2finfluencers']) {
      expect((await call('GET', url, headers)).statusCode, url).not.toBe(200);
    }
    // Both credentials at once: each side still sees only its own.
    const both = { ...headers, authorization: ws.auth.authorization! };
    expect((await call('GET', '/api/v1/portal/session', both)).json().creator.influencerId).toBe(inf.id);
    expect((await call('GET', '/api/v1/influencers', both)).statusCode).toBe(200);
  });

  it('lets the brand end a creator\'s access, and re-inviting resets the password', async () => {
    const inf = await creator();
    const { headers } = await inviteAndAccept(env, ws.auth, inf.id, inf.email!);
    const reinvite = (await call('POST', `/api/v1/influencers/${inf.id}/invite`, ws.auth)).json().invitation;
    const reset = await accept(tokenOf(reinvite.acceptUrl), 'another long password');
    expect(reset.statusCode).toBe(200);
    expect((await call('GET', '/api/v1/portal/session', headers)).statusCode).toBe(401); // old sessions end with the reset
    const fresh = creatorHeaders(reset);
    expect((await call('DELETE', `/api/v1/influencers/${inf.id}/portal-access`, other.auth)).statusCode).toBe(404);
    expect((await call('DELETE', `/api/v1/influencers/${inf.id}/portal-access`, ws.auth)).json()).toEqual({ revoked: true });
    expect((await call('GET', '/api/v1/portal/session', fresh)).statusCode).toBe(401);
    expect((await call('POST', '/api/v1/portal/login', {}, { email: inf.email, password: 'another long password' }, '10.3.0.1')).statusCode).toBe(401);
    expect((await call('GET', `/api/v1/influencers/${inf.id}/portal-access`, ws.auth)).json()).toMatchObject({ hasAccount: false });
  });

  it('documents the portal routes in the OpenAPI document', async () => {
    const paths = Object.keys((await call('GET', '/api/v1/openapi.json')).json().paths);
    for (const p of ['/api/v1/portal/accept', '/api/v1/portal/links', '/api/v1/portal/earnings', '/api/v1/influencers/{id}/invite']) expect(paths).toContain(p);
  });

  it('refuses an address another creator of the brand already logs in with', async () => {
    const a = await creator();
    await inviteAndAccept(env, ws.auth, a.id, a.email!);
    const b = await creator();
    const res = await call('POST', `/api/v1/influencers/${b.id}/invite`, ws.auth, { email: a.email });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/already logs in/);
  });
});

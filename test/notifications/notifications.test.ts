import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../src/notifications/index.ts';
import type { Context } from '../../src/shared/context.ts';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';

describe.each(ENGINES)('notifications on %s', (engine) => {
  let env: TestEnv;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let ws: Awaited<ReturnType<typeof workspaceWithKey>>;
  let other: Awaited<ReturnType<typeof workspaceWithKey>>;
  let ctx: Context;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    env = await createTestEnv(engine, { smtpUrl: smtp.url, mailFrom: 'Advocate <noreply@brand.test>' });
    ws = await workspaceWithKey(env);
    other = await workspaceWithKey(env, ['read']);
    await env.command('user.create', { workspace: ws.slug, email: `owner-${engine}@brand.test`, password: 'a long password', role: 'owner' });
    await env.command('user.create', { workspace: ws.slug, email: `member-${engine}@brand.test`, password: 'a long password', role: 'member' });
    ctx = { db: env.database.db, workspaceId: ws.workspace.id, actor: { kind: 'system', name: 'test' }, log: env.app.log };
  });
  afterAll(async () => {
    await env?.close();
    await smtp?.close();
  });

  const api = (method: 'GET' | 'POST', url: string, headers: Record<string, string>) => env.app.inject({ method, url, headers });

  it('emails the workspace members through SMTP and keeps an in-app notice', async () => {
    const { id } = await notify(ctx, { to: 'workspace', subject: 'Deliverable overdue: 2 reels', text: 'Maya has not posted the reels due on 1 March.' });
    await env.app.jobs.runUntilIdle();
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.from).toBe('noreply@brand.test');
    expect(mail.to.sort()).toEqual([`member-${engine}@brand.test`, `owner-${engine}@brand.test`]);
    expect(mail.raw).toMatch(/^Subject: Deliverable overdue: 2 reels$/m);
    expect(mail.raw).toContain('Maya has not posted the reels due on 1 March.');
    const list = await api('GET', '/api/v1/notifications', ws.auth);
    expect(list.json().data).toEqual([expect.objectContaining({ id, recipient: 'workspace', subject: 'Deliverable overdue: 2 reels', emailStatus: 'sent', read: false })]);
  });

  it('emails one address with an HTML part, and commits nothing when the transaction rolls back', async () => {
    smtp.mails.length = 0;
    await notify(ctx, { to: { email: 'Creator@Example.test' }, subject: 'Payout sent', text: 'We paid 120.00 USD.', html: '<p>We paid <b>120.00 USD</b>.</p>' });
    await env.database.db
      .transaction()
      .execute(async (trx) => {
        await notify({ ...ctx, db: trx }, { to: 'workspace', subject: 'never', text: 'rolled back' });
        throw new Error('rollback');
      })
      .catch(() => {});
    await env.app.jobs.runUntilIdle();
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['creator@example.test']);
    expect(smtp.mails[0]!.raw).toContain('Content-Type: text/html');
    const subjects = (await api('GET', '/api/v1/notifications', ws.auth)).json().data.map((n: { subject: string }) => n.subject);
    expect(subjects).not.toContain('never');
  });

  it('marks notices read, one or all, and filters unread', async () => {
    const a = await notify(ctx, { to: 'workspace', subject: 'A', text: 'a' });
    await notify(ctx, { to: 'workspace', subject: 'B', text: 'b' });
    const one = await api('POST', `/api/v1/notifications/${a.id}/read`, ws.auth);
    expect(one.json()).toEqual({ updated: 1 });
    const unread = (await api('GET', '/api/v1/notifications?unread=true', ws.auth)).json().data;
    expect(unread.map((n: { subject: string }) => n.subject)).not.toContain('A');
    expect(unread.length).toBeGreaterThan(0);
    expect((await api('POST', '/api/v1/notifications/read-all', ws.auth)).json().updated).toBe(unread.length);
    expect((await api('GET', '/api/v1/notifications?unread=true', ws.auth)).json().data).toEqual([]);
    expect((await api('GET', '/api/v1/notifications?limit=0', ws.auth)).statusCode).toBe(400);
    await env.app.jobs.runUntilIdle();
  });

  it('keeps workspaces apart and needs the write scope to mark read', async () => {
    const { id } = await notify(ctx, { to: 'workspace', subject: 'Private', text: 'only for this workspace' });
    expect((await api('GET', '/api/v1/notifications', other.auth)).json().data).toEqual([]);
    expect((await api('POST', `/api/v1/notifications/${id}/read`, other.auth)).statusCode).toBe(403);
    const reader = await env.command('keys.create', { workspace: other.slug, scopes: ['read', 'write'] });
    expect((await api('POST', `/api/v1/notifications/${id}/read`, { authorization: `Bearer ${reader.secret}` })).statusCode).toBe(404);
    expect((await api('GET', '/api/v1/notifications', {})).statusCode).toBe(401);
    await env.app.jobs.runUntilIdle();
  });

  it('only logs the email when the workspace has nobody to send to', async () => {
    const lonely: Context = { ...ctx, workspaceId: other.workspace.id };
    smtp.mails.length = 0;
    await notify(lonely, { to: 'workspace', subject: 'Nobody reads this', text: 'x' });
    await env.app.jobs.runUntilIdle();
    expect(smtp.mails).toHaveLength(0);
    expect((await api('GET', '/api/v1/notifications', other.auth)).json().data).toEqual([expect.objectContaining({ subject: 'Nobody reads this', emailStatus: 'logged' })]);
  });
});

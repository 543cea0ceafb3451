import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { startSmtpSink } from '../helpers/smtp-sink.ts';

describe.each(ENGINES)('deliverable reminders by email and in-app on %s', (engine) => {
  let env: TestEnv;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let auth: Record<string, string>;
  beforeAll(async () => {
    smtp = await startSmtpSink();
    env = await createTestEnv(engine, { smtpUrl: smtp.url, mailFrom: 'Advocate <noreply@brand.test>' });
    const ws = await workspaceWithKey(env);
    auth = ws.auth;
    await env.command('user.create', { workspace: ws.slug, email: `owner-${engine}@brand.test`, password: 'a long password', role: 'owner' });
  });
  afterAll(async () => {
    await env?.close();
    await smtp?.close();
  });
  const call = (method: 'GET' | 'POST', url: string, payload?: unknown) => env.app.inject({ method, url, headers: auth, ...(payload ? { payload: payload as object } : {}) });

  it('reminds once of a deliverable due within 48 hours and once when it is overdue', async () => {
    const cmp = (await call('POST', '/api/v1/campaigns', { name: 'Remind', destinationUrl: 'https://r.example.com/' })).json().campaign.id;
    const inf = (await call('POST', '/api/v1/influencers', { name: 'Maya' })).json().influencer.id;
    const p = (await call('POST', '/api/v1/partnerships', { campaignId: cmp, influencerId: inf, stage: 'active' })).json().partnership;
    await call('POST', `/api/v1/partnerships/${p.id}/deliverables`, { type: 'reel', dueAt: new Date(Date.now() + 24 * 3600_000).toISOString() });
    await call('POST', `/api/v1/partnerships/${p.id}/deliverables`, { type: 'story', dueAt: new Date(Date.now() - 3600_000).toISOString() });
    await call('POST', `/api/v1/partnerships/${p.id}/deliverables`, { type: 'video', dueAt: new Date(Date.now() + 10 * 86400_000).toISOString() });
    const first = await call('POST', '/api/v1/deliverables/send-reminders');
    expect(first.json()).toEqual({ dueSoon: 1, overdue: 1 });
    expect((await call('POST', '/api/v1/deliverables/send-reminders')).json()).toEqual({ dueSoon: 0, overdue: 0 });
    await env.app.jobs.runUntilIdle();
    const subjects = smtp.mails.map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1]);
    expect(subjects.sort()).toEqual(["Due soon: Maya's reel for Remind", "Overdue: Maya's story for Remind"]);
    expect(smtp.mails[0]!.to).toEqual([`owner-${engine}@brand.test`]);
    const notices = (await call('GET', '/api/v1/notifications')).json().data;
    expect(notices.map((n: { subject: string }) => n.subject)).toEqual(expect.arrayContaining(["Overdue: Maya's story for Remind", "Due soon: Maya's reel for Remind"]));
  });

  it('emails a creator when commissions are approved and when a payout is sent', async () => {
    const inf = (await call('POST', '/api/v1/influencers', { name: 'Leo', email: `leo-${engine}@creator.test` })).json().influencer.id;
    const cmp = (await call('POST', '/api/v1/campaigns', { name: 'Pay', destinationUrl: 'https://p.example.com/' })).json().campaign.id;
    const p = (await call('POST', '/api/v1/partnerships', { campaignId: cmp, influencerId: inf, stage: 'active' })).json().partnership;
    const d = (await call('POST', `/api/v1/partnerships/${p.id}/deliverables`, { type: 'reel', dueAt: new Date(Date.now() + 5 * 86400_000).toISOString(), fee: { amount: 25000, currency: 'USD' } })).json().deliverable;
    await env.app.inject({ method: 'PATCH', url: `/api/v1/deliverables/${d.id}`, headers: auth, payload: { status: 'live', postUrl: 'https://www.instagram.com/reel/x/' } });
    await call('POST', '/api/v1/commissions/approve-due');
    const batch = (await call('POST', '/api/v1/payouts/batches', { currency: 'USD', idempotencyKey: `pay-${engine}` })).json().batch;
    await call('POST', `/api/v1/payouts/batches/${batch.id}/mark-paid`, {});
    await env.app.jobs.runUntilIdle();
    const toLeo = smtp.mails.filter((m) => m.to.includes(`leo-${engine}@creator.test`)).map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1]);
    expect(toLeo).toEqual(['Commissions approved: 250.00 USD', 'Payout sent: 250.00 USD']);
  });
});

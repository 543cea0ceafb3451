import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A local endpoint: answers the queued status codes (then 200) and keeps what it received. */
async function startReceiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, statuses, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function adminSession(env: TestEnv, slug: string, email: string) {
  await env.command('user.create', { workspace: slug, email, password: 'a long password', role: 'admin' });
  const login = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'a long password' } });
  return { cookie: `adv_session=${login.cookies[0]!.value}`, 'x-csrf-token': login.json().csrfToken as string };
}

const verify = (secret: string, r: Received) => {
  const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(r.headers['advocate-signature'] as string) ?? [];
  return v1 === createHmac('sha256', secret).update(`${t}.${r.body}`).digest('hex') && Math.abs(Date.now() / 1000 - Number(t)) < 300;
};

describe.each(ENGINES)('outgoing webhooks on %s', (engine) => {
  let env: TestEnv;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let ws: Awaited<ReturnType<typeof workspaceWithKey>>;
  let admin: Record<string, string>;
  let other: Awaited<ReturnType<typeof workspaceWithKey>>;
  let otherAdmin: Record<string, string>;

  beforeAll(async () => {
    [env, receiver] = await Promise.all([createTestEnv(engine), startReceiver()]);
    ws = await workspaceWithKey(env);
    admin = await adminSession(env, ws.slug, `admin-${engine}@a.test`);
    other = await workspaceWithKey(env, ['read']);
    otherAdmin = await adminSession(env, other.slug, `admin-${engine}@b.test`);
  });
  afterAll(async () => {
    await env?.close();
    await receiver?.close();
  });

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
    env.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const createEndpoint = async (events: string[]) => {
    const res = await api('POST', '/api/v1/webhook-endpoints', admin, { url: receiver.url, events, description: 'CRM' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { endpoint: { id: string }; secret: string };
  };
  const sale = (orderId: string) => api('POST', '/api/v1/conversions', ws.auth, { type: 'sale', orderId, amount: 4999, currency: 'USD' });

  it('sends a conversion created through the API to the subscribed endpoint, signed', async () => {
    const { endpoint, secret } = await createEndpoint(['conversion.created']);
    expect(secret).toMatch(/^whsec_[0-9A-Za-z]{32}$/);
    receiver.received.length = 0;
    const conv = await sale(`wh-${engine}-1`);
    expect(conv.statusCode).toBe(201);
    await env.app.jobs.runUntilIdle();
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(verify(secret, got)).toBe(true);
    expect(verify('whsec_wrong', got)).toBe(false);
    const body = JSON.parse(got.body);
    expect(body).toMatchObject({ id: expect.stringMatching(/^evt_/), type: 'conversion.created', workspaceId: ws.workspace.id, data: { conversion: { id: conv.json().id, amount: 4999, currency: 'USD' } } });
    expect(got.headers['advocate-event-id']).toBe(body.id);
    expect(got.headers['content-type']).toBe('application/json');
    const log = await api('GET', `/api/v1/webhook-endpoints/${endpoint.id}/deliveries`, ws.auth);
    expect(log.json().data).toEqual([expect.objectContaining({ eventId: body.id, status: 'delivered', attemptCount: 1, attempts: [expect.objectContaining({ statusCode: 200, error: null })] })]);
    await api('DELETE', `/api/v1/webhook-endpoints/${endpoint.id}`, admin);
  });

  it('retries after 500s until delivered, logs every attempt, and replays on request', async () => {
    const { endpoint, secret } = await createEndpoint(['conversion.created', 'commission.approved']);
    receiver.received.length = 0;
    receiver.statuses.push(500, 503);
    await sale(`wh-${engine}-2`);
    await env.app.jobs.runUntilIdle();
    expect(receiver.received).toHaveLength(1); // the retry waits for its backoff (10–20 s)
    const [job] = await env.database.db.selectFrom('jobs').select(['status', 'attempts', 'last_error']).where('kind', '=', 'webhook.deliver').where('status', '=', 'failed').execute();
    expect(job).toMatchObject({ attempts: 1, last_error: expect.stringContaining('HTTP 500') });
    await env.app.jobs.runUntilIdle({ dueWithinMs: 3_600_000 });
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers['advocate-event-id'])).size).toBe(1);
    expect(receiver.received.every((r) => verify(secret, r))).toBe(true);
    let [delivery] = (await api('GET', `/api/v1/webhook-endpoints/${endpoint.id}/deliveries`, ws.auth)).json().data;
    expect(delivery).toMatchObject({ status: 'delivered', attemptCount: 3, lastStatusCode: 200 });
    expect(delivery.attempts.map((a: { statusCode: number; error: string | null }) => [a.statusCode, a.error])).toEqual([[500, 'HTTP 500'], [503, 'HTTP 503'], [200, null]]);
    expect(delivery.attempts.every((a: { durationMs: number }) => a.durationMs >= 0)).toBe(true);

    const replay = await api('POST', `/api/v1/webhook-deliveries/${delivery.id}/replay`, ws.auth);
    expect(replay.statusCode).toBe(202);
    expect(replay.json().delivery).toMatchObject({ id: delivery.id, status: 'pending' });
    await env.app.jobs.runUntilIdle();
    expect(receiver.received).toHaveLength(4);
    expect(receiver.received[3]!.body).toBe(receiver.received[0]!.body);
    [delivery] = (await api('GET', `/api/v1/webhook-endpoints/${endpoint.id}/deliveries`, ws.auth)).json().data;
    expect(delivery).toMatchObject({ status: 'delivered', attemptCount: 4 });
    await api('DELETE', `/api/v1/webhook-endpoints/${endpoint.id}`, admin);
  });

  it('manages endpoints: list without secrets, update, rotate, disable, delete', async () => {
    const { endpoint, secret } = await createEndpoint(['payout.paid']);
    const list = await api('GET', '/api/v1/webhook-endpoints', admin);
    expect(list.json().data).toEqual([expect.objectContaining({ id: endpoint.id, url: receiver.url, events: ['payout.paid'], enabled: true, secretHint: `whsec_…${secret.slice(-4)}` })]);
    expect(list.body).not.toContain(secret);
    const patched = await api('PATCH', `/api/v1/webhook-endpoints/${endpoint.id}`, admin, { events: ['deliverable.overdue', 'deliverable.overdue'], enabled: false, rotateSecret: true });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ endpoint: { events: ['deliverable.overdue'], enabled: false }, secret: expect.stringMatching(/^whsec_/) });
    expect(patched.json().secret).not.toBe(secret);
    receiver.received.length = 0;
    await sale(`wh-${engine}-3`);
    await env.app.jobs.runUntilIdle();
    expect(receiver.received).toHaveLength(0);
    expect((await api('DELETE', `/api/v1/webhook-endpoints/${endpoint.id}`, admin)).statusCode).toBe(204);
    expect((await api('DELETE', `/api/v1/webhook-endpoints/${endpoint.id}`, admin)).statusCode).toBe(404);
    const audit = await env.database.db.selectFrom('audit_log').select('action').where('subject_id', '=', endpoint.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['webhook_endpoint.created', 'webhook_endpoint.updated', 'webhook_endpoint.deleted']);
  });

  it('refuses invalid endpoints', async () => {
    const cases: [object, RegExp][] = [
      [{ url: 'ftp://example.com/x', events: ['payout.paid'] }, /body\.url: url must be an http/],
      [{ url: 'not a url', events: ['payout.paid'] }, /body\.url/],
      [{ url: receiver.url, events: [] }, /body\.events: events needs at least one/],
      [{ url: receiver.url, events: ['order.created'] }, /body\.events\.0: events must be among/],
      [{ url: receiver.url }, /body\.events/],
      [{ url: receiver.url, events: ['payout.paid'], secret: 'mine' }, /secret/],
    ];
    for (const [payload, message] of cases) {
      const res = await api('POST', '/api/v1/webhook-endpoints', admin, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
    const bad = await api('PATCH', '/api/v1/webhook-endpoints/whe_x', admin, { url: 'javascript:alert(1)' });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps workspaces apart and needs the right role or scope', async () => {
    const { endpoint } = await createEndpoint(['conversion.created']);
    await sale(`wh-${engine}-4`);
    await env.app.jobs.runUntilIdle();
    const [delivery] = (await api('GET', `/api/v1/webhook-endpoints/${endpoint.id}/deliveries`, ws.auth)).json().data;
    expect((await api('PATCH', `/api/v1/webhook-endpoints/${endpoint.id}`, otherAdmin, { enabled: false })).statusCode).toBe(404);
    expect((await api('DELETE', `/api/v1/webhook-endpoints/${endpoint.id}`, otherAdmin)).statusCode).toBe(404);
    expect((await api('GET', '/api/v1/webhook-endpoints', otherAdmin)).json().data).toEqual([]);
    expect((await api('GET', `/api/v1/webhook-endpoints/${endpoint.id}/deliveries`, other.auth)).statusCode).toBe(404);
    const foreignReplay = await api('POST', `/api/v1/webhook-deliveries/${delivery.id}/replay`, otherAdmin);
    expect(foreignReplay.statusCode).toBe(404);
    // API keys cannot manage endpoints; a read-only key cannot replay.
    expect((await api('POST', '/api/v1/webhook-endpoints', ws.auth, { url: receiver.url, events: ['payout.paid'] })).statusCode).toBe(403);
    expect((await api('GET', '/api/v1/webhook-endpoints', ws.auth)).statusCode).toBe(403);
    expect((await api('POST', `/api/v1/webhook-deliveries/${delivery.id}/replay`, other.auth)).statusCode).toBe(403);
    expect((await api('GET', `/api/v1/webhook-endpoints/${endpoint.id}/deliveries`, {})).statusCode).toBe(401);
    await api('DELETE', `/api/v1/webhook-endpoints/${endpoint.id}`, admin);
  });
});

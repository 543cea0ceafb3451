import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalQuery } from '../../src/conversions/postback-routes.ts';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { makeLink, visit } from '../helpers/tracking.ts';

describe.each(ENGINES)('postback URL and browser collector on %s', (engine) => {
  let env: TestEnv;
  let session: Record<string, string>;
  let auth: Record<string, string>;
  let tracked: Awaited<ReturnType<typeof makeLink>>;

  beforeAll(async () => {
    env = await createTestEnv(engine);
    const ws = await workspaceWithKey(env);
    auth = ws.auth;
    await env.command('user.create', { workspace: ws.slug, email: 'owner@brand.test', password: 'a long password', role: 'owner' });
    const login = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'owner@brand.test', password: 'a long password' } });
    session = { cookie: `adv_session=${login.cookies[0]!.value}`, 'x-csrf-token': login.json().csrfToken };
    tracked = await makeLink(env, auth);
  });
  afterAll(() => env?.close());

  const clickId = async () => new URL((await visit(env, tracked.link.code)).headers.location as string).searchParams.get('adv_click')!;
  const configure = (provider: string, payload: Record<string, unknown> = {}) =>
    env.app.inject({ method: 'PUT', url: `/api/v1/integrations/${provider}`, headers: session, payload });

  it('accepts a postback with the token, in decimal major units, and logs the delivery', async () => {
    const res = await configure('postback');
    expect(res.statusCode).toBe(200);
    const { token, integration } = res.json();
    expect(token).toMatch(/^pb_/);
    expect(integration.endpoint).toContain(`/api/v1/postback/${token}`);
    const id = await clickId();
    const fired = await env.app.inject({ method: 'GET', url: `/api/v1/postback/${token}?type=sale&order_id=pb-1&amount=19.99&currency=USD&click_id=${id}` });
    expect(fired.statusCode).toBe(200);
    expect(fired.json()).toMatchObject({ ok: true, influencerId: tracked.influencer.id, duplicate: false });
    const conv = (await env.app.inject({ method: 'GET', url: `/api/v1/conversions/${fired.json().id}`, headers: auth })).json().conversion;
    expect(conv).toMatchObject({ amount: 1999, currency: 'USD', source: 'postback' });
    const jpy = await env.app.inject({ method: 'GET', url: `/api/v1/postback/${token}?type=sale&order_id=pb-2&amount=1.5&currency=JPY` });
    expect(jpy.statusCode).toBe(400);
    expect(jpy.json().error.message).toMatch(/^amount: /);
    const posted = await env.app.inject({ method: 'POST', url: `/api/v1/postback/${token}`, payload: 'type=refund&order_id=pb-1&refund_id=r1&amount=5.00&currency=USD', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(posted.json()).toMatchObject({ ok: true, duplicate: false });
    const log = (await env.app.inject({ method: 'GET', url: '/api/v1/integrations/postback/deliveries', headers: auth })).json().data;
    expect(log.map((d: { result: string }) => d.result)).toEqual(['refund', 'rejected', 'created']);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/postback/pb_unknownunknownunknownunknown12?type=lead' })).statusCode).toBe(404);
  });

  it('checks the HMAC of the query when a signature is given or required', async () => {
    const { token, signingSecret } = (await configure('postback', { rotate: true, requireSignature: true })).json();
    const params = { type: 'sale', order_id: 'pb-signed', amount: '10.00', currency: 'EUR' };
    const sig = createHmac('sha256', signingSecret).update(canonicalQuery(params)).digest('hex');
    const qs = new URLSearchParams(params).toString();
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/postback/${token}?${qs}` })).statusCode).toBe(401);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/postback/${token}?${qs}&sig=${'0'.repeat(64)}` })).statusCode).toBe(401);
    const ok = await env.app.inject({ method: 'GET', url: `/api/v1/postback/${token}?${qs}&sig=${sig}` });
    expect(ok.statusCode).toBe(200);
    const tampered = new URLSearchParams({ ...params, amount: '1000.00', sig }).toString();
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/postback/${token}?${tampered}` })).statusCode).toBe(401);
  });

  it('serves the snippet under 3 KB gzipped and collects sales with the publishable key', async () => {
    const js = await env.app.inject({ method: 'GET', url: '/t.js', headers: { 'accept-encoding': 'identity' } });
    expect(js.headers['content-type']).toMatch(/javascript/);
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(js.body).length).toBeLessThan(3 * 1024);
    const { token } = (await configure('snippet')).json();
    expect(token).toMatch(/^pk_/);
    const preflight = await env.app.inject({ method: 'OPTIONS', url: '/api/v1/track', headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST' } });
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    const id = await clickId();
    const sale = await env.app.inject({ method: 'POST', url: '/api/v1/track', payload: { key: token, type: 'sale', orderId: 'web-1', amount: 2500, currency: 'USD', clickId: id } });
    expect(sale.statusCode).toBe(201);
    expect(sale.json().influencerId).toBe(tracked.influencer.id);
    const bad = await env.app.inject({ method: 'POST', url: '/api/v1/track', payload: { key: token, type: 'sale', orderId: 'web-2', amount: 1.5, currency: 'USD' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['access-control-allow-origin']).toBe('*');
    expect((await env.app.inject({ method: 'POST', url: '/api/v1/track', payload: { key: 'pk_nope', type: 'lead' } })).statusCode).toBe(401);
  });

  it('flags many conversions from one IP in a short time', async () => {
    const { token } = (await configure('snippet', { rotate: true })).json();
    const codes: string[][] = [];
    for (let i = 0; i < 7; i++) {
      const res = await env.app.inject({ method: 'POST', url: '/api/v1/track', remoteAddress: '198.51.100.77', payload: { key: token, type: 'lead', orderId: `lead-ip-${i}`, clickId: await clickId() } });
      codes.push((await env.app.inject({ method: 'GET', url: `/api/v1/conversions/${res.json().id}`, headers: auth })).json().conversion.fraudFlags.map((f: { code: string }) => f.code));
    }
    expect(codes.slice(0, 5).every((c) => !c.includes('IP_VELOCITY'))).toBe(true);
    expect(codes[6]).toContain('IP_VELOCITY');
  });

  it('lets only owners and admins configure integrations, and never shows a secret again', async () => {
    expect((await env.app.inject({ method: 'PUT', url: '/api/v1/integrations/stripe', headers: auth, payload: { secret: 'whsec_abcdefgh' } })).statusCode).toBe(403);
    const missing = await configure('stripe', {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toMatch(/body\.secret/);
    const ok = await configure('stripe', { secret: 'whsec_test_secret' });
    expect(ok.json().integration).toMatchObject({ provider: 'stripe', secretHint: 'whsec_…et', enabled: true });
    const list = await env.app.inject({ method: 'GET', url: '/api/v1/integrations', headers: session });
    expect(JSON.stringify(list.json())).not.toContain('whsec_test_secret');
    expect((await configure('paypal', {})).statusCode).toBe(400);
  });
});

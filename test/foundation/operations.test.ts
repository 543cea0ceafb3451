import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../helpers/engines.ts';

describe('operations endpoints', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv('pglite');
  });
  afterAll(() => env?.close());

  it('reports health and readiness', async () => {
    expect((await env.app.inject('/healthz')).json()).toEqual({ status: 'ok', pid: process.pid });
    const ready = await env.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', engine: 'pglite' });
  });

  it('is not ready when the database is gone', async () => {
    const other = await createTestEnv('pglite');
    await other.database.close();
    const res = await other.app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    await other.app.close();
  });

  it('serves Prometheus metrics including request durations', async () => {
    await env.app.inject('/healthz');
    const res = await env.app.inject('/metrics');
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.body).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\}/);
    expect(res.body).toMatch(/process_resident_memory_bytes/);
    expect(res.body).toMatch(/^advocate_clicks_spooled 0$/m);
    expect(res.body).not.toMatch(/advocate_click_stream_published/); // no NATS_URL, no stream
  });

  it('publishes OpenAPI and a rendered reference page', async () => {
    const spec = (await env.app.inject('/api/v1/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/v1/workspace', '/api/v1/api-keys', '/api/v1/auth/login']));
    expect(spec.paths['/api/v1/workspace'].patch.requestBody).toBeDefined();
    const docs = await env.app.inject('/api/v1/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });

  it('serves the web app at /', async () => {
    const res = await env.app.inject('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toMatch(/Advocate/);
  });

  it('echoes a sane incoming request id and replaces an unsafe one', async () => {
    const kept = await env.app.inject({ url: '/healthz', headers: { 'x-request-id': 'lb-123.abc' } });
    expect(kept.headers['x-request-id']).toBe('lb-123.abc');
    const replaced = await env.app.inject({ url: '/healthz', headers: { 'x-request-id': '<script>' } });
    expect(replaced.headers['x-request-id']).toMatch(/^req_/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';

describe.each(ENGINES)('request errors are 4xx with a message that says what to fix, on %s', (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  let readOnly: Record<string, string>;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    auth = (await workspaceWithKey(env)).auth;
    readOnly = (await workspaceWithKey(env, ['read'])).auth;
  });
  afterAll(() => env?.close());

  const patch = (headers: Record<string, string>, payload: unknown, extra: Record<string, string> = {}) =>
    env.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: { ...headers, ...extra }, payload: payload as string });

  it('updates with a write key', async () => {
    const res = await patch(auth, { name: 'Acme Europe' });
    expect(res.statusCode).toBe(200);
    expect(res.json().workspace.name).toBe('Acme Europe');
  });

  it('answers 403 for a read-only key doing a write, and changes nothing', async () => {
    const before = (await env.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: readOnly })).json().workspace.name;
    const res = await patch(readOnly, { name: 'Hijacked' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('"write" scope') });
    const after = (await env.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: readOnly })).json().workspace.name;
    expect(after).toBe(before);
  });

  it('names the field for a wrong type and for an unknown field', async () => {
    const wrongType = await patch(auth, { name: 42 });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.code).toBe('VALIDATION');
    expect(wrongType.json().error.message).toMatch(/body\.name/);
    const unknown = await patch(auth, { name: 'x', colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/colour/);
    const empty = await patch(auth, { name: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/name must not be empty/);
  });

  it('answers 400 for malformed JSON, 415 for another content type, 413 for an oversized body', async () => {
    const bad = await patch(auth, '{"name": ', { 'content-type': 'application/json' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/not valid JSON/);
    const text = await patch(auth, 'name=x', { 'content-type': 'text/plain' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const huge = await patch(auth, JSON.stringify({ name: 'x'.repeat(1_100_000) }), { 'content-type': 'application/json' });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 404 JSON for an unknown route', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/nope', headers: auth });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('/api/v1/nope') });
  });
});

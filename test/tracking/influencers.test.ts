import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';

describe.each(ENGINES)('influencers API on %s', (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  let workspaceId: string;
  let readOnly: Record<string, string>;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    const ws = await workspaceWithKey(env);
    auth = ws.auth;
    workspaceId = ws.workspace.id;
    const { secret } = await env.command('keys.create', { workspace: ws.slug, scopes: ['read'] });
    readOnly = { authorization: `Bearer ${secret}` };
  });
  afterAll(() => env?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = auth) =>
    env.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const create = async (payload: unknown, headers = auth) => {
    const res = await call('POST', '/api/v1/influencers', payload, headers);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().influencer;
  };

  it('creates, gets, updates, archives and unarchives, with an audit row per change', async () => {
    const created = await create({ name: '  Ada Lovelace ', email: 'ada@example.com', handles: { instagram: '@ada.codes', tiktok: 'ada_t' } });
    expect(created).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      handles: { instagram: 'ada.codes', tiktok: 'ada_t' },
      status: 'active',
    });
    expect(created.id).toMatch(/^inf_/);
    expect(Date.parse(created.createdAt)).not.toBeNaN();

    const got = await call('GET', `/api/v1/influencers/${created.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json().influencer).toEqual(created);

    const patched = await call('PATCH', `/api/v1/influencers/${created.id}`, { email: null, handles: { tiktok: null, youtube: '@AdaTV' } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().influencer).toMatchObject({
      name: 'Ada Lovelace',
      email: null,
      handles: { instagram: 'ada.codes', youtube: 'AdaTV' },
    });
    expect(patched.json().influencer.handles).not.toHaveProperty('tiktok');

    const archived = await call('POST', `/api/v1/influencers/${created.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().influencer.status).toBe('archived');
    const again = await call('POST', `/api/v1/influencers/${created.id}/archive`);
    expect(again.json().influencer.status).toBe('archived');
    const unarchived = await call('POST', `/api/v1/influencers/${created.id}/unarchive`);
    expect(unarchived.json().influencer.status).toBe('active');

    const actions = await env.database.db
      .selectFrom('audit_log')
      .select(['action', 'workspace_id'])
      .where('subject_id', '=', created.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['influencer.created', 'influencer.updated', 'influencer.archived', 'influencer.unarchived']);
    expect(actions.every((a) => a.workspace_id === workspaceId)).toBe(true);
  });

  it('lists newest first, filters by status and name, and walks cursors without duplicates', async () => {
    const { auth: own } = await workspaceWithKey(env);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create({ name: `Creator ${i}` }, own)).id);
    await call('POST', `/api/v1/influencers/${ids[1]}/archive`, undefined, own);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await call('GET', `/api/v1/influencers?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, undefined, own);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.data.length).toBeLessThanOrEqual(2);
      seen.push(...body.data.map((d: { id: string }) => d.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());

    const active = (await call('GET', '/api/v1/influencers?status=active', undefined, own)).json();
    expect(active.data.map((d: { id: string }) => d.id)).toEqual([ids[4], ids[3], ids[2], ids[0]]);
    expect(active.nextCursor).toBeNull();
    const archived = (await call('GET', '/api/v1/influencers?status=archived', undefined, own)).json();
    expect(archived.data.map((d: { id: string }) => d.id)).toEqual([ids[1]]);
    const search = (await call('GET', '/api/v1/influencers?q=creator%203', undefined, own)).json();
    expect(search.data.map((d: { id: string }) => d.id)).toEqual([ids[3]]);
    const wildcard = (await call('GET', '/api/v1/influencers?q=%25', undefined, own)).json();
    expect(wildcard.data).toEqual([]);
  });

  it("drops cached redirects when the handles change (they feed the default UTM values)", async () => {
    const inf = await create({ name: 'Cached', handles: { instagram: 'first' } });
    const campaign = (await call('POST', '/api/v1/campaigns', { name: 'C', destinationUrl: 'https://shop.example.com/' })).json().campaign;
    const made = await call('POST', '/api/v1/links', { influencerId: inf.id, campaignId: campaign.id });
    expect(made.statusCode, made.body).toBe(201);
    const location = async () => String((await env.app.inject({ method: 'GET', url: `/r/${made.json().link.code}` })).headers.location);
    expect(await location()).toContain('utm_content=first');
    expect((await call('PATCH', `/api/v1/influencers/${inf.id}`, { handles: { instagram: 'second' } })).statusCode).toBe(200);
    // PostgreSQL delivers the NOTIFY asynchronously; without it the cache would stay stale for minutes.
    let seen = '';
    for (let i = 0; i < 100 && !seen.includes('utm_content=second'); i++) {
      seen = await location();
      if (!seen.includes('utm_content=second')) await new Promise((r) => setTimeout(r, 30));
    }
    expect(seen).toContain('utm_content=second');
  });

  it('answers 400 naming the field for every invalid input', async () => {
    const cases: [unknown, RegExp][] = [
      [{}, /body\.name/],
      [{ name: '' }, /body\.name/],
      [{ name: 'x'.repeat(201) }, /body\.name/],
      [{ name: 'A', email: 'not-an-email' }, /body\.email/],
      [{ name: 'A', colour: 'red' }, /colour/],
      [{ name: 'A', handles: { instagram: 'two words' } }, /body\.handles\.instagram.*spaces/],
      [{ name: 'A', handles: { instagram: '@' } }, /body\.handles\.instagram/],
      [{ name: 'A', handles: { tiktok: 'x'.repeat(101) } }, /body\.handles\.tiktok/],
      [{ name: 'A', handles: { myspace: 'ada' } }, /myspace/],
      [{ name: 'A', handles: { x: 42 } }, /body\.handles\.x/],
    ];
    for (const [payload, message] of cases) {
      const res = await call('POST', '/api/v1/influencers', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
      expect(res.json().error.message).toMatch(message);
    }
    const { id } = await create({ name: 'Valid' });
    for (const [payload, message] of [
      [{ email: 'nope' }, /body\.email/],
      [{ name: 'B', extra: 1 }, /extra/],
      [{ handles: { youtube: 'a b' } }, /body\.handles\.youtube/],
      [{}, /at least one field/],
    ] as [unknown, RegExp][]) {
      const res = await call('PATCH', `/api/v1/influencers/${id}`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
    for (const [query, message] of [
      ['limit=0', /querystring\.limit/],
      ['limit=201', /querystring\.limit/],
      ['status=deleted', /querystring\.status/],
      ['cursor=garbage', /cursor/],
      ['sort=name', /sort/],
    ] as [string, RegExp][]) {
      const res = await call('GET', `/api/v1/influencers?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
  });

  it("answers 404 for a missing id and for another workspace's, changing nothing", async () => {
    const other = await workspaceWithKey(env);
    const theirs = await create({ name: 'Theirs' }, other.auth);
    for (const id of [theirs.id, 'inf_doesnotexist00000', 'cmp_wrongkind']) {
      for (const [method, url, payload] of [
        ['GET', `/api/v1/influencers/${id}`, undefined],
        ['PATCH', `/api/v1/influencers/${id}`, { name: 'Stolen' }],
        ['POST', `/api/v1/influencers/${id}/archive`, undefined],
        ['POST', `/api/v1/influencers/${id}/unarchive`, undefined],
      ] as const) {
        const res = await call(method, url, payload);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: `Influencer ${id} not found` });
      }
    }
    const list = (await call('GET', '/api/v1/influencers?q=Theirs')).json();
    expect(list.data).toEqual([]);
    const still = (await call('GET', `/api/v1/influencers/${theirs.id}`, undefined, other.auth)).json().influencer;
    expect(still).toMatchObject({ name: 'Theirs', status: 'active' });
  });

  it('needs the write scope to change and credentials for everything', async () => {
    const { id } = await create({ name: 'Mine' });
    expect((await call('GET', `/api/v1/influencers/${id}`, undefined, readOnly)).statusCode).toBe(200);
    for (const [method, url, payload] of [
      ['POST', '/api/v1/influencers', { name: 'No' }],
      ['PATCH', `/api/v1/influencers/${id}`, { name: 'No' }],
      ['POST', `/api/v1/influencers/${id}/archive`, undefined],
    ] as const) {
      const res = await call(method, url, payload, readOnly);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    for (const [method, url] of [
      ['GET', '/api/v1/influencers'],
      ['GET', `/api/v1/influencers/${id}`],
      ['POST', '/api/v1/influencers'],
    ] as const) {
      const res = await call(method, url, method === 'POST' ? { name: 'No' } : undefined, {});
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHORIZED');
    }
    expect((await call('GET', `/api/v1/influencers/${id}`)).json().influencer.name).toBe('Mine');
  });
});

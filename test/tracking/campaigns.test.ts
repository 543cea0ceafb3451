import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';

describe.each(ENGINES)('campaigns API on %s', (engine) => {
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
  const create = async (payload: Record<string, unknown>, headers = auth) => {
    const res = await call('POST', '/api/v1/campaigns', { destinationUrl: 'https://shop.example.com/summer', ...payload }, headers);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().campaign;
  };
  const expect400 = async (method: 'POST' | 'PATCH', url: string, payload: unknown, message: RegExp) => {
    const res = await call(method, url, payload);
    expect(res.statusCode, `${JSON.stringify(payload)} → ${res.body}`).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
    expect(res.json().error.message).toMatch(message);
  };

  it('creates with defaults, gets, updates and archives, with an audit row per change', async () => {
    const created = await create({ name: 'Été 2025: Soldes!' });
    expect(created).toMatchObject({
      name: 'Été 2025: Soldes!',
      slug: 'ete-2025-soldes',
      destinationUrl: 'https://shop.example.com/summer',
      allowedDomains: ['shop.example.com'],
      utmEnabled: true,
      startsAt: null,
      endsAt: null,
      status: 'active',
    });
    expect(created.id).toMatch(/^cmp_/);
    expect((await call('GET', `/api/v1/campaigns/${created.id}`)).json().campaign).toEqual(created);

    const patch = {
      name: 'Summer',
      slug: 'summer-25',
      destinationUrl: 'https://www.example.com/landing?x=1',
      allowedDomains: ['Example.COM.', '*.Bücher.de'],
      utmEnabled: false,
      startsAt: '2025-06-01T00:00:00Z',
      endsAt: '2025-08-31T23:59:59+02:00',
      status: 'paused',
    };
    const res = await call('PATCH', `/api/v1/campaigns/${created.id}`, patch);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().campaign).toMatchObject({
      ...patch,
      allowedDomains: ['example.com', '*.xn--bcher-kva.de'],
      startsAt: '2025-06-01T00:00:00.000Z',
      endsAt: '2025-08-31T21:59:59.000Z',
    });
    // Only what is sent changes; null clears a date.
    const cleared = (await call('PATCH', `/api/v1/campaigns/${created.id}`, { endsAt: null })).json().campaign;
    expect(cleared).toMatchObject({ slug: 'summer-25', utmEnabled: false, startsAt: '2025-06-01T00:00:00.000Z', endsAt: null });

    const archived = await call('POST', `/api/v1/campaigns/${created.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().campaign.status).toBe('archived');
    expect((await call('POST', `/api/v1/campaigns/${created.id}/archive`)).json().campaign.status).toBe('archived');

    const actions = await env.database.db
      .selectFrom('audit_log')
      .select(['action', 'workspace_id'])
      .where('subject_id', '=', created.id)
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['campaign.created', 'campaign.updated', 'campaign.updated', 'campaign.archived']);
    expect(actions.every((a) => a.workspace_id === workspaceId)).toBe(true);
  });

  it('answers 409 naming a taken slug, suffixes a derived one, and allows the same slug in another workspace', async () => {
    const first = await create({ name: 'Launch', slug: 'launch' });
    const dup = await call('POST', '/api/v1/campaigns', { name: 'Other', slug: 'launch', destinationUrl: 'https://shop.example.com/' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('"launch"') });
    expect((await create({ name: 'Launch' })).slug).toBe('launch-2');
    expect((await create({ name: 'LAUNCH!' })).slug).toBe('launch-3');
    expect((await create({ name: '🎉' })).slug).toBe('campaign');

    const second = await create({ name: 'Second', slug: 'second' });
    const taken = await call('PATCH', `/api/v1/campaigns/${second.id}`, { slug: 'launch' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toContain('"launch"');
    expect((await call('GET', `/api/v1/campaigns/${second.id}`)).json().campaign.slug).toBe('second');
    expect((await call('GET', `/api/v1/campaigns/${first.id}`)).json().campaign.slug).toBe('launch');

    const other = await workspaceWithKey(env);
    expect((await create({ name: 'Launch', slug: 'launch' }, other.auth)).slug).toBe('launch');
  });

  it('lists newest first, filters by status and walks cursors without duplicates', async () => {
    const { auth: own } = await workspaceWithKey(env);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await create({ name: `Drop ${i}`, status: i % 2 ? 'draft' : 'active' }, own)).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await call('GET', `/api/v1/campaigns?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, undefined, own);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().data.length).toBeLessThanOrEqual(2);
      seen.push(...res.json().data.map((d: { id: string }) => d.id));
      cursor = res.json().nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    const drafts = (await call('GET', '/api/v1/campaigns?status=draft', undefined, own)).json();
    expect(drafts.data.map((d: { id: string }) => d.id)).toEqual([ids[3], ids[1]]);
    const byName = (await call('GET', '/api/v1/campaigns?q=drop-4', undefined, own)).json();
    expect(byName.data.map((d: { id: string }) => d.id)).toEqual([ids[4]]);
  });

  it('refuses destinations that are not http(s) or not on the allowed domains (no open redirect)', async () => {
    const base = { name: 'Bad' };
    await expect400('POST', '/api/v1/campaigns', { ...base, destinationUrl: 'not a url' }, /body\.destinationUrl/);
    await expect400('POST', '/api/v1/campaigns', { ...base, destinationUrl: 'javascript:alert(1)' }, /body\.destinationUrl.*http or https/);
    await expect400('POST', '/api/v1/campaigns', { ...base, destinationUrl: 'data:text/html,<script>x</script>' }, /body\.destinationUrl/);
    await expect400('POST', '/api/v1/campaigns', { ...base, destinationUrl: 'ftp://example.com/file' }, /body\.destinationUrl/);
    await expect400('POST', '/api/v1/campaigns', { ...base, destinationUrl: 'https://user:pw@example.com/' }, /body\.destinationUrl/);
    await expect400('POST', '/api/v1/campaigns', { ...base, destinationUrl: 'https://example.com\\@evil.com/' }, /body\.destinationUrl/);
    await expect400(
      'POST',
      '/api/v1/campaigns',
      { ...base, destinationUrl: 'https://evil.com/', allowedDomains: ['example.com'] },
      /destinationUrl: evil\.com is not on the campaign's allowedDomains/,
    );
    await expect400(
      'POST',
      '/api/v1/campaigns',
      { ...base, destinationUrl: 'https://example.com.evil.com/', allowedDomains: ['example.com'] },
      /destinationUrl/,
    );
    await expect400('POST', '/api/v1/campaigns', { ...base, destinationUrl: 'https://example.com/', allowedDomains: ['co.uk'] }, /body\.allowedDomains\.0.*public suffix/);
    await expect400('POST', '/api/v1/campaigns', { ...base, destinationUrl: 'https://example.com/', allowedDomains: ['example.com/path'] }, /body\.allowedDomains\.0/);
    await expect400('POST', '/api/v1/campaigns', { ...base, destinationUrl: 'https://example.com/', allowedDomains: [] }, /body\.allowedDomains/);

    // Subdomains of an allowed domain are fine; `*.` means subdomains only.
    expect((await create({ name: 'Sub', destinationUrl: 'https://eu.shop.example.com/', allowedDomains: ['example.com'] })).allowedDomains).toEqual(['example.com']);
    await expect400('POST', '/api/v1/campaigns', { ...base, destinationUrl: 'https://example.com/', allowedDomains: ['*.example.com'] }, /destinationUrl/);

    // An update is checked against the merged values.
    const c = await create({ name: 'Merge', destinationUrl: 'https://shop.example.com/', allowedDomains: ['shop.example.com'] });
    await expect400('PATCH', `/api/v1/campaigns/${c.id}`, { destinationUrl: 'https://evil.com/' }, /destinationUrl: evil\.com/);
    await expect400('PATCH', `/api/v1/campaigns/${c.id}`, { allowedDomains: ['other.com'] }, /destinationUrl: shop\.example\.com/);
    await expect400('PATCH', `/api/v1/campaigns/${c.id}`, { destinationUrl: 'javascript:alert(1)' }, /body\.destinationUrl/);
    const both = await call('PATCH', `/api/v1/campaigns/${c.id}`, { destinationUrl: 'https://other.com/', allowedDomains: ['other.com'] });
    expect(both.statusCode, both.body).toBe(200);
  });

  it('answers 400 naming the field for other invalid input', async () => {
    const ok = { name: 'X', destinationUrl: 'https://shop.example.com/' };
    const cases: [unknown, RegExp][] = [
      [{ destinationUrl: ok.destinationUrl }, /body\.name/],
      [{ ...ok, name: '' }, /body\.name/],
      [{ name: 'X' }, /body\.destinationUrl/],
      [{ ...ok, slug: 'Has Caps' }, /body\.slug/],
      [{ ...ok, slug: '-edge-' }, /body\.slug/],
      [{ ...ok, utmEnabled: 'yes' }, /body\.utmEnabled/],
      [{ ...ok, status: 'deleted' }, /body\.status/],
      [{ ...ok, startsAt: 'tomorrow' }, /body\.startsAt/],
      [{ ...ok, startsAt: '2025-08-01T00:00:00Z', endsAt: '2025-07-01T00:00:00Z' }, /endsAt: must be after startsAt/],
      [{ ...ok, startsAt: '2025-08-01T00:00:00Z', endsAt: '2025-08-01T00:00:00Z' }, /endsAt/],
      [{ ...ok, budget: 100 }, /budget/],
    ];
    for (const [payload, message] of cases) await expect400('POST', '/api/v1/campaigns', payload, message);

    const c = await create({ name: 'Dates', startsAt: '2025-06-01T00:00:00Z', endsAt: '2025-07-01T00:00:00Z' });
    await expect400('PATCH', `/api/v1/campaigns/${c.id}`, { endsAt: '2025-05-01T00:00:00Z' }, /endsAt: must be after startsAt/);
    await expect400('PATCH', `/api/v1/campaigns/${c.id}`, { startsAt: '2025-07-02T00:00:00Z' }, /endsAt: must be after startsAt/);
    await expect400('PATCH', `/api/v1/campaigns/${c.id}`, { id: 'cmp_x' }, /id/);
    await expect400('PATCH', `/api/v1/campaigns/${c.id}`, {}, /at least one field/);
    for (const [query, message] of [
      ['limit=abc', /querystring\.limit: limit must be a whole number/],
      ['status=gone', /querystring\.status/],
      ['cursor=bm90LWEtY3Vyc29y', /cursor/],
    ] as [string, RegExp][]) {
      const res = await call('GET', `/api/v1/campaigns?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
  });

  it('drops cached redirects when the campaign changes: narrowed domains stop redirecting at once', async () => {
    const influencer = (await call('POST', '/api/v1/influencers', { name: 'Cache', handles: { instagram: 'ada' } })).json().influencer;
    const c = await create({ name: 'Cache', slug: 'cache-test', allowedDomains: ['shop.example.com', 'other.com'] });
    const made = await call('POST', '/api/v1/links', { influencerId: influencer.id, campaignId: c.id, destinationUrl: 'https://other.com/p' });
    expect(made.statusCode, made.body).toBe(201);
    const redirect = () => env.app.inject({ method: 'GET', url: `/r/${made.json().link.code}` });
    // PostgreSQL delivers the NOTIFY asynchronously; without it the cache would stay stale for minutes.
    const eventually = async (check: (res: Awaited<ReturnType<typeof redirect>>) => boolean) => {
      for (let i = 0; i < 100; i++) {
        if (check(await redirect())) return;
        await new Promise((r) => setTimeout(r, 30));
      }
      throw new Error('the cached redirect never changed');
    };
    const first = await redirect();
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toMatch(/^https:\/\/other\.com\/p\?.*utm_campaign=cache-test/);

    expect((await call('PATCH', `/api/v1/campaigns/${c.id}`, { utmEnabled: false })).statusCode).toBe(200);
    await eventually((res) => res.statusCode === 302 && !String(res.headers.location).includes('utm_'));
    expect((await call('PATCH', `/api/v1/campaigns/${c.id}`, { allowedDomains: ['shop.example.com'] })).statusCode).toBe(200);
    await eventually((res) => res.statusCode === 404);
  });

  it("answers 404 for a missing id and for another workspace's, changing nothing", async () => {
    const other = await workspaceWithKey(env);
    const theirs = await create({ name: 'Theirs', slug: 'theirs' }, other.auth);
    for (const id of [theirs.id, 'cmp_doesnotexist00000', 'inf_wrongkind']) {
      for (const [method, url, payload] of [
        ['GET', `/api/v1/campaigns/${id}`, undefined],
        ['PATCH', `/api/v1/campaigns/${id}`, { name: 'Stolen' }],
        ['POST', `/api/v1/campaigns/${id}/archive`, undefined],
      ] as const) {
        const res = await call(method, url, payload);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: `Campaign ${id} not found` });
      }
    }
    expect((await call('GET', '/api/v1/campaigns?q=theirs')).json().data).toEqual([]);
    expect((await call('GET', `/api/v1/campaigns/${theirs.id}`, undefined, other.auth)).json().campaign).toMatchObject({ name: 'Theirs', status: 'active' });
  });

  it('needs the write scope to change and credentials for everything', async () => {
    const c = await create({ name: 'Mine' });
    expect((await call('GET', `/api/v1/campaigns/${c.id}`, undefined, readOnly)).statusCode).toBe(200);
    for (const [method, url, payload] of [
      ['POST', '/api/v1/campaigns', { name: 'No', destinationUrl: 'https://shop.example.com/' }],
      ['PATCH', `/api/v1/campaigns/${c.id}`, { name: 'No' }],
      ['POST', `/api/v1/campaigns/${c.id}/archive`, undefined],
    ] as const) {
      const res = await call(method, url, payload, readOnly);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    for (const [method, url] of [
      ['GET', '/api/v1/campaigns'],
      ['GET', `/api/v1/campaigns/${c.id}`],
      ['POST', '/api/v1/campaigns'],
    ] as const) {
      const res = await call(method, url, method === 'POST' ? { name: 'No', destinationUrl: 'https://shop.example.com/' } : undefined, {});
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await call('GET', `/api/v1/campaigns/${c.id}`)).json().campaign).toMatchObject({ name: 'Mine', status: 'active' });
  });
});

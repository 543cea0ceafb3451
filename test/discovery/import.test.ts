import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { account, importCsv, importJson, posts, profileOf, search } from './fixtures.ts';

const CSV = `type,platform,handle,name,followers,following,posts_count,bio,country,language,contact_email,post_id,posted_at,format,caption,likes,comments,shares,saves,views,sponsored,author,text,dimension,key,share,source,as_of,at,username,posts,has_profile_picture,is_private
account,instagram,@Lena.Bakes,Lena Novak,12000,300,210,Sourdough and cakes,DE,de,lena@mail.example,,,,,,,,,,,,,,,,,,,,,,
post,instagram,lena.bakes,,,,,,,,,a1,2025-03-01,carousel,"Rye sourdough, step by step #baking #sourdough",300,20,5,15,,no,,,,,,,,,,,,
post,instagram,lena.bakes,,,,,,,,,a2,2025-03-03T10:00:00Z,reel,"Cake layers, fast #baking",500,30,10,20,9000,yes,,,,,,,,,,,,
comment,instagram,lena.bakes,,,,,,,,,a1,2025-03-02,,,,,,,,,sam_k,What flour do you use for the rye?,,,,,,,,,,
audience,instagram,lena.bakes,,,,,,,,,,,,,,,,,,,,,country,de,62%,insights,2025-03-01,,,,,
audience,instagram,lena.bakes,,,,,,,,,,,,,,,,,,,,,gender,Female,0.7,insights,2025-03-01,,,,,
history,instagram,lena.bakes,,11000,,,,,,,,,,,,,,,,,,,,,,,,2025-01-30,,,,
history,instagram,lena.bakes,,12000,,,,,,,,,,,,,,,,,,,,,,,,2025-03-01,,,,
follower,instagram,lena.bakes,,80,120,,,,,,,,,,,,,,,,,,,,,,,,anna_k,15,true,false
account,tiktok,lena.bakes,Lena Novak,5000,,,Baking clips,,,,,,,,,,,,,,,,,,,,,,,,,
`;

describe.each(ENGINES)('creator import on %s', (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    auth = (await workspaceWithKey(env)).auth;
  });
  afterAll(() => env?.close());

  it('imports the documented CSV: accounts with posts, comments, audience, history and follower samples', async () => {
    const res = await importCsv(env, auth, CSV);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, updated: 0, creatorsCreated: 2, skippedRows: 0, errors: [] });
    const lena = res.json().accounts.find((a: any) => a.platform === 'instagram');
    expect(lena).toMatchObject({ row: 2, handle: 'lena.bakes', action: 'created' });
    const p = await profileOf(env, auth, lena.influencerId);
    expect(p.influencer).toMatchObject({ name: 'Lena Novak', status: 'active' });
    expect(p.accounts[0]).toMatchObject({ platform: 'instagram', handle: 'lena.bakes', followers: 12000, country: 'DE', language: 'de', contactEmail: 'lena@mail.example', primary: true });
    expect(p.posts.recent.map((x: any) => [x.id, x.format, x.views, x.sponsored])).toEqual([['a2', 'reel', 9000, true], ['a1', 'carousel', null, false]]);
    expect(p.posts.recent[1].hashtags).toEqual(['baking', 'sourdough']);
    expect(p.audience).toEqual(
      expect.arrayContaining([
        { platform: 'instagram', dimension: 'country', key: 'DE', share: 0.62, source: 'insights', asOf: '2025-03-01' },
        expect.objectContaining({ dimension: 'gender', key: 'female', share: 0.7 }),
      ]),
    );
    expect(p.metrics.engagement.growth.days30).toBeCloseTo(1000 / 11000, 6);
    expect(p.niches.assigned[0].id).toBe('food-beverage');
  });

  it('imports JSON, groups accounts by creatorRef and finds creators added by hand through their handles', async () => {
    const made = await env.app.inject({ method: 'POST', url: '/api/v1/influencers', headers: auth, payload: { name: 'Omar Haddad', handles: { youtube: '@OmarCooks' } } });
    const omar = made.json().influencer.id;
    const res = await importJson(env, auth, {
      creators: [
        account('omarcooks', { platform: 'youtube', followers: 40_000 }),
        account('kofi.runs', { creatorRef: 'kofi', name: 'Kofi Mensah', email: 'kofi@mail.example' }),
        account('kofi.runs', { creatorRef: 'kofi', platform: 'tiktok', followers: 90_000 }),
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const [yt, ig, tt] = res.json().accounts;
    expect(yt.influencerId).toBe(omar);
    expect(ig.influencerId).toBe(tt.influencerId);
    expect(res.json().creatorsCreated).toBe(1);
    const kofi = await profileOf(env, auth, ig.influencerId);
    expect(kofi.influencer).toMatchObject({ name: 'Kofi Mensah', email: 'kofi@mail.example' });
    expect(kofi.accounts.map((a: any) => [a.platform, a.primary])).toEqual([['tiktok', true], ['instagram', false]]);
  });

  it('upserts by platform + handle: given fields replace, omitted ones stay, posts update by id', async () => {
    const first = await importJson(env, auth, [account('zoe.skin', { bio: 'Skincare for sensitive skin', country: 'FR' })]);
    const id = first.json().accounts[0].influencerId;
    const again = await importJson(env, auth, [{ platform: 'instagram', handle: '@ZOE.SKIN', followers: 25_000, posts: [{ id: 'p11', postedAt: '2025-03-12', format: 'reel', likes: 900, comments: 40 }, { id: 'p99', postedAt: '2025-03-20', format: 'image', likes: 100 }] }]);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, updated: 1, creatorsCreated: 0, accounts: [{ influencerId: id, action: 'updated' }] });
    const p = await profileOf(env, auth, id);
    expect(p.accounts[0]).toMatchObject({ followers: 25_000, bio: 'Skincare for sensitive skin', country: 'FR', postsCount: 300 });
    expect(p.posts.loaded).toBe(13);
    expect(p.posts.recent.find((x: any) => x.id === 'p11')).toMatchObject({ format: 'reel', likes: 900, comments: 40 });
  });

  it('reports every bad row with its row number and field, and imports nothing', async () => {
    const res = await importJson(env, auth, [
      account('good.one'),
      { platform: 'instagram', handle: 'bad.one', followers: -5 },
      { platform: 'myspace', handle: 'bad.two', followers: 10 },
      account('bad.three', { posts: [{ id: 'x', postedAt: '2025-03-01', format: 'hologram' }, { id: 'x', postedAt: 'yesterday', format: 'image' }] }),
      { platform: 'tiktok', handle: 'bad.four', followers: 10, shoeSize: 44 },
      { platform: 'x', handle: 'new.account.without.followers' },
      account('good.one'),
    ]);
    expect(res.statusCode).toBe(400);
    const errors = res.json().error.details.errors;
    const at = (row: number) => errors.filter((e: any) => e.row === row).map((e: any) => e.field);
    expect(at(2)).toEqual(['followers']);
    expect(at(3)).toEqual(['platform']);
    expect(at(4)).toEqual(['posts[0].format', 'posts[1].postedAt']);
    expect(at(5)).toEqual(['shoeSize']);
    expect(at(6)).toEqual(['followers']);
    expect(errors.find((e: any) => e.row === 6).message).toMatch(/required for a new account: x\/new.account.without.followers/);
    expect(at(7)).toEqual(['handle']);
    expect(res.json().error.message).toMatch(/nothing was imported/);
    expect((await search(env, auth, 'limit=100')).json().data.map((c: any) => c.handle)).not.toContain('good.one');
  });

  it('numbers CSV rows as a spreadsheet does and names the column as written', async () => {
    const csv = 'Platform,Handle,Followers,Has Profile Picture\ninstagram,fine.row,1000,yes\ninstagram,bad row,2000,yes\ntiktok,worse.row,lots,maybe\n';
    const res = await importCsv(env, auth, csv);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errors).toEqual([
      { row: 3, field: 'Handle', message: 'handle must not contain spaces' },
      { row: 4, field: 'Followers', message: '"lots" is not a whole number' },
      { row: 4, field: 'Has Profile Picture', message: '"maybe" is not true or false' },
    ]);
    const broken = await importCsv(env, auth, 'platform,handle\n"instagram,x\n');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toMatch(/not readable as CSV/);
    const noHandle = await importCsv(env, auth, 'platform,followers\ninstagram,3\n');
    expect(noHandle.json().error.details.errors[0]).toMatchObject({ row: 1, field: 'handle' });
  });

  it('imports the valid rows with skipInvalid and lists the others', async () => {
    const csv = 'type,platform,handle,followers,post_id,posted_at,format,likes\naccount,instagram,skip.ok,3000,,,,\npost,instagram,skip.ok,,s1,2025-03-01,image,90\npost,instagram,skip.ok,,s2,not-a-date,image,90\naccount,tiktok,skip.bad,-1,,,,\npost,tiktok,skip.bad,,t1,2025-03-01,image,5\n';
    const res = await importCsv(env, auth, csv, '?skipInvalid=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, skippedRows: 3 });
    expect(res.json().errors.map((e: any) => [e.row, e.field])).toEqual([[4, 'posted_at'], [5, 'followers']]);
    const p = await profileOf(env, auth, res.json().accounts[0].influencerId);
    expect(p.posts.recent.map((x: any) => x.id)).toEqual(['s1']);
  });

  it('checks without writing on dryRun, and refuses bodies that are not creators', async () => {
    const dry = await importJson(env, auth, [account('dry.run')], '?dryRun=true');
    expect(dry.json()).toMatchObject({ dryRun: true, created: 1, accounts: [{ influencerId: null, action: 'created' }] });
    expect((await search(env, auth, 'limit=100')).json().data.map((c: any) => c.handle)).not.toContain('dry.run');
    const notList = await importJson(env, auth, { people: [] });
    expect(notList.statusCode).toBe(400);
    expect(notList.json().error.message).toMatch(/array of account records/);
    const xml = await env.app.inject({ method: 'POST', url: '/api/v1/influencers/import', headers: { ...auth, 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
  });

  it("keeps workspaces apart and needs the write scope", async () => {
    const other = await workspaceWithKey(env);
    const theirs = (await importJson(env, other.auth, [account('their.creator')])).json().accounts[0].influencerId;
    const res = await importJson(env, auth, [account('mine.now', { influencerId: theirs })]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errors[0]).toMatchObject({ row: 1, field: 'influencerId', message: `no creator ${theirs} in this workspace` });
    // The same handle in two workspaces is two accounts.
    const same = await importJson(env, auth, [account('their.creator')]);
    expect(same.json().accounts[0]).toMatchObject({ action: 'created' });
    expect(same.json().accounts[0].influencerId).not.toBe(theirs);
    const readOnly = await workspaceWithKey(env, ['read']);
    expect((await importJson(env, readOnly.auth, [account('nope')])).statusCode).toBe(403);
    expect((await env.app.inject({ method: 'POST', url: '/api/v1/influencers/import', payload: [account('nope')] })).statusCode).toBe(401);
  });

  it('stores a follower snapshot per import when no history is given', async () => {
    const a = await importJson(env, auth, [account('grower', { followers: 10_000, posts: posts(3, 200) })]);
    await importJson(env, auth, [{ platform: 'instagram', handle: 'grower', followers: 10_400 }]);
    const p = await profileOf(env, auth, a.json().accounts[0].influencerId);
    expect(p.accounts[0].followers).toBe(10_400);
    expect(p.authenticity.skipped.map((s: any) => s.code)).toContain('FOLLOWER_STEP_CHANGE');
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureClickPartitions } from '../../src/clicks/click-partitions.ts';
import { loadConfig } from '../../src/config.ts';
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/client.ts';
import { loadMigrations, migrate } from '../../src/db/migrate.ts';
import { createTestEnv, dropSchema, ENGINES, TEST_DATABASE_URL, uniqueSchema, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { IPHONE_SAFARI, makeLink, visit } from '../helpers/tracking.ts';

const monthStart = (d: Date, add = 0) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));
const nameOf = (d: Date) => `clicks_y${d.getUTCFullYear()}m${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

describe.each(ENGINES)('monthly click partitions and retention on %s', { timeout: 120_000 }, (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  let code: string;
  let linkId: string;
  const now = new Date();
  // Mid-month, so time zones never move a click into the neighbouring month.
  const fiveMonthsAgo = new Date(monthStart(now, -5).getTime() + 14 * 86400_000);
  const fourMonthsAgo = new Date(monthStart(now, -4).getTime() + 9 * 86400_000);

  const partitions = async () => (await env.command('clicks.partitions', {})).partitions as { name: string; rows: number }[];
  const rowsIn = async (name: string) => (await partitions()).find((p) => p.name === name)?.rows;
  const inDefault = async () => Number((await sql<{ n: string }>`select count(*) as n from clicks_default`.execute(env.database.db)).rows[0]!.n);
  const reportTotal = async () => {
    const from = monthStart(now, -6).toISOString();
    const res = await env.app.inject({ method: 'GET', url: `/api/v1/reports/clicks?groupBy=link&linkId=${linkId}&from=${from}`, headers: auth });
    expect(res.statusCode).toBe(200);
    return res.json().rows[0]?.clicks ?? 0;
  };
  const clickAt = async (at: Date, ip: string) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at);
    try {
      const res = await visit(env, code, { ua: IPHONE_SAFARI, ip });
      expect(res.statusCode).toBe(302);
      return new URL(res.headers.location as string).searchParams.get('adv_click')!;
    } finally {
      vi.useRealTimers();
    }
  };

  beforeAll(async () => {
    env = await createTestEnv(engine);
    const ws = await workspaceWithKey(env);
    auth = ws.auth;
    const made = await makeLink(env, auth);
    code = made.link.code;
    linkId = made.link.id;
  });
  afterAll(() => env.close());

  it('has this month and the next two ready when the server starts', async () => {
    const names = (await partitions()).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining([nameOf(monthStart(now)), nameOf(monthStart(now, 1)), nameOf(monthStart(now, 2))]));
  });

  it('stores each click in its month; a click older than every partition waits in the default one and moves to its month', async () => {
    for (let i = 0; i < 3; i++) await clickAt(fiveMonthsAgo, `198.51.100.${i + 1}`);
    for (let i = 0; i < 2; i++) await clickAt(fourMonthsAgo, `198.51.100.${i + 11}`);
    const recent: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await visit(env, code, { ua: IPHONE_SAFARI, ip: `198.51.100.${i + 21}` });
      expect(res.statusCode).toBe(302);
      recent.push(new URL(res.headers.location as string).searchParams.get('adv_click')!);
    }
    expect(await inDefault()).toBe(5);
    expect(await rowsIn(nameOf(monthStart(now)))).toBe(4);

    // What the server's hourly upkeep does.
    const created = await ensureClickPartitions(env.database.db);
    expect(created).toEqual([nameOf(monthStart(now, -5)), nameOf(monthStart(now, -4)), nameOf(monthStart(now, -3)), nameOf(monthStart(now, -2)), nameOf(monthStart(now, -1))]);
    expect(await inDefault()).toBe(0);
    expect(await rowsIn(nameOf(monthStart(now, -5)))).toBe(3);
    expect(await rowsIn(nameOf(monthStart(now, -4)))).toBe(2);
    expect(await ensureClickPartitions(env.database.db)).toEqual([]); // nothing left to do
    expect(await reportTotal()).toBe(9);

    // A click id still finds its click across partitions: a sale on a recent click is attributed.
    const sale = await env.app.inject({
      method: 'POST',
      url: '/api/v1/conversions',
      headers: auth,
      payload: { type: 'sale', orderId: 'part-1', amount: 1999, currency: 'EUR', clickId: recent[0] },
    });
    expect(sale.statusCode).toBe(201);
    expect(sale.json().conversion.attribution.clickId).toBe(recent[0]);
  });

  it('retention drops whole old months but the reports keep their totals', async () => {
    await expect(env.command('clicks.prune', { keepMonths: 2 })).rejects.toThrow(/keep at least 3 months of clicks/);
    const pruned = await env.command('clicks.prune', { keepMonths: 3 });
    expect(pruned.dropped).toEqual([nameOf(monthStart(now, -5)), nameOf(monthStart(now, -4))]);
    const names = (await partitions()).map((p) => p.name);
    expect(names).not.toContain(nameOf(monthStart(now, -4)));
    expect(names).toContain(nameOf(monthStart(now, -3)));
    expect(await reportTotal()).toBe(9); // rollups, not raw clicks

    // The raw export only has what is kept.
    const from = monthStart(now, -6).toISOString();
    const csv = await env.app.inject({ method: 'GET', url: `/api/v1/clicks/export.csv?from=${from}&to=${new Date(Date.now() + 60_000).toISOString()}`, headers: auth });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.trim().split('\n').length - 1).toBe(4);
  });

  it('refuses a retention shorter than three months in the configuration', () => {
    expect(() => loadConfig({ ADVOCATE_CLICK_RETENTION_MONTHS: '2' })).toThrow(/ADVOCATE_CLICK_RETENTION_MONTHS must be 0 \(keep every click\) or 3 to 1200 months/);
    expect(loadConfig({ ADVOCATE_CLICK_RETENTION_MONTHS: '13' }).clickRetentionMonths).toBe(13);
    expect(loadConfig({}).clickRetentionMonths).toBe(0);
  });

  it('upgrades a database that has clicks: migration 0011 puts them straight into their month partitions', async () => {
    const schema = engine === 'postgres' ? uniqueSchema() : undefined;
    const database = await openDatabase(engine === 'postgres' ? { url: TEST_DATABASE_URL, schema } : {});
    try {
      const db = database.db;
      await sql`create table schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(db);
      for (const m of (await loadMigrations()).filter((m) => m.version < 11)) {
        await sql.raw(m.sql).execute(db);
        await sql`insert into schema_migrations (version, name) values (${m.version}, ${m.name})`.execute(db);
      }
      const at = [monthStart(now, -3).getTime() + 86400_000, Date.now() - 60_000];
      for (const [i, t] of at.entries()) {
        await sql`insert into clicks (id, workspace_id, link_id, influencer_id, campaign_id, clicked_at, device, source, bot, is_unique)
          values (${`clk_old${i}`}, 'ws_x', 'lnk_x', 'inf_x', 'cmp_x', ${new Date(t).toISOString()}::timestamptz, 'mobile', 'direct', false, true)`.execute(db);
      }
      expect((await migrate(db)).map((m) => m.version)).toContain(11);
      const placed = await sql<{ part: string; id: string }>`select tableoid::regclass::text as part, id from clicks order by id`.execute(db);
      expect(placed.rows.map((r) => [r.id, r.part.replace(/^.*\./, '')])).toEqual([
        ['clk_old0', nameOf(monthStart(now, -3))],
        ['clk_old1', nameOf(monthStart(now))],
      ]);
      expect(await ensureClickPartitions(db)).toEqual([]); // the server finds nothing left to do
    } finally {
      await database.close();
      if (schema) await dropSchema(schema);
    }
  });
});

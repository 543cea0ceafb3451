import { sql } from 'kysely';
import { ensureClickPartitions } from '../src/clicks/click-partitions.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { clickReport } from '../src/reports/index.ts';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../test/helpers/engines.ts';
import { table } from './lib.ts';

const CLICKS = Number(process.env.BENCH_REPORT_CLICKS ?? 10_000_000);
// Raw GROUP BYs over 100M clicks take minutes each: time fewer of them there.
const RAW_RUNS = Number(process.env.BENCH_REPORT_RAW_RUNS ?? (CLICKS >= 50_000_000 ? 1 : 3));
const LINKS = 1000;
const DAYS = 90;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn(); // warm the cache: both sides are measured hot
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** A report over millions of clicks from the rollups, against a raw GROUP BY over the clicks table. */
export async function benchReport(): Promise<void> {
  console.log(`\n## Reports over ${CLICKS.toLocaleString('en')} clicks on PostgreSQL (${LINKS} links, ${DAYS} days)`);
  const schema = uniqueSchema();
  const database = await openDatabase({ url: TEST_DATABASE_URL, schema });
  const db = database.db;
  try {
    await migrate(db);
    const ws = 'ws_bench';
    // Monthly partitions for the whole period first, as the server keeps them.
    const parts = await ensureClickPartitions(db, new Date(), 2, new Date(Date.now() - DAYS * 86400_000));
    let t0 = performance.now();
    // Synthetic clicks straight in SQL (the hot path is measured by bench:redirect), in chunks for progress.
    const CHUNK = 5_000_000;
    for (let start = 1; start <= CLICKS; start += CHUNK) {
      const end = Math.min(CLICKS, start + CHUNK - 1);
      await sql`insert into clicks (id, workspace_id, link_id, influencer_id, campaign_id, clicked_at, country, device, source, bot, is_unique)
        select 'clk_' || g, ${ws}, 'lnk_' || (g % ${LINKS}), 'inf_' || (g % ${LINKS / 4}), 'cmp_' || (g % 5),
          now() - (random() * ${DAYS} * interval '1 day'),
          (array['US','GB','DE','FR','BR','CA','AU','ES'])[1 + (g % 8)],
          (array['mobile','mobile','mobile','desktop','tablet'])[1 + (g % 5)],
          (array['instagram','tiktok','youtube','direct','search','x'])[1 + (g % 6)],
          random() < 0.08, random() < 0.6
        from generate_series(${start}::int8, ${end}::int8) g`.execute(db);
      if (CLICKS > CHUNK) process.stderr.write(`  loaded ${end.toLocaleString('en')} / ${CLICKS.toLocaleString('en')} clicks (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
    }
    const loadMs = performance.now() - t0;
    console.log(`clicks in ${parts.length} monthly partitions`);
    t0 = performance.now();
    // The rollups the delta fold maintains, built here in one pass.
    const counts = sql`count(*), count(*) filter (where not bot), count(*) filter (where is_unique), count(*) filter (where bot)`;
    await sql`insert into click_stats_hourly select workspace_id, link_id, influencer_id, campaign_id, date_trunc('hour', clicked_at), ${counts}
      from clicks group by 1, 2, 3, 4, 5`.execute(db);
    await sql`insert into click_stats_daily select workspace_id, link_id, influencer_id, campaign_id, (clicked_at at time zone 'UTC')::date, ${counts}
      from clicks group by 1, 2, 3, 4, 5`.execute(db);
    for (const dim of ['country', 'source', 'device']) {
      await sql`insert into click_stats_daily_dim select workspace_id, link_id, influencer_id, campaign_id, (clicked_at at time zone 'UTC')::date,
        ${dim}, ${sql.ref(dim)}, ${counts} from clicks group by 1, 2, 3, 4, 5, 7`.execute(db);
    }
    await sql`analyze`.execute(db);
    const rollupMs = performance.now() - t0;
    const rows = await sql<{ n: bigint }>`select (select count(*) from click_stats_daily) + (select count(*) from click_stats_daily_dim) as n`.execute(db);

    const ctx = { db, workspaceId: ws, actor: { kind: 'system' as const, name: 'bench' }, log: undefined as never };
    const from = new Date(Date.now() - DAYS * 86400_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const results: (string | number)[][] = [['report', 'from rollups', 'raw GROUP BY', 'raw ÷ rollups']];
    for (const [groupBy, rawKey] of [
      ['day', sql`(clicked_at at time zone 'UTC')::date`],
      ['source', sql`source`],
      ['influencer', sql`influencer_id`],
    ] as const) {
      const fast = await time(() => clickReport({ ctx, input: { groupBy, from, to } }));
      const slow = await time(
        () => sql`select ${rawKey} as k, ${counts} from clicks where workspace_id = ${ws} and clicked_at >= ${from}::timestamptz
          and clicked_at < ${to}::timestamptz group by 1`.execute(db),
        RAW_RUNS,
      );
      results.push([`groupBy=${groupBy}`, `${fast.toFixed(1)} ms`, `${slow.toFixed(0)} ms`, `${(slow / fast).toFixed(0)}×`]);
    }
    console.log(`loaded in ${(loadMs / 1000).toFixed(0)} s, rollups (${Number(rows.rows[0]!.n).toLocaleString('en')} daily rows) built in ${(rollupMs / 1000).toFixed(0)} s`);
    table(results);
  } finally {
    await database.close();
    await dropSchema(schema);
  }
}

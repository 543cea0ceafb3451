import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import pino from 'pino';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { searchInfluencers, type SearchInfluencersInput } from '../src/discovery/index.ts';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../test/helpers/engines.ts';
import { METRIC_CASTS, METRIC_TYPES, syntheticCreators } from './discovery-synthetic.ts';
import { percentile, table } from './lib.ts';

const CREATORS = Number(process.env.BENCH_CREATORS ?? 1_000_000);
const BATCH = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TARGET_P95_MS = 200;

/** Typical searches: what a brand filters on, alone and combined, with each sort order. */
export const QUERIES: [string, SearchInfluencersInput][] = [
  ['all, by followers', {}],
  ['niche', { niche: 'fitness' }],
  ['tier + niche, by ER', { tier: 'micro', niche: 'beauty-skincare', sort: 'engagement' }],
  ['platform + country + followers range', { platform: 'instagram', country: 'US', minFollowers: '10000', maxFollowers: '100000' }],
  ['min ER + tier, by ER', { minEngagementRate: '0.03', tier: 'nano', sort: 'engagement' }],
  ['audience country ≥ 30%', { audienceCountry: 'DE', minAudienceCountryShare: '0.3' }],
  ['audience female ≥ 70% + niche', { audienceGender: 'female', minAudienceGenderShare: '0.7', niche: 'beauty-skincare' }],
  ['language + has email', { language: 'es', hasEmail: 'true' }],
  ['authenticity ≥ 90 + tier, by authenticity', { minAuthenticity: '90', tier: 'micro', sort: 'authenticity' }],
  ['platform + audience age ≥ 40%', { platform: 'tiktok', audienceAge: '18-24', minAudienceAgeShare: '0.4' }],
  ['two niches + platform', { niche: 'gaming,tech', platform: 'youtube' }],
  ['location text', { location: 'berlin' }],
  ['min ER 3%, by followers', { minEngagementRate: '0.03' }],
  ['low ER macro (bought?)', { maxEngagementRate: '0.002', minFollowers: '100000', sort: 'engagement' }],
  ['tier + country, by ER', { tier: 'macro', country: 'GB', sort: 'engagement' }],
  ['email + authenticity + niche, by ER', { hasEmail: 'true', minAuthenticity: '80', niche: 'travel', sort: 'engagement' }],
  ['3 countries × 2 niches + tier', { country: 'FR,IT,ES', niche: 'fashion,sustainable-fashion', tier: 'micro' }],
  ['rare combination', { niche: 'automotive', country: 'SE', tier: 'macro', audienceGender: 'female', minAudienceGenderShare: '0.5' }],
  ['fit: brief + niche', { brief: 'vegan meal prep recipes for busy weeknights', niche: 'food-beverage' }],
  ['fit: brief + audience', { brief: 'home workout strength training for beginners', audienceCountry: 'US', minAudienceCountryShare: '0.4', tier: 'micro' }],
];

async function timeMs(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/**
 * 1M synthetic creators in a fresh PostgreSQL schema, then p50/p95 of 20 typical searches through
 * the search verb, beside a `select 1` round trip and an unfiltered count measured in the same run.
 */
export async function benchDiscoverySearch(): Promise<void> {
  console.log(`\n## Creator search over ${CREATORS.toLocaleString('en')} creators on PostgreSQL (target p95 ≤ ${TARGET_P95_MS} ms)`);
  const schema = uniqueSchema();
  const database = await openDatabase({ url: TEST_DATABASE_URL, schema, poolSize: 4 });
  const db = database.db;
  try {
    await migrate(db);
    const ws = 'ws_benchdiscovery';
    await db.insertInto('workspaces').values({ id: ws, slug: 'bench-discovery', name: 'Bench', settings: '{}' }).execute();
    // Bulk load as one would restore: indexes dropped, rows in, indexes rebuilt, statistics gathered.
    const indexes = await sql<{ indexname: string; indexdef: string }>`
      select indexname, indexdef from pg_indexes where schemaname = ${schema} and tablename = 'creator_metrics' and indexname not like '%pkey'`.execute(db);
    for (const i of indexes.rows) await sql.raw(`drop index "${schema}"."${i.indexname}"`).execute(db);
    let t0 = performance.now();
    const next = syntheticCreators(20_260_101);
    const columns = Object.keys(METRIC_TYPES);
    let pending: Promise<unknown> = Promise.resolve();
    for (let start = 0; start < CREATORS; start += BATCH) {
      const b = next(ws, start, Math.min(BATCH, CREATORS - start));
      await pending; // generate the next batch while the previous one is written
      pending = (async () => {
        await sql`insert into influencers (id, workspace_id, name, handles)
          select id, workspace_id, name, handles::jsonb from unnest(${b.influencers.id}::text[], ${b.influencers.workspace_id}::text[], ${b.influencers.name}::text[], ${b.influencers.handles}::text[])
          as t(id, workspace_id, name, handles)`.execute(db);
        const args = sql.join(columns.map((c) => sql`${b.metrics[c]}::${sql.raw(METRIC_TYPES[c]!)}[]`));
        const select = sql.join(columns.map((c) => (METRIC_CASTS[c] ? sql.raw(`${c}::${METRIC_CASTS[c]}`) : sql.raw(c))));
        await sql`insert into creator_metrics (${sql.raw(columns.join(', '))})
          select ${select} from unnest(${args}) as t(${sql.raw(columns.join(', '))})`.execute(db);
      })();
    }
    await pending;
    const loadMs = performance.now() - t0;
    t0 = performance.now();
    for (const i of indexes.rows) await sql.raw(i.indexdef).execute(db);
    await sql`analyze influencers`.execute(db);
    await sql`analyze creator_metrics`.execute(db);
    const indexMs = performance.now() - t0;
    const size = await sql<{ s: string }>`select pg_size_pretty(pg_total_relation_size('creator_metrics')) as s`.execute(db);
    console.log(`loaded in ${(loadMs / 1000).toFixed(0)} s, indexed in ${(indexMs / 1000).toFixed(0)} s; creator_metrics with indexes: ${size.rows[0]!.s}`);

    const ctx = { db, workspaceId: ws, actor: { kind: 'system' as const, name: 'bench' }, log: pino({ level: 'silent' }) };
    const ping: number[] = [];
    for (let i = 0; i < 200; i++) ping.push(await timeMs(() => sql`select 1`.execute(db)));
    ping.sort((a, b) => a - b);
    const count: number[] = [];
    for (let i = 0; i < 5; i++) count.push(await timeMs(() => sql`select count(*) from creator_metrics where workspace_id = ${ws}`.execute(db)));
    count.sort((a, b) => a - b);
    const baseline = percentile(ping, 50);

    const rows: (string | number)[][] = [['search', 'p50', 'p95', '× select 1 (p50)', 'results']];
    const all: number[] = [];
    for (const [name, input] of QUERIES) {
      const first = await searchInfluencers({ ctx, input }); // warm: plans and pages cached, as in steady use
      const ms: number[] = [];
      for (let r = 0; r < RUNS; r++) ms.push(await timeMs(() => searchInfluencers({ ctx, input })));
      ms.sort((a, b) => a - b);
      all.push(...ms);
      rows.push([name, fmt(percentile(ms, 50)), fmt(percentile(ms, 95)), `${(percentile(ms, 50) / baseline).toFixed(0)}×`, first.data.length]);
    }
    // Deep pagination: the third page of a sorted, filtered search.
    const deep: number[] = [];
    const page1 = await searchInfluencers({ ctx, input: { niche: 'fitness', sort: 'engagement' } });
    const page2 = await searchInfluencers({ ctx, input: { niche: 'fitness', sort: 'engagement', cursor: page1.nextCursor! } });
    for (let r = 0; r < RUNS; r++) deep.push(await timeMs(() => searchInfluencers({ ctx, input: { niche: 'fitness', sort: 'engagement', cursor: page2.nextCursor! } })));
    deep.sort((a, b) => a - b);
    rows.push(['(page 3 of niche, by ER)', fmt(percentile(deep, 50)), fmt(percentile(deep, 95)), `${(percentile(deep, 50) / baseline).toFixed(0)}×`, 20]);
    all.sort((a, b) => a - b);
    table([
      ['baseline', 'p50', 'p95'],
      ['select 1 round trip', fmt(percentile(ping, 50)), fmt(percentile(ping, 95))],
      ['count(*) of the workspace', fmt(percentile(count, 50)), fmt(percentile(count, 95))],
    ]);
    console.log('');
    table(rows);
    const p95 = percentile(all, 95);
    console.log(`\nall ${QUERIES.length} searches × ${RUNS} runs: p50 ${fmt(percentile(all, 50))}, p95 ${fmt(p95)} (${(p95 / percentile(count, 50)).toFixed(2)}× an unfiltered count); target p95 ≤ ${TARGET_P95_MS} ms: ${p95 <= TARGET_P95_MS ? 'met' : 'NOT met'}`);
  } finally {
    await database.close();
    // BENCH_KEEP_SCHEMA=1 leaves the data for EXPLAIN sessions; the schema name is printed.
    if (process.env.BENCH_KEEP_SCHEMA) console.log(`kept schema ${schema}`);
    else await dropSchema(schema);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchDiscoverySearch();
  process.exit(0);
}

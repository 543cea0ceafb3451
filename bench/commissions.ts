import { sql } from 'kysely';
import { evaluateCommission, parseCommissionPlan } from '../src/commissions/rules/index.ts';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { getBalances } from '../src/ledger/balances.ts';
import { dropSchema, TEST_DATABASE_URL, uniqueSchema } from '../test/helpers/engines.ts';
import { percentile, table } from './lib.ts';

const CONVERSIONS = Number(process.env.BENCH_COMMISSION_CONVERSIONS ?? 1_000_000);
const CREATORS = 10_000;
const ENTRIES = Number(process.env.BENCH_LEDGER_ENTRIES ?? 5_000_000);

async function timeQueries(n: number, fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

/** Commission evaluation throughput (pure) and ledger balance queries at 10k creators / 5M entries. */
export async function benchCommissions(): Promise<void> {
  console.log(`\n## Commissions: evaluating ${CONVERSIONS.toLocaleString('en')} conversions; balances over ${ENTRIES.toLocaleString('en')} ledger entries`);
  const plans = [
    { type: 'percent', percent: 10 },
    { type: 'tiered', mode: 'marginal', metric: 'revenue', currency: 'USD', period: 'month', tiers: [{ from: 0, percent: 5 }, { from: 100000, percent: 10 }] },
    { type: 'percent', percent: 12.5, splits: [{ influencerId: 'a', share: 60 }, { influencerId: 'b', share: 40 }], bonuses: [{ metric: 'sales', threshold: 50, period: 'month', amount: 10000, currency: 'USD' }] },
  ].map((p) => {
    const r = parseCommissionPlan(p);
    if (!r.success) throw new Error(JSON.stringify(r.error.issues));
    return r.data;
  });
  const conv = (i: number) => ({ id: `c${i}`, type: 'sale' as const, amount: BigInt(1000 + (i % 50000)), currency: 'USD', tax: 80n, shipping: 20n, isFirstOrderOfCustomer: i % 3 === 0, occurredAt: new Date(1_700_000_000_000 + i * 1000), influencerId: 'a' });
  const stats = (i: number) => ({ month: { salesCountInPeriod: i % 80, revenueInPeriod: BigInt((i % 80) * 3000) } });

  let t0 = performance.now();
  let sink = 0n;
  for (let i = 0; i < CONVERSIONS; i++) sink += (conv(i).amount * 10n) / 100n; // baseline: building the input and one bigint percent
  const baseline = CONVERSIONS / ((performance.now() - t0) / 1000);
  const rows: (string | number)[][] = [['work', 'per second', 'vs baseline']];
  rows.push(['baseline: build conversion + bigint 10%', baseline.toFixed(0), '1.00×']);
  for (const [name, plan] of [['percent 10%', plans[0]!], ['tiered marginal (revenue, month)', plans[1]!], ['12.5% split 60/40 + milestone bonus', plans[2]!]] as const) {
    t0 = performance.now();
    for (let i = 0; i < CONVERSIONS; i++) sink += BigInt(evaluateCommission({ plan, conversion: conv(i), stats: stats(i) }).lines.length);
    const rate = CONVERSIONS / ((performance.now() - t0) / 1000);
    rows.push([`evaluateCommission: ${name}`, rate.toFixed(0), `${(rate / baseline).toFixed(2)}×`]);
  }
  table(rows);
  void sink;

  const schema = uniqueSchema();
  const database = await openDatabase({ url: TEST_DATABASE_URL, schema });
  try {
    await migrate(database.db);
    const db = database.db;
    t0 = performance.now();
    await sql`insert into ledger_entries (workspace_id, txn_id, account, influencer_id, currency, amount, memo)
      select 'ws_bench', 'txn_' || (g / 2), (array['creator:pending','creator:payable','creator:paid'])[1 + (g % 3)],
        'inf_' || (g % ${CREATORS}), (array['USD','EUR','GBP'])[1 + (g % 3)], (g % 9000) - 4000, 'bench'
      from generate_series(1, ${ENTRIES}) g`.execute(db);
    await sql`analyze ledger_entries`.execute(db);
    const loadS = (performance.now() - t0) / 1000;
    const ctx = { db, workspaceId: 'ws_bench', actor: { kind: 'system' as const, name: 'bench' }, log: undefined as never };
    const ping = await timeQueries(200, () => sql`select 1`.execute(db));
    const one = await timeQueries(200, (i) => getBalances({ ctx, input: { influencerId: `inf_${(i * 7919) % CREATORS}` } }));
    const all = await timeQueries(5, () => getBalances({ ctx, input: {} }));
    console.log(`(${ENTRIES.toLocaleString('en')} entries for ${CREATORS.toLocaleString('en')} creators loaded in ${loadS.toFixed(0)} s)`);
    table([
      ['query', 'p50', 'p95'],
      ['select 1 (baseline round trip)', `${ping.p50.toFixed(2)} ms`, `${ping.p95.toFixed(2)} ms`],
      ["one creator's balances", `${one.p50.toFixed(2)} ms`, `${one.p95.toFixed(2)} ms`],
      ['every creator (10k × 3 currencies)', `${all.p50.toFixed(0)} ms`, `${all.p95.toFixed(0)} ms`],
    ]);
  } finally {
    await database.close();
    await dropSchema(schema);
  }
}

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { programWithPlan } from '../helpers/money-flow.ts';

const CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD', 'GBP'] as const;

/** Half-even rounding of a / b for non-negative bigints: the reference model's own, written independently. */
function halfEven(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  if (r * 2n > b) return q + 1n;
  if (r * 2n < b) return q;
  return q % 2n === 0n ? q : q + 1n;
}

type Op =
  | { kind: 'sale'; creator: number; currency: (typeof CURRENCIES)[number]; amount: number }
  | { kind: 'refund'; sale: number; share: number }
  | { kind: 'approve' }
  | { kind: 'batch'; currency: (typeof CURRENCIES)[number]; outcome: 'paid' | 'failed' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sale' as const), creator: fc.integer({ min: 0, max: 2 }), currency: fc.constantFrom(...CURRENCIES), amount: fc.integer({ min: 1, max: 5_000_000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refund' as const), sale: fc.nat(), share: fc.double({ min: 0.01, max: 1, noNaN: true }) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'approve' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('batch' as const), currency: fc.constantFrom(...CURRENCIES), outcome: fc.constantFrom('paid' as const, 'failed' as const) }) },
);

describe.each(ENGINES)('ledger invariants under random streams of money events on %s', { timeout: 300_000 }, (engine) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv(engine);
  });
  afterAll(() => env?.close());

  it('balances every transaction, derives balances from entries and matches an independent model to the minor unit', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 22 }), async (ops) => {
        run++;
        const w = await workspaceWithKey(env);
        const call = (method: 'GET' | 'POST', url: string, payload?: unknown) => env.app.inject({ method, url, headers: w.auth, ...(payload ? { payload: payload as object } : {}) });
        const creators = [];
        for (let i = 0; i < 3; i++) creators.push(await programWithPlan(env, w.auth, { type: 'percent', percent: 10, base: 'gross' }, `C${run}x${i}`));
        const sales: { id: string; creator: number; currency: string; amount: bigint; refunded: bigint }[] = [];
        let key = 0;
        for (const o of ops) {
          if (o.kind === 'sale') {
            const s = await creators[o.creator]!.sell({ amount: o.amount, currency: o.currency });
            sales.push({ id: s.id, creator: o.creator, currency: o.currency, amount: BigInt(o.amount), refunded: 0n });
          } else if (o.kind === 'refund' && sales.length) {
            const s = sales[o.sale % sales.length]!;
            const left = s.amount - s.refunded;
            const amount = BigInt(Math.max(1, Math.floor(Number(left) * o.share)));
            if (left <= 0n) continue;
            const res = await call('POST', `/api/v1/conversions/${s.id}/refunds`, { refundId: `r${++key}`, amount: Number(amount > left ? left : amount), currency: s.currency });
            expect(res.statusCode, res.body).toBe(201);
            s.refunded += amount > left ? left : amount;
          } else if (o.kind === 'approve') {
            const pending = (await call('GET', '/api/v1/commissions?status=pending&limit=500')).json().data.map((c: { id: string }) => c.id);
            if (pending.length) expect((await call('POST', '/api/v1/commissions/approve', { ids: pending })).statusCode).toBe(200);
          } else if (o.kind === 'batch') {
            const b = (await call('POST', '/api/v1/payouts/batches', { currency: o.currency, idempotencyKey: `b${++key}` })).json().batch;
            if (b.items.length) expect((await call('POST', `/api/v1/payouts/batches/${b.id}/mark-${o.outcome}`, {})).statusCode).toBe(200);
          }
        }
        // 1. Every ledger transaction sums to zero per currency.
        const sums = await env.database.db
          .selectFrom('ledger_entries')
          .select(['txn_id', 'currency'])
          .select((eb) => eb.fn.sum<bigint>('amount').as('s'))
          .where('workspace_id', '=', w.workspace.id)
          .groupBy(['txn_id', 'currency'])
          .execute();
        expect(sums.filter((r) => BigInt(r.s) !== 0n)).toEqual([]);
        // 2. Balances from entries agree with the commissions' states; 3. and with the model.
        const balances = (await call('GET', '/api/v1/ledger/balances')).json().data as { influencerId: string; currency: string; pending: number; payable: number; paid: number }[];
        const commissions = await env.database.db.selectFrom('commissions').selectAll().where('workspace_id', '=', w.workspace.id).execute();
        for (const [i, c] of creators.entries()) {
          for (const currency of CURRENCIES) {
            const mine = commissions.filter((x) => x.influencer_id === c.influencer.id && x.currency === currency);
            const sum = (status: string) => mine.filter((x) => x.status === status).reduce((s, x) => s + x.amount, 0n);
            const bal = balances.find((b) => b.influencerId === c.influencer.id && b.currency === currency) ?? { pending: 0, payable: 0, paid: 0 };
            expect(BigInt(bal.pending)).toBe(sum('pending'));
            expect(BigInt(bal.paid)).toBe(sum('paid'));
            expect(BigInt(bal.payable)).toBe(sum('approved')); // approved − paid − clawbacks (clawbacks are negative approved lines)
            const expected = sales
              .filter((s) => s.creator === i && s.currency === currency)
              .reduce((t, s) => {
                const earned = halfEven(s.amount * 10n, 100n);
                return t + earned - halfEven(earned * s.refunded, s.amount);
              }, 0n);
            expect(sum('pending') + sum('approved') + sum('paid')).toBe(expected);
          }
        }
      }),
      { numRuns: 15, seed: 20261124 },
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { programWithPlan } from '../helpers/money-flow.ts';

describe.each(ENGINES)('listing payout batches on %s', (engine) => {
  let env: TestEnv;
  let w: Awaited<ReturnType<typeof workspaceWithKey>>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    env = await createTestEnv(engine);
    w = await workspaceWithKey(env);
    const paypal = await programWithPlan(env, w.auth, { type: 'percent', percent: 10 }, 'Pia');
    const bank = await programWithPlan(env, w.auth, { type: 'percent', percent: 10 }, 'Bea');
    const put = (id: string, details: unknown) => env.app.inject({ method: 'PUT', url: `/api/v1/influencers/${id}/payout-details`, headers: w.auth, payload: details as object });
    expect((await put(paypal.influencer.id, { method: 'paypal', paypalEmail: 'pia@example.com' })).statusCode).toBe(200);
    expect((await put(bank.influencer.id, { method: 'bank', iban: 'FR14 2004 1010 0505 0001 3M02 606', bic: 'BNPAFRPP', accountHolder: 'Bea Martin' })).statusCode).toBe(200);
    const approveAll = async () => {
      const pending = (await get('/api/v1/commissions?status=pending')).data.map((c: { id: string }) => c.id);
      expect((await post('/api/v1/commissions/approve', { ids: pending })).statusCode).toBe(200);
    };
    const batch = async (key: string) => {
      const res = await post('/api/v1/payouts/batches', { currency: 'USD', idempotencyKey: key });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().batch.id as string;
    };
    await paypal.sell({ amount: 10000 });
    await bank.sell({ amount: 20000 });
    await approveAll();
    ids.mixed = await batch('first'); // Pia 10.00 by PayPal and Bea 20.00 by bank
    await paypal.sell({ amount: 5000 });
    await approveAll();
    ids.paypal = await batch('second'); // Pia 5.00 by PayPal
    ids.empty = await batch('third'); // nothing left to pay
  });
  afterAll(() => env?.close());

  const get = async (url: string, auth = w.auth) => (await env.app.inject({ method: 'GET', url, headers: auth })).json();
  const post = (url: string, payload: unknown = {}) => env.app.inject({ method: 'POST', url, headers: w.auth, payload: payload as object });

  it('lists the newest batch first with its currency, method, item count and total', async () => {
    const page = await get('/api/v1/payouts/batches');
    expect(page.nextCursor).toBeNull();
    expect(page.data.map((b: { id: string }) => b.id)).toEqual([ids.empty, ids.paypal, ids.mixed]);
    expect(page.data[2]).toMatchObject({ id: ids.mixed, status: 'open', currency: 'USD', method: 'mixed', methods: ['bank', 'paypal'], itemCount: 2, paidCount: 0, failedCount: 0, total: 3000 });
    expect(page.data[1]).toMatchObject({ method: 'paypal', methods: ['paypal'], itemCount: 1, total: 500 });
    expect(page.data[0]).toMatchObject({ method: null, methods: [], itemCount: 0, total: 0 });
    expect(Date.parse(page.data[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(page.data[2].createdAt));
  });

  it('pages with a cursor until nextCursor is null', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { id: string }[]; nextCursor: string | null } = await get(`/api/v1/payouts/batches?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.data).toHaveLength(1);
      seen.push(page.data[0]!.id);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.empty, ids.paypal, ids.mixed]);
  });

  it('shows settlement in the status and counts, and filters by status and currency', async () => {
    const [bankItem] = (await get(`/api/v1/payouts/batches/${ids.mixed}`)).batch.items.filter((i: { method: string }) => i.method === 'bank');
    expect((await post(`/api/v1/payouts/batches/${ids.mixed}/mark-paid`, { itemIds: [bankItem.id] })).statusCode).toBe(200);
    expect((await post(`/api/v1/payouts/batches/${ids.paypal}/mark-failed`, { reason: 'PayPal account closed' })).statusCode).toBe(200);
    const all = (await get('/api/v1/payouts/batches')).data;
    expect(all.find((b: { id: string }) => b.id === ids.mixed)).toMatchObject({ status: 'open', paidCount: 1, failedCount: 0 });
    expect(all.find((b: { id: string }) => b.id === ids.paypal)).toMatchObject({ status: 'failed', paidCount: 0, failedCount: 1 });
    expect((await get('/api/v1/payouts/batches?status=failed')).data.map((b: { id: string }) => b.id)).toEqual([ids.paypal]);
    expect((await get('/api/v1/payouts/batches?currency=EUR')).data).toEqual([]);
    expect((await get('/api/v1/payouts/batches?currency=USD')).data).toHaveLength(3);
  });

  it("never shows another workspace's batches", async () => {
    const other = await workspaceWithKey(env);
    expect(await get('/api/v1/payouts/batches', other.auth)).toEqual({ data: [], nextCursor: null });
  });

  it('refuses a bad cursor, limit or status in words', async () => {
    const bad = async (query: string) => {
      const res = await env.app.inject({ method: 'GET', url: `/api/v1/payouts/batches?${query}`, headers: w.auth });
      expect(res.statusCode).toBe(400);
      return res.json().error.message as string;
    };
    expect(await bad('cursor=nope')).toMatch(/cursor/);
    expect(await bad('limit=0')).toMatch(/limit must be a whole number from 1 to 200/);
    expect(await bad('status=done')).toMatch(/status must be one of open, paid, partially_paid, failed/);
  });
});

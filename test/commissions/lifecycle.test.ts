import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { programWithPlan } from '../helpers/money-flow.ts';

describe.each(ENGINES)('commissions, ledger and payouts on %s', (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    auth = (await workspaceWithKey(env)).auth;
  });
  afterAll(() => env?.close());
  afterEach(() => vi.useRealTimers());

  const get = async (url: string) => (await env.app.inject({ method: 'GET', url, headers: auth })).json();
  const post = (url: string, payload: unknown = {}) => env.app.inject({ method: 'POST', url, headers: auth, payload: payload as object });
  const balances = async (influencerId: string) => (await get(`/api/v1/ledger/balances?influencerId=${influencerId}`)).data;
  const unbalanced = async () =>
    (await env.database.db.selectFrom('ledger_entries').select(['txn_id', 'currency']).select((eb) => eb.fn.sum<bigint>('amount').as('s')).groupBy(['txn_id', 'currency']).execute()).filter((r) => BigInt(r.s) !== 0n);

  it('pays 10% of the net (tax and shipping excluded), pending for the hold, explained in words', async () => {
    const p = await programWithPlan(env, auth, { type: 'percent', percent: 10 });
    const sale = await p.sell({ amount: 10000, tax: 800, shipping: 200 });
    const [c] = await p.commissions();
    expect(c).toMatchObject({ amount: 900, currency: 'USD', status: 'pending', kind: 'sale', conversionId: sale.id });
    expect(c.payableOn).toBe(new Date(Date.parse(sale.conversion.occurredAt) + 30 * 86400_000).toISOString().slice(0, 10));
    const explained = (await get(`/api/v1/commissions/${c.id}`)).commission;
    expect(explained.explanation).toMatch(/10%/);
    expect(explained.explanation).toMatch(/90\.00 USD/);
    expect(explained.explanation).toMatch(/9\.00 USD/);
    expect(await balances(p.influencer.id)).toEqual([{ influencerId: p.influencer.id, currency: 'USD', pending: 900, payable: 0, paid: 0 }]);
  });

  it('pays fixed per sale, per lead, tiered by volume, milestone bonuses and splits', async () => {
    const fixed = await programWithPlan(env, auth, { type: 'fixed', amount: 500, currency: 'USD' }, 'Fix');
    await fixed.sell({ amount: 9999 });
    expect((await fixed.commissions()).map((c: any) => c.amount)).toEqual([500]);

    const lead = await programWithPlan(env, auth, { type: 'per_lead', amount: 150, currency: 'USD' }, 'Lea');
    await lead.sell({ type: 'lead', amount: undefined, currency: undefined });
    expect((await lead.commissions()).map((c: any) => [c.kind, c.amount])).toEqual([['lead', 150]]);

    const tiered = await programWithPlan(env, auth, { type: 'tiered', mode: 'whole-volume', metric: 'sales', period: 'month', tiers: [{ from: 0, percent: 5 }, { from: 2, percent: 10 }] }, 'Tie');
    for (let i = 0; i < 3; i++) await tiered.sell({ amount: 10000 });
    // whole-volume: the tier reached counting this sale pays the whole sale (the 2nd and 3rd sales earn 10%)
    expect((await tiered.commissions()).map((c: any) => c.amount).sort()).toEqual([1000, 1000, 500]);

    const bonus = await programWithPlan(env, auth, { type: 'percent', percent: 10, bonuses: [{ metric: 'sales', threshold: 2, period: 'month', amount: 10000, currency: 'USD' }] }, 'Bon');
    await bonus.sell({ amount: 1000 });
    await bonus.sell({ amount: 1000 });
    expect((await bonus.commissions()).map((c: any) => [c.kind, c.amount]).sort()).toEqual([['bonus', 10000], ['sale', 100], ['sale', 100]]);

    const partner = (await env.app.inject({ method: 'POST', url: '/api/v1/influencers', headers: auth, payload: { name: 'Partner' } })).json().influencer;
    const split = await programWithPlan(env, auth, { type: 'percent', percent: 10 }, 'Spl');
    const override = await env.app.inject({
      method: 'PUT',
      url: `/api/v1/campaigns/${split.campaign.id}/commission-plans/${split.influencer.id}`,
      headers: auth,
      payload: { plan: { type: 'percent', percent: 12, splits: [{ influencerId: split.influencer.id, share: 60 }, { influencerId: partner.id, share: 40 }] } },
    });
    expect(override.statusCode).toBe(200);
    const sale = await split.sell({ amount: 10001 });
    const lines = (await get(`/api/v1/commissions?conversionId=${sale.id}`)).data;
    expect(lines.map((c: any) => c.amount).reduce((a: number, b: number) => a + b, 0)).toBe(1200); // 12% of 100.01 = 12.0012 → 12.00
    expect(new Set(lines.map((c: any) => c.influencerId))).toEqual(new Set([split.influencer.id, partner.id]));
  });

  it('refuses invalid plans with the field named', async () => {
    for (const [plan, message] of [
      [{ type: 'percent', percent: 120 }, /commissionPlan\.percent/],
      [{ type: 'fixed', amount: 500, currency: 'usd' }, /commissionPlan\.currency/],
      [{ type: 'bogus' }, /commissionPlan/],
    ] as const) {
      const res = await env.app.inject({ method: 'POST', url: '/api/v1/campaigns', headers: auth, payload: { name: 'Bad plan', destinationUrl: 'https://x.example.com/', commissionPlan: plan } });
      expect(res.statusCode, JSON.stringify(plan)).toBe(400);
      expect(res.json().error.message).toMatch(message);
    }
  });

  it('moves pending to approved manually or when the hold ends, rejects with a reason, and keeps the ledger balanced', async () => {
    const p = await programWithPlan(env, auth, { type: 'percent', percent: 10, holdDays: 14 }, 'Hol');
    await p.sell({ amount: 1000 });
    await p.sell({ amount: 2000 });
    await p.sell({ amount: 3000 });
    const [c3, c2, c1] = await p.commissions();
    const rejected = await post(`/api/v1/commissions/${c3.id}/reject`, { reason: 'order was a test purchase' });
    expect(rejected.json().commission).toMatchObject({ status: 'rejected', reason: 'order was a test purchase' });
    expect((await post(`/api/v1/commissions/${c3.id}/reject`, { reason: 'again' })).statusCode).toBe(412);
    const bulk = await post('/api/v1/commissions/approve', { ids: [c1.id] });
    expect(bulk.json().data.map((c: any) => c.status)).toEqual(['approved']);
    expect((await post('/api/v1/commissions/approve-due')).json().data).toEqual([]);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 15 * 86400_000);
    const due = await post('/api/v1/commissions/approve-due');
    vi.useRealTimers();
    expect(due.json().data.map((c: any) => c.id)).toEqual([c2.id]);
    expect(await balances(p.influencer.id)).toEqual([{ influencerId: p.influencer.id, currency: 'USD', pending: 0, payable: 300, paid: 0 }]);
    expect(await unbalanced()).toEqual([]);
  });

  it('cancels unpaid commissions on a full refund and adjusts on a partial one', async () => {
    const p = await programWithPlan(env, auth, { type: 'percent', percent: 10 }, 'Ref');
    const full = await p.sell({ amount: 5000 });
    const part = await p.sell({ amount: 3333 });
    await post(`/api/v1/conversions/${full.id}/refunds`, { refundId: 'r-full', amount: 5000, currency: 'USD' });
    await post(`/api/v1/conversions/${part.id}/refunds`, { refundId: 'r-part', amount: 1111, currency: 'USD' });
    const all = await p.commissions();
    const cancelled = all.find((c: any) => c.conversionId === full.id && c.kind === 'sale');
    expect(cancelled).toMatchObject({ status: 'cancelled', reason: expect.stringContaining('fully refunded') });
    const adj = all.find((c: any) => c.conversionId === part.id && c.kind === 'adjustment');
    expect(adj).toMatchObject({ amount: -111, status: 'pending' }); // 333 × 1111/3333 = 111
    expect(await balances(p.influencer.id)).toEqual([{ influencerId: p.influencer.id, currency: 'USD', pending: 222, payable: 0, paid: 0 }]);
    expect(await unbalanced()).toEqual([]);
  });

  it('batches payable balances above the threshold once, exports them, and claws back refunds after payout', async () => {
    const w = await workspaceWithKey(env);
    const balancesW = async (id: string) => (await env.app.inject({ method: 'GET', url: `/api/v1/ledger/balances?influencerId=${id}`, headers: w.auth })).json().data;
    const a = await programWithPlan(env, w.auth, { type: 'percent', percent: 10 }, 'Payee');
    const small = await programWithPlan(env, w.auth, { type: 'percent', percent: 10 }, 'Small');
    await env.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: w.auth, payload: { settings: { payoutThresholds: { USD: 1000 } } } });
    const put = (id: string, details: unknown) => env.app.inject({ method: 'PUT', url: `/api/v1/influencers/${id}/payout-details`, headers: w.auth, payload: details as object });
    expect((await put(a.influencer.id, { method: 'paypal', paypalEmail: 'payee@example.com' })).statusCode).toBe(200);
    const badIban = await put(small.influencer.id, { method: 'bank', iban: 'DE89 3704 0044 0532 0130 01', accountHolder: 'Small' });
    expect(badIban.statusCode).toBe(400);
    expect(badIban.json().error.message).toMatch(/^iban: /);
    const sale = await a.sell({ amount: 50000 });
    await a.sell({ amount: 30000 });
    await small.sell({ amount: 5000 });
    const ids = (await env.app.inject({ method: 'GET', url: '/api/v1/commissions?status=pending', headers: w.auth })).json().data.map((c: any) => c.id);
    await env.app.inject({ method: 'POST', url: '/api/v1/commissions/approve', headers: w.auth, payload: { ids } });

    const [b1, b2] = await Promise.all(
      ['k1', 'k2'].map((k) => env.app.inject({ method: 'POST', url: '/api/v1/payouts/batches', headers: w.auth, payload: { currency: 'USD', idempotencyKey: k } })),
    );
    const batches = [b1!.json().batch, b2!.json().batch];
    const items = batches.flatMap((b) => b.items);
    expect(items).toHaveLength(1); // one batch took Payee's 80.00; Small's 5.00 is under the threshold
    expect(items[0]).toMatchObject({ influencerId: a.influencer.id, amount: 8000, method: 'paypal' });
    const batch = batches.find((b) => b.items.length === 1);
    const again = await env.app.inject({ method: 'POST', url: '/api/v1/payouts/batches', headers: w.auth, payload: { currency: 'USD', idempotencyKey: batch.idempotencyKey } });
    expect(again.statusCode).toBe(200);
    expect(again.json().batch.id).toBe(batch.id);

    const csv = await env.app.inject({ method: 'GET', url: `/api/v1/payouts/batches/${batch.id}/export?format=paypal-csv`, headers: w.auth });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.body).toContain('payee@example.com');
    expect(csv.body).toContain('80.00');
    const json = await env.app.inject({ method: 'GET', url: `/api/v1/payouts/batches/${batch.id}/export?format=paypal-json`, headers: w.auth });
    expect(JSON.parse(json.body).items[0]).toMatchObject({ receiver: 'payee@example.com', amount: { value: '80.00', currency: 'USD' } });

    const paid = await env.app.inject({ method: 'POST', url: `/api/v1/payouts/batches/${batch.id}/mark-paid`, headers: w.auth, payload: {} });
    expect(paid.json()).toEqual({ settled: 1, status: 'paid' });
    expect(await balancesW(a.influencer.id)).toEqual([{ influencerId: a.influencer.id, currency: 'USD', pending: 0, payable: 0, paid: 8000 }]);

    await env.app.inject({ method: 'POST', url: `/api/v1/conversions/${sale.id}/refunds`, headers: w.auth, payload: { refundId: 'late', amount: 50000, currency: 'USD' } });
    const clawback = (await env.app.inject({ method: 'GET', url: `/api/v1/commissions?influencerId=${a.influencer.id}`, headers: w.auth })).json().data.find((c: any) => c.amount < 0);
    expect(clawback).toMatchObject({ amount: -5000, status: 'approved', reason: expect.stringMatching(/^clawback/) });
    expect(await balancesW(a.influencer.id)).toEqual([{ influencerId: a.influencer.id, currency: 'USD', pending: 0, payable: -5000, paid: 8000 }]);
    await a.sell({ amount: 70000 });
    const next = (await env.app.inject({ method: 'GET', url: '/api/v1/commissions?status=pending', headers: w.auth })).json().data.map((c: any) => c.id);
    await env.app.inject({ method: 'POST', url: '/api/v1/commissions/approve', headers: w.auth, payload: { ids: next } });
    const b3 = (await env.app.inject({ method: 'POST', url: '/api/v1/payouts/batches', headers: w.auth, payload: { currency: 'USD', idempotencyKey: 'k3' } })).json().batch;
    expect(b3.items.find((i: any) => i.influencerId === a.influencer.id).amount).toBe(2000); // 70.00 earned − 50.00 clawed back

    const failed = await env.app.inject({ method: 'POST', url: `/api/v1/payouts/batches/${b3.id}/mark-failed`, headers: w.auth, payload: { reason: 'PayPal account closed' } });
    expect(failed.json().status).toBe('failed');
    const b4 = (await env.app.inject({ method: 'POST', url: '/api/v1/payouts/batches', headers: w.auth, payload: { currency: 'USD', idempotencyKey: 'k4' } })).json().batch;
    expect(b4.items.find((i: any) => i.influencerId === a.influencer.id).amount).toBe(2000); // the failure returned the balance

    const statement = await env.app.inject({ method: 'GET', url: `/api/v1/influencers/${a.influencer.id}/statement?from=2000-01-01&to=2100-01-01&format=csv`, headers: w.auth });
    expect(statement.body.split('\n')[0]).toBe('date,kind,reference,description,status,amount,currency');
    expect(statement.body).toMatch(/clawback/);
    expect(statement.body).toMatch(/payout,pit_/);
    const html = await env.app.inject({ method: 'GET', url: `/api/v1/influencers/${a.influencer.id}/statement?from=2000-01-01&to=2100-01-01`, headers: w.auth });
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('Statement for Payee');
    expect(await unbalanced()).toEqual([]);
  });

  it("keeps money private to the workspace", async () => {
    const p = await programWithPlan(env, auth, { type: 'percent', percent: 10 }, 'Priv');
    await p.sell({ amount: 1000 });
    const [c] = await p.commissions();
    const other = await workspaceWithKey(env);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/commissions/${c.id}`, headers: other.auth })).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'POST', url: '/api/v1/commissions/approve', headers: other.auth, payload: { ids: [c.id] } })).statusCode).toBe(404);
    expect((await env.app.inject({ method: 'GET', url: `/api/v1/ledger/balances?influencerId=${p.influencer.id}`, headers: other.auth })).json().data).toEqual([]);
    expect((await env.app.inject({ method: 'PUT', url: `/api/v1/influencers/${p.influencer.id}/payout-details`, headers: other.auth, payload: { method: 'paypal', paypalEmail: 'x@y.com' } })).statusCode).toBe(404);
  });
});

describe('SEPA export of a euro batch, validated against the pain.001.001.03 XSD', { timeout: 120_000 }, () => {
  it('exports bank payouts as XML that the schema accepts', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    const env = await createTestEnv('pglite');
    try {
      const w = await workspaceWithKey(env);
      await env.app.inject({ method: 'PATCH', url: '/api/v1/workspace', headers: w.auth, payload: { settings: { payoutAccount: { name: 'Lumen Skincare GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' } } } });
      const p = await programWithPlan(env, w.auth, { type: 'percent', percent: 10 }, 'Élodie');
      const details = await env.app.inject({ method: 'PUT', url: `/api/v1/influencers/${p.influencer.id}/payout-details`, headers: w.auth, payload: { method: 'bank', iban: 'FR14 2004 1010 0505 0001 3M02 606', bic: 'BNPAFRPP', accountHolder: 'Élodie Martin & Co' } });
      expect(details.json().payoutDetails.iban).toBe('FR14…2606');
      await p.sell({ amount: 123456, currency: 'EUR' });
      const ids = (await env.app.inject({ method: 'GET', url: '/api/v1/commissions?status=pending', headers: w.auth })).json().data.map((c: any) => c.id);
      await env.app.inject({ method: 'POST', url: '/api/v1/commissions/approve', headers: w.auth, payload: { ids } });
      const batch = (await env.app.inject({ method: 'POST', url: '/api/v1/payouts/batches', headers: w.auth, payload: { currency: 'EUR', idempotencyKey: 'sepa-1' } })).json().batch;
      const xml = await env.app.inject({ method: 'GET', url: `/api/v1/payouts/batches/${batch.id}/export?format=sepa-xml`, headers: w.auth });
      expect(xml.statusCode, xml.body).toBe(200);
      expect(xml.body).toContain('<CtrlSum>123.46</CtrlSum>'.replace('123.46', (12346 / 100).toFixed(2)));
      const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sepa-')), 'batch.xml');
      writeFileSync(file, xml.body);
      const xsd = fileURLToPath(new URL('../fixtures/payouts/sepa/pain.001.001.03.xsd', import.meta.url));
      const check = spawnSync('xmllint', ['--noout', '--schema', xsd, file], { encoding: 'utf8' });
      expect(check.status, check.stderr).toBe(0);
      const wise = await env.app.inject({ method: 'GET', url: `/api/v1/payouts/batches/${batch.id}/export?format=wise-csv`, headers: w.auth });
      expect(wise.body).toContain('FR1420041010050500013M02606');
      const paypal = await env.app.inject({ method: 'GET', url: `/api/v1/payouts/batches/${batch.id}/export?format=paypal-csv`, headers: w.auth });
      expect(paypal.statusCode).toBe(412); // no PayPal recipients in this batch
    } finally {
      await env.close();
    }
  });
});

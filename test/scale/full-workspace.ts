import { expect } from 'vitest';
import type { TestEnv } from '../helpers/engines.ts';
import { workspaceWithKey } from '../helpers/engines.ts';
import { programWithPlan } from '../helpers/money-flow.ts';
import { visit } from '../helpers/tracking.ts';
import { inviteAndAccept } from '../portal/portal-helpers.ts';

/** The kinds of ids a route's path can take; `idKindOf` maps a path parameter to one of them. */
export type IdKind =
  | 'apiKey' | 'influencer' | 'campaign' | 'link' | 'coupon' | 'conversion' | 'commission' | 'payoutBatch' | 'partnership'
  | 'deliverable' | 'gift' | 'webhookEndpoint' | 'webhookDelivery' | 'notification' | 'postbackToken' | 'workspace' | 'user';

export type FullWorkspace = Awaited<ReturnType<typeof fullWorkspace>>;

const PASSWORD = 'a long owner password';

/**
 * A workspace with one of everything, made through the API as a user would: creators, a campaign,
 * links, a coupon, conversions and commissions (pending and paid out), a payout batch, a
 * partnership with a deliverable and a gift, an API key, a webhook endpoint with a delivery, an
 * integration, a notification and a creator with portal access. Also the brand's key (read+write),
 * an owner session (admin routes) and the creator's portal session.
 */
export async function fullWorkspace(env: TestEnv, tag: string) {
  const w = await workspaceWithKey(env);
  const email = `owner-${tag}-${w.slug}@brand.test`;
  await env.command('user.create', { workspace: w.slug, email, password: PASSWORD, role: 'owner' });
  const login = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD }, remoteAddress: `10.77.${tag.length}.1` });
  expect(login.statusCode, login.body).toBe(200);
  const admin = { cookie: `adv_session=${login.cookies.find((c) => c.name === 'adv_session')!.value}`, 'x-csrf-token': login.json().csrfToken as string };
  const readOnly = (await env.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: admin, payload: { name: 'read only', scopes: ['read'] } })).json();

  const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = w.auth) => {
    const res = await env.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? {} : res.json();
  };

  // An endpoint first, so the conversions below leave deliveries to replay (the job runner may be stopped).
  const endpoint = await call('POST', '/api/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/hooks', events: ['conversion.created', 'commission.approved'] }, admin);
  const p = await programWithPlan(env, w.auth, { type: 'percent', percent: 10 }, `Ana${tag}`);
  await call('PUT', `/api/v1/influencers/${p.influencer.id}/payout-details`, { method: 'paypal', paypalEmail: `ana-${tag}@example.com` });
  const paid = await p.sell({ amount: 20000 });
  const commissions = await p.commissions();
  await call('POST', '/api/v1/commissions/approve', { ids: commissions.map((c: { id: string }) => c.id) });
  const batch = (await call('POST', '/api/v1/payouts/batches', { currency: 'USD', idempotencyKey: `seed-${tag}` })).batch;
  const pending = await p.sell({ amount: 5000 });
  const pendingCommission = (await p.commissions()).find((c: { conversionId: string }) => c.conversionId === pending.id);
  const secondLink = (await call('POST', '/api/v1/links', { influencerId: p.influencer.id, campaignId: p.campaign.id, label: 'bio' })).link;
  const coupon = (await call('POST', '/api/v1/coupons', { influencerId: p.influencer.id, campaignId: p.campaign.id, code: `SAVE${tag}${w.slug.slice(3)}`.toUpperCase() })).coupon;
  const other = (await call('POST', '/api/v1/influencers', { name: `Ben ${tag}`, email: `ben-${tag}-${w.slug}@creator.test` })).influencer;
  const partnership = (await call('POST', '/api/v1/partnerships', { campaignId: p.campaign.id, influencerId: other.id, stage: 'active', terms: { flatFee: { amount: 10000, currency: 'USD' } } })).partnership;
  const longTerm = (await call('POST', '/api/v1/partnerships', { campaignId: p.campaign.id, influencerId: p.influencer.id, stage: 'active', terms: { longTerm: { months: 3, perMonth: [{ type: 'reel', count: 1 }] } } })).partnership;
  // Follower data for Ben (suggested fees, niches) and a sale 0 s after its click, held for review.
  await call('POST', '/api/v1/influencers/import', [{ platform: 'instagram', handle: `ben_${tag}_${w.slug.slice(3)}`, influencerId: other.id, followers: 12000, posts: [{ id: `p-${tag}`, postedAt: '2025-03-01', format: 'reel', caption: 'Morning run #fitness', likes: 300, comments: 20 }] }]);
  const click = new URL((await visit(env, p.link.code, { ip: '198.18.7.7' })).headers.location as string).searchParams.get('adv_click');
  const review = await call('POST', '/api/v1/conversions', { type: 'sale', orderId: `review-${tag}-${w.slug}`, amount: 3000, currency: 'USD', clickId: click });
  expect(review.conversion.status).toBe('review');
  const deliverable = (await call('POST', `/api/v1/partnerships/${partnership.id}/deliverables`, { type: 'reel', dueAt: new Date(Date.now() + 86400_000).toISOString() })).deliverable;
  const gift = (await call('POST', `/api/v1/partnerships/${partnership.id}/gifts`, { product: 'Serum', value: 4500, currency: 'USD' })).gift;
  await call('POST', '/api/v1/deliverables/send-reminders'); // due within 48 h: an in-app notice
  const notifications = (await call('GET', '/api/v1/notifications')).data;
  const stripeSecret = `whsec_${tag}_${w.slug}`;
  await call('PUT', '/api/v1/integrations/stripe', { secret: stripeSecret }, admin);
  const postback = await call('PUT', '/api/v1/integrations/postback', {}, admin);
  const snippet = await call('PUT', '/api/v1/integrations/snippet', {}, admin);
  const items = (await call('GET', `/api/v1/payouts/batches/${batch.id}`)).batch.items;
  const deliveries = (await call('GET', `/api/v1/webhook-endpoints/${endpoint.endpoint.id}/deliveries`)).data;
  const portal = await inviteAndAccept(env, w.auth, other.id, `ben-${tag}-${w.slug}@creator.test`);
  const users = (await call('GET', '/api/v1/users', undefined, admin)).data;

  const ids: Record<IdKind, string[]> = {
    apiKey: [readOnly.apiKey.id],
    influencer: [p.influencer.id, other.id],
    campaign: [p.campaign.id],
    link: [p.link.id, secondLink.id],
    coupon: [coupon.id],
    conversion: [paid.id, pending.id, review.id],
    commission: [commissions[0].id, pendingCommission.id],
    payoutBatch: [batch.id],
    partnership: [partnership.id, longTerm.id],
    deliverable: [deliverable.id],
    gift: [gift.id],
    webhookEndpoint: [endpoint.endpoint.id],
    webhookDelivery: deliveries.map((d: { id: string }) => d.id),
    notification: notifications.map((n: { id: string }) => n.id),
    postbackToken: [new URL(postback.integration.endpoint).pathname.split('/').pop()!],
    workspace: [w.workspace.id],
    user: users.map((u: { id: string }) => u.id),
  };
  for (const [kind, list] of Object.entries(ids)) expect(list.length, `seeded ${kind}`).toBeGreaterThan(0);
  return {
    slug: w.slug,
    adminEmail: email,
    workspaceId: w.workspace.id as string,
    auth: w.auth,
    readAuth: { authorization: `Bearer ${readOnly.secret as string}` } as Record<string, string>,
    admin: admin as Record<string, string>,
    creator: portal.headers as Record<string, string>,
    creatorId: portal.creator.id as string,
    creatorInfluencerId: other.id as string,
    stripeSecret,
    /** Strings only this workspace holds, to look for in another workspace's answers. */
    names: [`Ana${tag}`, `Ben ${tag}`, w.slug, `ana-${tag}@example.com`],
    codes: { links: [p.link.code as string, secondLink.code as string], coupon: coupon.code as string },
    /** Values for body and query fields that name something stored, by field name. */
    values: {
      itemIds: items.map((i: { id: string }) => i.id) as string[],
      key: [/data-key="([^"]+)"/.exec(snippet.integration.endpoint)![1]!],
      couponCode: [coupon.code as string],
      coupon: [coupon.code as string],
      code: [p.link.code as string],
      orderId: [paid.conversion.orderId as string],
      order_id: [paid.conversion.orderId as string],
    } as Record<string, string[]>,
    ids,
  };
}

/**
 * Puts back the credentials a fuzzed request may have spent (a revoked read key, a logged-out or
 * revoked session), so later routes are still exercised by every kind of caller.
 */
export async function renewCredentials(env: TestEnv, w: FullWorkspace): Promise<void> {
  const ok = async (url: string, headers: Record<string, string>) => (await env.app.inject({ method: 'GET', url, headers })).statusCode === 200;
  if (!(await ok('/api/v1/auth/session', w.admin))) {
    const login = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: w.adminEmail, password: PASSWORD }, remoteAddress: '10.78.0.1' });
    expect(login.statusCode, login.body).toBe(200);
    w.admin = { cookie: `adv_session=${login.cookies.find((c) => c.name === 'adv_session')!.value}`, 'x-csrf-token': login.json().csrfToken as string };
  }
  if (!(await ok('/api/v1/workspace', w.readAuth))) {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/api-keys', headers: w.admin, payload: { name: 'read only', scopes: ['read'] } });
    w.readAuth = { authorization: `Bearer ${res.json().secret as string}` };
  }
  if (!(await ok('/api/v1/portal/session', w.creator))) {
    const email = `ben-again-${Math.random().toString(36).slice(2, 8)}@creator.test`;
    await env.app.inject({ method: 'PATCH', url: `/api/v1/influencers/${w.creatorInfluencerId}`, headers: w.auth, payload: { email } });
    await env.app.inject({ method: 'POST', url: `/api/v1/influencers/${w.creatorInfluencerId}/unarchive`, headers: w.auth });
    w.creator = (await inviteAndAccept(env, w.auth, w.creatorInfluencerId, email)).headers;
  }
}

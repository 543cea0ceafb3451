import type { TestEnv } from './engines.ts';
import { visit } from './tracking.ts';

/** A campaign with a commission plan, a creator with a link in it, and a way to sell through that link. */
export async function programWithPlan(env: TestEnv, auth: Record<string, string>, plan: unknown, name = 'Ana') {
  const inf = (await env.app.inject({ method: 'POST', url: '/api/v1/influencers', headers: auth, payload: { name, handles: { instagram: name.toLowerCase() } } })).json().influencer;
  const cmpRes = await env.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: auth,
    payload: { name: `Plan ${Math.random().toString(36).slice(2, 8)}`, destinationUrl: 'https://shop.example.com/', commissionPlan: plan },
  });
  if (cmpRes.statusCode !== 201) throw new Error(cmpRes.body);
  const cmp = cmpRes.json().campaign;
  const link = (await env.app.inject({ method: 'POST', url: '/api/v1/links', headers: auth, payload: { influencerId: inf.id, campaignId: cmp.id } })).json().link;
  let n = 0;
  const sell = async (body: Record<string, unknown>, influencerLink = link) => {
    const click = new URL((await visit(env, influencerLink.code, { ip: `198.18.0.${(n % 250) + 1}` })).headers.location as string).searchParams.get('adv_click');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/conversions',
      headers: auth,
      payload: { type: 'sale', orderId: `o-${inf.id}-${++n}-${Math.random().toString(36).slice(2, 6)}`, currency: 'USD', clickId: click, occurredAt: new Date(Date.now() + 60_000).toISOString(), ...body },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json();
  };
  const commissions = async (query = '') =>
    (await env.app.inject({ method: 'GET', url: `/api/v1/commissions?influencerId=${inf.id}${query}`, headers: auth })).json().data;
  return { influencer: inf, campaign: cmp, link, sell, commissions };
}

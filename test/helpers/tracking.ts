import type { TestEnv } from './engines.ts';

export const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
export const INSTAGRAM_IOS =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 325.0.0.35.91 (iPhone14,5; iOS 17_4; en_US; en; scale=3.00; 1170x2532; 584180180)';
export const DESKTOP_CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

/** A creator, a campaign and a link made through the API, as a user would. */
export async function makeLink(
  env: TestEnv,
  auth: Record<string, string>,
  opts: { campaign?: Record<string, unknown>; link?: Record<string, unknown>; handles?: Record<string, string> } = {},
) {
  const inf = await env.app.inject({ method: 'POST', url: '/api/v1/influencers', headers: auth, payload: { name: 'Ana Lima', handles: opts.handles ?? { instagram: 'ana.fit' } } });
  if (inf.statusCode !== 201) throw new Error(inf.body);
  const cmp = await env.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: auth,
    payload: { name: `Spring Glow ${Math.random().toString(36).slice(2, 7)}`, destinationUrl: 'https://shop.example.com/spring?ref=home#top', allowedDomains: ['example.com'], ...opts.campaign },
  });
  if (cmp.statusCode !== 201) throw new Error(cmp.body);
  const link = await env.app.inject({
    method: 'POST',
    url: '/api/v1/links',
    headers: auth,
    payload: { influencerId: inf.json().influencer.id, campaignId: cmp.json().campaign.id, label: 'story 1', ...opts.link },
  });
  if (link.statusCode !== 201) throw new Error(link.body);
  return { influencer: inf.json().influencer, campaign: cmp.json().campaign, link: link.json().link };
}

/** Follows a tracking link like a browser would (but does not follow the redirect). */
export function visit(env: TestEnv, code: string, opts: { ua?: string; ip?: string; referer?: string; method?: 'GET' | 'HEAD'; headers?: Record<string, string>; query?: string } = {}) {
  return env.app.inject({
    method: opts.method ?? 'GET',
    url: `/r/${code}${opts.query ?? ''}`,
    remoteAddress: opts.ip ?? '203.0.113.7',
    headers: { 'user-agent': opts.ua ?? IPHONE_SAFARI, ...(opts.referer ? { referer: opts.referer } : {}), ...opts.headers },
  });
}

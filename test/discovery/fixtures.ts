import type { TestEnv } from '../helpers/engines.ts';

export type Rec = Record<string, unknown>;
const DAY = 86_400_000;
export const T0 = Date.UTC(2025, 2, 1);

/** `n` posts, one a day ending at T0 + n days, each with `interactions` split like a real post. */
export function posts(n: number, interactions: number, overrides: (i: number) => Rec = () => ({})): Rec[] {
  return Array.from({ length: n }, (_, i) => {
    const comments = Math.max(1, Math.round(interactions * 0.05));
    return {
      id: `p${i}`,
      postedAt: new Date(T0 + i * DAY).toISOString(),
      format: 'image',
      caption: 'post',
      likes: interactions - comments - 2 * Math.round(interactions * 0.025),
      comments,
      shares: Math.round(interactions * 0.025),
      saves: Math.round(interactions * 0.025),
      ...overrides(i),
    };
  });
}

/** A clean, complete account: no authenticity rule fires on it (ER ≈ 2% at 20K followers). */
export function account(handle: string, overrides: Rec = {}): Rec {
  return {
    platform: 'instagram',
    handle,
    followers: 20_000,
    following: 500,
    postsCount: 300,
    bio: 'Everyday notes',
    hasProfilePicture: true,
    posts: posts(12, 400),
    ...overrides,
  };
}

export async function importJson(env: TestEnv, auth: Record<string, string>, records: unknown, query = '') {
  return env.app.inject({ method: 'POST', url: `/api/v1/influencers/import${query}`, headers: auth, payload: records as Rec[] });
}

export async function importCsv(env: TestEnv, auth: Record<string, string>, csv: string, query = '') {
  return env.app.inject({ method: 'POST', url: `/api/v1/influencers/import${query}`, headers: { ...auth, 'content-type': 'text/csv' }, payload: csv });
}

export async function profileOf(env: TestEnv, auth: Record<string, string>, id: string) {
  const res = await env.app.inject({ method: 'GET', url: `/api/v1/influencers/${id}/profile`, headers: auth });
  if (res.statusCode !== 200) throw new Error(`profile ${id}: ${res.statusCode} ${res.body}`);
  return res.json().profile;
}

export async function search(env: TestEnv, auth: Record<string, string>, query: string) {
  return env.app.inject({ method: 'GET', url: `/api/v1/influencers/search?${query}`, headers: auth });
}

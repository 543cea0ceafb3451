import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCreators } from '../../src/discovery/index.ts';
import { createTestEnv, ENGINES, workspaceWithKey, type TestEnv } from '../helpers/engines.ts';
import { profileOf, search } from './fixtures.ts';

describe.each(ENGINES)('demo creators on %s', { timeout: 120_000 }, (engine) => {
  let env: TestEnv;
  let auth: Record<string, string>;
  let created: number;
  beforeAll(async () => {
    env = await createTestEnv(engine);
    const ws = await workspaceWithKey(env);
    auth = ws.auth;
    const ctx = { db: env.database.db, actor: { kind: 'system' as const, name: 'test' }, log: env.app.log, workspaceId: ws.workspace.id };
    created = await seedDemoCreators(ctx);
  });
  afterAll(() => env?.close());

  it('adds a few hundred varied creators, some of them with bought or pod-like audiences', async () => {
    expect(created).toBe(300);
    const tiers = new Set<string>();
    const platforms = new Set<string>();
    const scores: number[] = [];
    let worst = { influencerId: '', authenticityScore: 101 };
    let cursor: string | null = null;
    do {
      const page: any = (await search(env, auth, `limit=100${cursor ? `&cursor=${cursor}` : ''}`)).json();
      for (const c of page.data) {
        tiers.add(c.tier);
        platforms.add(c.platform);
        scores.push(c.authenticityScore);
        if (c.authenticityScore < worst.authenticityScore) worst = c;
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(scores).toHaveLength(300);
    expect([...tiers].sort()).toEqual(expect.arrayContaining(['macro', 'micro', 'nano']));
    expect([...platforms].sort()).toEqual(['instagram', 'tiktok', 'x', 'youtube']);
    expect(scores.filter((s) => s >= 80).length).toBeGreaterThan(100);
    expect(scores.filter((s) => s < 60).length).toBeGreaterThan(15);
    const codes = (await profileOf(env, auth, worst.influencerId)).authenticity.reasons.map((r: any) => r.code);
    expect(codes.some((c: string) => ['FAKE_FOLLOWERS', 'FOLLOWER_SPIKE', 'ER_FAR_BELOW_TIER', 'REPEATED_COMMENT_AUTHORS'].includes(c)), codes.join()).toBe(true);
    expect((await search(env, auth, 'brief=skincare+routine&limit=5')).json().data[0].niches.map((n: any) => n.id)).toContain('beauty-skincare');
  });
});

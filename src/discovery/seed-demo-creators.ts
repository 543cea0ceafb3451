import type { Context } from '../shared/context.ts';
import { generateDemoCreators } from './generate-demo-creators.ts';
import { importCreators } from './import-creators.ts';

/** Enough to make search, tiers and authenticity interesting; seeds in a few seconds. */
export const DEMO_CREATORS = 300;

/**
 * Adds a few hundred varied creators (accounts, posts, comments, audience, follower history and
 * samples; some with bought followers, pods or spam) to the workspace through the import verb.
 * @returns the number of creators added
 * @example const n = await seedDemoCreators(ctx) // 300
 */
export async function seedDemoCreators(ctx: Context): Promise<number> {
  const result = await importCreators({ ctx, input: { format: 'json', content: generateDemoCreators(DEMO_CREATORS) } });
  return result.creatorsCreated;
}

import { createApiKey } from '../api-keys/index.ts';
import { randomBase62 } from '../shared/secrets.ts';
import type { SystemContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { createUser } from '../users/index.ts';
import { createWorkspace } from '../workspaces/index.ts';

export const DEMO_SLUG = 'demo';
export const DEMO_EMAIL = 'demo@advocate.local';

/**
 * Creates the `demo` workspace with an owner login and an API key. Each capability adds its own
 * realistic data here as it lands.
 */
export async function seedDemo({ ctx, input }: { ctx: SystemContext; input: { password?: string | undefined } }) {
  const existing = await ctx.db.selectFrom('workspaces').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirst();
  if (existing) throw new AppError('CONFLICT', 'The demo workspace already exists; log in with the credentials printed when it was created');
  const workspace = await createWorkspace({ ctx, input: { slug: DEMO_SLUG, name: 'Demo Brand (Lumen Skincare)' } });
  const wctx = { ...ctx, workspaceId: workspace.id };
  const password = input.password ?? `demo-${randomBase62(12)}`;
  await createUser({ ctx: wctx, input: { email: DEMO_EMAIL, password, role: 'owner', name: 'Demo Owner' } });
  const { secret } = await createApiKey({ ctx: wctx, input: { name: 'Demo key' } });
  return { workspace, login: { email: DEMO_EMAIL, password }, apiKey: secret };
}

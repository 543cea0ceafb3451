import type { Context } from '../shared/context.ts';

/**
 * What every portal verb receives: the workspace AND the creator come from the session, never
 * from the request, and every query filters by both.
 */
export type CreatorContext = Context & { influencerId: string };

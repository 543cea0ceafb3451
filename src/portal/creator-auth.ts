import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.ts';
import { isPortalRequest } from '../http/auth.ts';
import type { App } from '../http/types.ts';
import { AppError } from '../shared/errors.ts';
import { safeEqual } from '../shared/secrets.ts';
import type { CreatorContext } from './creator-context.ts';
import { CREATOR_SESSION_TTL_MS, findCreatorSession, type CreatorSession } from './creator-sessions.ts';

/** The portal's own cookie: a brand session (adv_session) or API key never opens the portal. */
export const CREATOR_COOKIE = 'adv_creator';

declare module 'fastify' {
  interface FastifyRequest {
    creatorSession: CreatorSession | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the creator on every /api/v1/portal/ request (the brand hook skips them): the
 * adv_creator cookie, plus the x-csrf-token header on writes. Routes with `auth: 'public'`
 * (accept, login, logout) see the creator if there is one and never fail on a stale cookie.
 */
export function registerCreatorAuth(app: App, database: Database): void {
  app.decorateRequest('creatorSession', null);
  app.addHook('onRequest', async (request) => {
    if (!isPortalRequest(request)) return;
    if (request.routeOptions.config.auth === 'public') {
      request.creatorSession = await resolveCreator(request, database).catch(() => null);
      return;
    }
    const session = await resolveCreator(request, database);
    if (!session) throw new AppError('UNAUTHORIZED', 'Log in to the creator portal first (POST /api/v1/portal/login)');
    request.creatorSession = session;
  });
}

async function resolveCreator(request: FastifyRequest, database: Database): Promise<CreatorSession | null> {
  const token = request.cookies[CREATOR_COOKIE];
  if (!token) return null;
  const session = await findCreatorSession(database.db, token);
  if (!session) return null;
  if (UNSAFE.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
      throw new AppError('FORBIDDEN', 'Missing or wrong CSRF token: send the x-csrf-token header given by accept, login or GET /api/v1/portal/session');
    }
  }
  return session;
}

/** The verb context of a portal request: workspace and creator from the session only. */
export function creatorContextOf(request: FastifyRequest, database: Database): CreatorContext {
  const s = request.creatorSession;
  if (!s) throw new AppError('UNAUTHORIZED', 'Log in to the creator portal first (POST /api/v1/portal/login)');
  return {
    workspaceId: s.workspaceId,
    influencerId: s.influencerId,
    actor: { kind: 'creator', id: s.accountId, influencerId: s.influencerId, sessionId: s.id },
    db: database.db,
    log: request.log,
  };
}

export function setCreatorCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(CREATOR_COOKIE, token, { path: '/', httpOnly: true, secure: true, sameSite: 'lax', maxAge: Math.floor(CREATOR_SESSION_TTL_MS / 1000) });
}

export function clearCreatorCookie(reply: FastifyReply): void {
  reply.clearCookie(CREATOR_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'lax' });
}

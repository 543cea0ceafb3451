import type { FastifyInstance, FastifyRequest } from 'fastify';
import { verifyApiKey } from '../api-keys/index.ts';
import type { Database } from '../db/client.ts';
import type { Actor, Context } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { safeEqual } from '../shared/secrets.ts';
import { findSession } from '../users/index.ts';

export const SESSION_COOKIE = 'adv_session';

/** What a route needs: public; an API key scope or a dashboard session; or an owner/admin session. */
export type AuthRequirement = 'public' | 'read' | 'write' | 'admin';

export type Principal = { workspaceId: string; actor: Actor };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    auth?: AuthRequirement;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Portal routes are for creators only: their own cookie and hook (src/portal/creator-auth.ts). */
export const PORTAL_PREFIX = '/api/v1/portal/';

/** True for the creator portal's routes; judged by the matched route, not only the raw URL. */
export const isPortalRequest = (request: FastifyRequest): boolean => (request.routeOptions.url ?? request.url).startsWith(PORTAL_PREFIX);

/**
 * Resolves the caller on every /api/v1 request before the body is read and enforces the route's
 * requirement (default: read for GET/HEAD, write otherwise).
 */
export function registerAuth(app: FastifyInstance, database: Database): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    // The rendered API reference is public; everything else under /api/v1 is checked.
    if (!request.url.startsWith('/api/v1/') || request.url.startsWith('/api/v1/docs')) return;
    // A brand key or session never reaches the portal, and a creator's cookie is not looked at here.
    if (isPortalRequest(request)) return;
    const requirement = request.routeOptions.config.auth ?? (UNSAFE.has(request.method) ? 'write' : 'read');
    if (requirement === 'public') {
      // Public routes (login, webhooks) never fail on a stale cookie or key; they just see no caller.
      request.principal = await resolvePrincipal(request, database).catch(() => null);
      return;
    }
    const principal = await resolvePrincipal(request, database);
    request.principal = principal;
    if (!principal) {
      throw new AppError('UNAUTHORIZED', 'Authentication required: send "Authorization: Bearer <api key>" or log in');
    }
    const actor = principal.actor;
    if (actor.kind === 'api_key') {
      if (requirement === 'admin') throw new AppError('FORBIDDEN', 'This needs a dashboard login as owner or admin; API keys cannot manage keys or users');
      if (!actor.scopes.includes(requirement)) throw new AppError('FORBIDDEN', `This API key lacks the "${requirement}" scope`);
    } else if (actor.kind === 'user') {
      if (requirement === 'admin' && actor.role === 'member') throw new AppError('FORBIDDEN', 'This needs the owner or admin role');
    }
  });
}

async function resolvePrincipal(request: FastifyRequest, database: Database): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) throw new AppError('UNAUTHORIZED', 'Authorization header must be "Bearer <api key>"');
    const result = await verifyApiKey(database.db, match[1]);
    if (!result.valid) {
      const why = result.code === 'REVOKED' ? 'has been revoked' : 'is not valid';
      throw new AppError('UNAUTHORIZED', `The API key ${why}`);
    }
    return { workspaceId: result.workspaceId, actor: { kind: 'api_key', id: result.keyId, scopes: result.scopes } };
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const session = await findSession(database.db, token);
  if (!session) return null;
  if (UNSAFE.has(request.method)) {
    const sent = request.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
      throw new AppError('FORBIDDEN', 'Missing or wrong CSRF token: send the x-csrf-token header given by login or GET /api/v1/auth/session');
    }
  }
  return { workspaceId: session.workspaceId, actor: { kind: 'user', id: session.userId, role: session.role, sessionId: session.id } };
}

/** The verb context for an authenticated request. */
export function contextOf(request: FastifyRequest, database: Database): Context {
  const p = request.principal;
  if (!p) throw new AppError('UNAUTHORIZED', 'Authentication required');
  return { workspaceId: p.workspaceId, actor: p.actor, db: database.db, log: request.log };
}

import { contextOf, SESSION_COOKIE } from '../http/auth.ts';
import type { App, RouteDeps } from '../http/types.ts';
import { AppError } from '../shared/errors.ts';
import { createUser } from './create-user.ts';
import { listMembers } from './list-members.ts';
import { CreateUserInput, LoginInput } from './schemas.ts';
import { findSession, login, logout, SESSION_TTL_MS } from './sessions.ts';

// Count after the body is parsed (the key holds the email) and never let an attempt through uncounted.
const AFTER_BODY = { hook: 'preHandler', skipOnError: false } as const;

export function userRoutes(app: App, { database }: RouteDeps): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: { auth: 'public', rateLimit: { ...AFTER_BODY, max: 10, timeWindow: '15 minutes', keyGenerator: (r) => `${r.ip}:${String((r.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}` } },
      schema: { tags: ['auth'], summary: 'Log in with email and password (sets an HTTP-only session cookie)', body: LoginInput },
    },
    async (request, reply) => {
      const { session, token } = await login({ ctx: { db: database.db, actor: { kind: 'system', name: 'login' }, log: request.log }, input: request.body });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        secure: true,
        sameSite: 'lax',
        maxAge: Math.floor(SESSION_TTL_MS / 1000),
      });
      return { user: { id: session.userId, email: session.email, role: session.role }, workspaceId: session.workspaceId, csrfToken: session.csrfToken };
    },
  );
  app.get('/api/v1/auth/session', { config: { auth: 'public' }, schema: { tags: ['auth'], summary: 'The current dashboard session' } }, async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findSession(database.db, token) : null;
    if (!session) throw new AppError('UNAUTHORIZED', 'Not logged in');
    return { user: { id: session.userId, email: session.email, role: session.role }, workspaceId: session.workspaceId, csrfToken: session.csrfToken };
  });
  app.post('/api/v1/auth/logout', { config: { auth: 'public' }, schema: { tags: ['auth'], summary: 'End the session' } }, async (request, reply) => {
    const p = request.principal;
    if (p?.actor.kind === 'user') await logout(database.db, p.actor.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });
  app.get('/api/v1/users', { config: { auth: 'admin' }, schema: { tags: ['users'], summary: 'Dashboard users of the workspace' } }, async (request) => ({
    data: await listMembers({ ctx: contextOf(request, database) }),
  }));
  app.post(
    '/api/v1/users',
    { config: { auth: 'admin' }, schema: { tags: ['users'], summary: 'Add a dashboard user', body: CreateUserInput } },
    async (request, reply) => {
      const ctx = contextOf(request, database);
      if (request.body.role === 'owner' && ctx.actor.kind === 'user' && ctx.actor.role !== 'owner') {
        throw new AppError('FORBIDDEN', 'Only an owner can add another owner');
      }
      return reply.status(201).send({ user: await createUser({ ctx, input: request.body }) });
    },
  );
}

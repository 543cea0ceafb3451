import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { isConnectionError, isPoolTimeout, unstorableValue } from '../shared/db-errors.ts';
import { AppError, ERROR_STATUS, type ErrorCode } from '../shared/errors.ts';

/** Turns a zod issue path into `body.items.0.amount`-style text a user can find in their payload. */
export function formatIssues(issues: ZodError['issues'], root?: string): string {
  return issues
    .slice(0, 10)
    .map((i) => {
      const p = [root, ...i.path.map(String)].filter(Boolean).join('.');
      return p ? `${p}: ${i.message}` : i.message;
    })
    .join('; ');
}

function toAppError(err: FastifyError | Error, request: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) return new AppError('VALIDATION', formatIssues(err.issues));
  const fe = err as FastifyError & { validationContext?: string };
  if (fe.validation) {
    const where = fe.validationContext ?? 'body';
    const text = fe.validation
      .slice(0, 10)
      .map((v) => {
        const field = [where, ...(v.instancePath ?? '').split('/').filter(Boolean)].join('.');
        const extra = (v.params as { keys?: string[] } | undefined)?.keys;
        const msg = v.message ?? 'is invalid';
        return `${field}: ${msg}${extra && !msg.includes(extra.join(', ')) ? ` (${extra.join(', ')})` : ''}`;
      })
      .join('; ');
    return new AppError('VALIDATION', text || 'Request is invalid');
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('VALIDATION', `Body is not valid JSON: ${fe.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', `Body is larger than the limit of ${request.routeOptions.bodyLimit ?? 0} bytes`);
    // The router's own errors: the raw path is not echoed (it may be huge or hold anything).
    case 'FST_ERR_BAD_URL':
      return new AppError('VALIDATION', 'The URL is malformed: a path segment is not valid percent-encoded UTF-8');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new AppError('VALIDATION', 'The URL is malformed: a path segment is longer than 100 characters');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', `Content-Type ${request.headers['content-type'] ?? '(none)'} is not supported: send application/json`);
  }
  // Inputs (path, query, body) reach SQL as parameters; values PostgreSQL cannot hold are the caller's to fix.
  const unstorable = unstorableValue(err);
  if (unstorable === 'text') return new AppError('VALIDATION', 'A text value holds a NUL character (\\u0000), which cannot be stored; remove it');
  if (unstorable === 'date') return new AppError('VALIDATION', 'A date is out of range: years 1 to 9999 can be stored');
  if (isConnectionError(err)) return new AppError('UNAVAILABLE', 'The database is unreachable; try again shortly', { retry: true });
  if (isPoolTimeout(err)) return new AppError('UNAVAILABLE', 'The database did not answer in time (unreachable or overloaded); try again shortly', { retry: true });
  const status = fe.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = (Object.entries(ERROR_STATUS).find(([, s]) => s === status)?.[0] ?? 'VALIDATION') as ErrorCode;
    return new AppError(code, fe.message);
  }
  return new AppError('INTERNAL', 'Internal error; it has been logged with this request id');
}

/**
 * The one place that maps errors to status codes and `{ error: { code, message, requestId } }`;
 * also Fastify's `frameworkErrors` (malformed URLs fail in the router, before any handler).
 */
export function replyWithError(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appErr = toAppError(err, request);
  if (appErr.code === 'INTERNAL' || appErr.code === 'UNAVAILABLE') request.log.error({ err }, 'request failed');
  if (appErr.retry) reply.header('retry-after', '1');
  return reply.status(appErr.status).send({
    error: { code: appErr.code, message: appErr.message, requestId: request.id, ...(appErr.details ? { details: appErr.details } : {}) },
  });
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(replyWithError);
  app.setNotFoundHandler((request, reply) => {
    const pathname = request.url.split('?')[0] ?? '/';
    // Dashboard and portal routes (/campaigns/cmp_1, /portal/earnings) are the single-page app's.
    if ((request.method === 'GET' || request.method === 'HEAD') && isAppPath(pathname) && typeof reply.sendFile === 'function') {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).send({
      error: { code: 'NOT_FOUND', message: `No route ${request.method} ${pathname}`, requestId: request.id },
    });
  });
}

// The web app's own pages (web/src/brand-app.tsx and the portal); anything else stays a 404.
const APP_PAGES = /^\/(?:(?:discover|campaigns|partnerships|links|conversions|commissions|payouts|settings|portal)(?:\/[\w-]*)*\/?)?$/;

/** A page of the web app (a client-side route), answered with index.html. */
function isAppPath(pathname: string): boolean {
  return APP_PAGES.test(pathname);
}

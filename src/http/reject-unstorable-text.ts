import type { FastifyInstance } from 'fastify';
import { AppError } from '../shared/errors.ts';

// JSON and percent-encoding carry both, PostgreSQL stores neither as sent: NUL is refused (in text
// and JSON) and a surrogate without its pair becomes U+FFFD in text and is refused in JSON.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string in `value` PostgreSQL cannot store unchanged, or null. */
export function findUnstorableText(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [key, v] of Object.entries(value)) {
    const at = findUnstorableText(v, `${path}.${key}`);
    if (at) return at;
  }
  return null;
}

/**
 * Refuses, before validation, a request whose path, query or body holds text the database would
 * refuse or change, so it is a 400 naming the field instead of a failed statement.
 * @example // POST /api/v1/influencers {"name":"a\u0000b"} → 400 body.name: must not hold NUL …
 */
export function registerUnstorableTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [where, value] of [['params', request.params], ['querystring', request.query], ['body', request.body]] as const) {
      const at = findUnstorableText(value, where);
      if (at) throw new AppError('VALIDATION', `${at}: must not hold NUL (\\u0000) or unpaired surrogate characters`);
    }
  });
}

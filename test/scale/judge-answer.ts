import type { LightMyRequestResponse } from 'fastify';
import { findUnstorableText } from '../../src/http/reject-unstorable-text.ts';
import { ERROR_STATUS } from '../../src/shared/errors.ts';
import { PUBLIC_ROUTES, type FuzzCase } from './fuzz-cases.ts';
import { INJECTIONS, ODD_UNICODE, RAW_MARKUP } from './hostile-values.ts';
import type { Operation } from './openapi-operations.ts';
import { countChanges, type RowCounts } from './row-counts.ts';

/** A 4xx from these routes may log the rejected delivery: the delivery log is their job. */
const MAY_LOG_REJECTED: Record<string, string[]> = {
  '/api/v1/postback/{token}': ['webhook_deliveries'],
  '/api/v1/webhooks/{provider}/{workspaceId}': ['webhook_deliveries'],
  '/api/v1/track': ['webhook_deliveries'],
  // Rate limits count every attempt, refused ones above all (the shared counter is a table).
  '/api/v1/auth/login': ['rate_limits'],
  '/api/v1/portal/accept': ['rate_limits'],
  '/api/v1/portal/login': ['rate_limits'],
};
/** Reads that store something by design: a click, a postback conversion. */
const READS_THAT_WRITE = ['/r/{code}', '/api/v1/postback/{token}'];
/** Write routes a read-only key may call (scoring stores nothing). */
const READ_SCOPE_WRITES = ['/api/v1/authenticity/accounts'];

const isJson = (res: LightMyRequestResponse) => /^application\/json\b/.test(String(res.headers['content-type'] ?? ''));
const isMarkup = (res: LightMyRequestResponse) => /html|xml|svg/.test(String(res.headers['content-type'] ?? ''));

/** Strings that must come back exactly as sent when stored (a leading BOM is trimmed like any whitespace). */
const ECHOED = [...INJECTIONS, ...ODD_UNICODE.filter((s) => findUnstorableText(s, '') === null && !s.startsWith('\uFEFF'))];

/** Case, surrounding space and a leading # or @ are normalised by design (handles, hashtags, emails). */
const normalised = (s: string) => s.trim().replace(/^[#@]/, '').toLowerCase();

/** Script, SQL and odd Unicode strings sent in a JSON body, with the path of the field that carried each (`terms.note`). */
function sentInjections(value: unknown, path = '', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string' && ECHOED.includes(value)) out.push([path, value]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) sentInjections(v, Array.isArray(value) ? path : `${path}.${k}`, out);
  return out;
}

/** Every string of an answer by its path, array positions left out (`.influencer.handles.instagram`). */
function stringsByPath(value: unknown, path = '', out = new Map<string, string[]>()): Map<string, string[]> {
  if (typeof value === 'string') out.set(path, [...(out.get(path) ?? []), value]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) stringsByPath(v, Array.isArray(value) ? path : `${path}.${k}`, out);
  return out;
}

/**
 * Every property one answer must have, as a list of what is wrong (empty: it passed): no 5xx, a
 * catalogued error body, no rows written by a 4xx or a read, 401/403 for the wrong caller, unsigned
 * webhooks refused, stored strings returned unchanged, no unescaped script in markup.
 */
export function judge(op: Operation, c: FuzzCase, res: LightMyRequestResponse, sent: string, before: RowCounts, after: RowCounts): string[] {
  const problems: string[] = [];
  const status = res.statusCode;
  const publicRoute = PUBLIC_ROUTES.includes(op.path);
  const writes = op.method !== 'GET' && op.method !== 'HEAD';
  if (status >= 500) problems.push(`answered ${status}: ${res.body.slice(0, 300)}`);
  if (status >= 400 && op.method !== 'HEAD' && !(op.path === '/r/{code}' && status === 404)) {
    const error = isJson(res) ? (res.json() as { error?: { code?: string; message?: unknown } }).error : undefined;
    if (!error || !(error.code! in ERROR_STATUS) || ERROR_STATUS[error.code as keyof typeof ERROR_STATUS] !== status || typeof error.message !== 'string' || !error.message) {
      problems.push(`error body is not { error: { code, message } } with a catalogued code for ${status}: ${res.body.slice(0, 300)}`);
    }
  }
  if (status >= 400 || (!writes && !READS_THAT_WRITE.includes(op.path))) {
    const changed = countChanges(before, after, status >= 400 ? (MAY_LOG_REJECTED[op.path] ?? []) : []);
    if (changed.length) problems.push(`${status >= 400 ? `a ${status}` : 'a read'} changed row counts: ${changed.join(', ')}`);
  }
  const brandRoute = !op.path.startsWith('/api/v1/portal/');
  const wrongCaller = c.auth === 'none' || c.auth === 'garbage' || (brandRoute ? c.auth === 'creator' : c.auth !== 'creator');
  const malformedUrl = status === 400 && (op.method === 'HEAD' || /^The URL is malformed/.test(String(isJson(res) && res.json().error?.message)));
  if (!publicRoute && wrongCaller && status !== 401 && status !== 404 && !malformedUrl) {
    problems.push(`a ${c.auth} caller got ${status}, not 401`);
  }
  // 401 too: a fuzzed DELETE /api/v1/api-keys/{id} may have just revoked the read-only key.
  if (!publicRoute && brandRoute && c.auth === 'read' && writes && !READ_SCOPE_WRITES.includes(op.path) && ![401, 403, 404].includes(status) && !malformedUrl) {
    problems.push(`a read-only key got ${status} on a write, not 403`);
  }
  if (op.path === '/api/v1/webhooks/{provider}/{workspaceId}' && status < 400 && !(c.body.kind === 'raw' && c.body.text === 'webhook_id=12')) {
    problems.push(`an unsigned webhook was accepted (${status})`);
  }
  if (status < 300 && isJson(res)) {
    for (const escaped of ['&lt;', '&gt;', '&#39;', '&quot;', '&amp;']) {
      if (res.body.includes(escaped) && !sent.includes(escaped)) problems.push(`JSON answer holds HTML-escaped text (${escaped}): data must come back unchanged`);
    }
    // A repeated order id answers the stored conversion (duplicate: true), not what was sent again.
    if (writes && c.body.kind === 'value' && (c.body.encoding === 'json' || c.body.encoding === 'json-charset') && res.json().duplicate !== true) {
      // The field comes back under the same path, possibly wrapped (`.name` as `.influencer.name`).
      const got = [...stringsByPath(res.json())];
      for (const [path, value] of sentInjections(c.body.value).filter(([p]) => p !== '')) {
        const back = got.filter(([p]) => p.endsWith(path)).flatMap(([, v]) => v);
        if (back.length && !back.some((v) => normalised(v) === normalised(value))) problems.push(`${path} was sent as ${JSON.stringify(value)} and came back as ${JSON.stringify(back[0])}`);
      }
    }
  }
  if (status < 300 && isMarkup(res)) {
    for (const raw of RAW_MARKUP) if (res.body.includes(raw)) problems.push(`${res.headers['content-type']} answer holds unescaped ${raw}`);
  }
  return problems;
}


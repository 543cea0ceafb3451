import fc from 'fast-check';
import type { FullWorkspace } from './full-workspace.ts';
import { encodeJson, hostileNumber, hostileString, hostileValue, INJECTIONS, NUMBER_STRINGS, pct, RAW_URL_PIECES, RawNumber } from './hostile-values.ts';
import { fieldKindOf, idKindOf, type Operation, type Parameter } from './openapi-operations.ts';
import { extraKeyArb, mutate, mutationArb, validish, type JsonSchema, type Pools } from './schema-arbitrary.ts';

export type AuthKind = 'key' | 'admin' | 'read' | 'creator' | 'none' | 'garbage';
export type Encoding = 'json' | 'json-charset' | 'form' | 'text-plain' | 'xml' | 'broken-json' | 'empty-json' | 'no-type' | 'csv';
export type Body = { kind: 'none' } | { kind: 'value'; value: unknown; encoding: Encoding } | { kind: 'raw'; text: string; contentType: string | undefined };

/** One generated request against one operation. */
export type FuzzCase = { auth: AuthKind; garbage: string; path: string[]; query: string; body: Body; headers: Record<string, string> };

/** Routes anyone may call; every other route must answer 401 to a caller without credentials. */
export const PUBLIC_ROUTES = [
  '/api/v1/auth/login', '/api/v1/auth/session', '/api/v1/auth/logout', '/api/v1/portal/accept', '/api/v1/portal/login', '/api/v1/portal/logout',
  '/api/v1/postback/{token}', '/api/v1/track', '/api/v1/webhooks/{provider}/{workspaceId}', '/r/{code}',
];
const LOGOUT = ['/api/v1/auth/logout', '/api/v1/portal/logout'];

const headerSafe = fc.oneof(
  fc.constantFrom(...INJECTIONS.filter((s) => /^[\x20-\x7e]*$/.test(s)), '', 'Mozilla/5.0 (iPhone) Instagram 325.0', 'facebookexternalhit/1.1', 'x'.repeat(8000)),
  fc.string({ unit: 'grapheme-ascii', maxLength: 60 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
);

/** Pools of real values of the caller's workspace, looked up by field name. */
export function poolsOf(w: FullWorkspace): Pools {
  return {
    byField: (name) => {
      const kind = fieldKindOf(name);
      return kind ? w.ids[kind] : w.values[name];
    },
  };
}

const allIds = (w: FullWorkspace) => Object.values(w.ids).flat();

function pathParamArb(op: Operation, p: Parameter, w: FullWorkspace): fc.Arbitrary<string> {
  const hostile = fc.oneof({ weight: 3, arbitrary: hostileString.map(pct) }, { weight: 1, arbitrary: fc.constantFrom(...RAW_URL_PIECES) });
  if (p.schema.enum) return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...(p.schema.enum as string[])) }, { weight: 1, arbitrary: hostile });
  const kind = idKindOf(op.path, p.name);
  if (op.path === '/r/{code}') return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...w.codes.links) }, { weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: fc.stringMatching(/^[0-9A-Za-z]{4,32}$/) });
  if (!kind) return hostile;
  return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...w.ids[kind]).map(pct) }, { weight: 1, arbitrary: fc.constantFrom(...allIds(w)) }, { weight: 2, arbitrary: hostile });
}

const asQueryValue = (v: unknown): string[] =>
  Array.isArray(v) ? v.flatMap(asQueryValue) : v instanceof RawNumber ? [v.text] : typeof v === 'string' ? [v] : v === null || v === undefined ? [''] : [typeof v === 'object' ? encodeJson(v) : String(v)];

function queryArb(params: Parameter[], pools: Pools, clean = false): fc.Arbitrary<string> {
  const each = params.map((p) => {
    const value = clean ? validish(p.schema, pools, p.name, 0, true) : fc.oneof({ weight: 4, arbitrary: validish(p.schema, pools, p.name) }, { weight: 1, arbitrary: hostileValue });
    return (p.required ? value.map((v) => [p.name, v] as const) : fc.option(value.map((v) => [p.name, v] as const), { freq: 2 })) as fc.Arbitrary<readonly [string, unknown] | null>;
  });
  const extras = fc.array(fc.tuple(fc.constantFrom('extra', 'workspaceId', 'limit', ...params.map((p) => p.name)), hostileValue), { maxLength: 2 });
  const raw = fc.option(fc.constantFrom(...RAW_URL_PIECES.map((p) => `${p}=${p}`)), { freq: 10 });
  const none = fc.constant([] as [string, unknown][]);
  return fc.tuple(fc.tuple(...each), clean ? none : fc.oneof({ weight: 5, arbitrary: none }, { weight: 1, arbitrary: extras }), clean ? fc.constant(null) : raw).map(([given, more, junk]) =>
    [
      ...[...given.filter((x): x is readonly [string, unknown] => x !== null), ...more].flatMap(([k, v]) => asQueryValue(v).map((s) => `${pct(k)}=${pct(s)}`)),
      ...(junk ? [junk] : []),
    ].join('&'),
  );
}

const encodingArb = fc.constantFrom<Encoding>(...Array<Encoding>(14).fill('json'), 'json-charset', 'form', 'text-plain', 'xml', 'broken-json', 'empty-json', 'no-type');

/** The root name of a body whose schema is open, so a hint can fill it (schema-arbitrary HINTS). */
const ROOT_NAME: Record<string, string> = { '/api/v1/influencers/{id}/payout-details': 'payoutDetails', '/api/v1/portal/payout-details': 'payoutDetails' };

function schemaBodyArb(schema: JsonSchema, pools: Pools, root = ''): fc.Arbitrary<Body> {
  return fc
    .tuple(validish(schema, pools, root), mutationArb, fc.nat(), hostileValue, extraKeyArb, encodingArb)
    .map(([value, mutation, pick, hostile, extraKey, encoding]) => ({ kind: 'value' as const, value: mutate(value, mutation, pick, hostile, extraKey), encoding }));
}

const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'x', 'other'];
const csvCell = (v: unknown) => `"${asQueryValue(v).join(' ').replace(/"/g, '""')}"`;

/** Creator import: JSON records or CSV rows, both with hostile cells. */
function importBodyArb(): fc.Arbitrary<Body> {
  const record = fc.record(
    {
      platform: fc.oneof(fc.constantFrom(...PLATFORMS), hostileString),
      handle: fc.oneof(fc.stringMatching(/^[a-z0-9_.]{1,20}$/), hostileString),
      followers: fc.oneof(fc.nat({ max: 10_000_000 }), hostileNumber, hostileValue),
      name: hostileString,
      bio: hostileString,
      posts: fc.array(fc.record({ id: fc.oneof(fc.uuid(), hostileString), postedAt: fc.constantFrom('2025-03-01', '9999-99-99', '2025-03-01T10:00:00Z', '0000-01-01'), format: fc.constantFrom('reel', 'short', 'bogus'), likes: fc.oneof(fc.nat(), hostileNumber), caption: hostileString }, { requiredKeys: ['id', 'postedAt'] }), { maxLength: 2 }),
      audience: fc.array(fc.record({ dimension: fc.constantFrom('country', 'age', 'gender', 'bogus'), key: hostileString, share: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), hostileNumber) }), { maxLength: 2 }),
    },
    { requiredKeys: ['platform', 'handle'] },
  );
  const json = fc.tuple(fc.array(record, { maxLength: 3 }), mutationArb, fc.nat(), hostileValue, extraKeyArb, fc.boolean()).map(([records, mutation, pick, hostile, extraKey, wrapped]) => ({
    kind: 'value' as const,
    value: mutate(wrapped ? { creators: records } : records, mutation, pick, hostile, extraKey),
    encoding: 'json' as const,
  }));
  const csv = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PLATFORMS), hostileString), hostileString, fc.oneof(fc.nat().map(String), fc.constantFrom(...NUMBER_STRINGS)), hostileString), { maxLength: 4 }).map((rows) => ({
    kind: 'raw' as const,
    text: ['platform,handle,followers,name', ...rows.map((r) => r.map(csvCell).join(','))].join('\n'),
    contentType: 'text/csv',
  }));
  return fc.oneof(json, csv, fc.constantFrom<Body>({ kind: 'raw', text: '"unclosed,\n', contentType: 'text/csv' }, { kind: 'raw', text: '', contentType: 'text/csv' }));
}

/** Postback parameters (query or form), as an affiliate platform fires them, spoiled. */
function postbackParamsArb(w: FullWorkspace) {
  const value = (good: fc.Arbitrary<string>) => fc.option(fc.oneof({ weight: 3, arbitrary: good }, { weight: 2, arbitrary: hostileString }), { freq: 2 });
  return fc.record({
    type: value(fc.constantFrom('sale', 'lead', 'refund')),
    order_id: value(fc.oneof(fc.constantFrom(...w.values.orderId!), fc.uuid())),
    amount: value(fc.constantFrom('19.99', '0', '-1', '1e309', '9007199254740993', '12.5', '12.555', '1,5', 'NaN')),
    currency: value(fc.constantFrom('USD', 'usd', 'EUR', 'JPY', 'XXX')),
    coupon: value(fc.constant(w.codes.coupon)),
    click_id: value(fc.constantFrom('clk_nope', 'clk_')),
    email: value(fc.emailAddress()),
    occurred_at: value(fc.constantFrom('2025-01-01T00:00:00Z', '9999-12-31', '0000-01-01', 'yesterday')),
    refund_id: value(fc.uuid()),
    sig: fc.option(fc.constantFrom('00', 'deadbeef', 'a'.repeat(64)), { freq: 5 }),
  });
}

const queryOf = (params: Record<string, string | null>) =>
  Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => `${pct(k)}=${pct(v)}`)
    .join('&');

/** Garbage a payment platform might send, unsigned or badly signed. */
function webhookArb(): fc.Arbitrary<{ body: Body; headers: Record<string, string> }> {
  const event = fc.record({
    id: fc.oneof(fc.uuid(), hostileString),
    type: fc.constantFrom('checkout.session.completed', 'charge.refunded', 'invoice.paid', 'orders/create', 'bogus'),
    data: fc.record({ object: fc.record({ amount_total: fc.oneof(fc.nat(), hostileNumber), currency: fc.constantFrom('usd', 'XXX'), metadata: fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 2 }) }) }),
  });
  const body = fc.oneof(
    event.map((value): Body => ({ kind: 'value', value, encoding: 'json' })),
    hostileValue.map((value): Body => ({ kind: 'value', value, encoding: 'json' })),
    fc.constantFrom<Body>({ kind: 'raw', text: 'webhook_id=12', contentType: 'application/x-www-form-urlencoded' }, { kind: 'raw', text: '', contentType: undefined }, { kind: 'raw', text: '\u0000\u0001binary', contentType: 'application/octet-stream' }),
  );
  const headers = fc.record(
    {
      'stripe-signature': fc.oneof(fc.constantFrom('t=1,v1=00', `t=${Math.floor(Date.now() / 1000)},v1=${'a'.repeat(64)}`, 'garbage'), headerSafe),
      'x-shopify-hmac-sha256': fc.oneof(fc.base64String({ maxLength: 44 }), headerSafe),
      'x-shopify-topic': fc.constantFrom('orders/create', 'refunds/create', 'app/uninstalled'),
      'x-wc-webhook-signature': fc.oneof(fc.base64String({ maxLength: 44 }), headerSafe),
      'x-wc-webhook-topic': fc.constantFrom('order.created', 'order.updated', 'bogus'),
    },
    { requiredKeys: [] },
  );
  return fc.record({ body, headers });
}

function authArb(op: Operation): fc.Arbitrary<AuthKind> {
  if (LOGOUT.includes(op.path)) return fc.constantFrom<AuthKind>('key', 'read', 'none', 'garbage');
  if (op.path.startsWith('/api/v1/portal/')) return fc.constantFrom<AuthKind>('creator', 'creator', 'creator', 'creator', 'creator', 'key', 'none', 'garbage');
  return fc.constantFrom<AuthKind>('key', 'key', 'key', 'key', 'key', 'admin', 'admin', 'admin', 'read', 'none', 'garbage');
}

const garbageAuthArb = fc.constantFrom('Bearer adv_nope', 'Bearer', 'Basic Zm9vOmJhcg==', 'bearer  a b', `Bearer ${'a'.repeat(5000)}`, 'Bearer adv_\' or 1=1 --');

/**
 * Everything a client could send to one operation: half of the cases are well-formed (the right
 * caller, real ids, values that satisfy the schema yet carry script and SQL strings) so they reach
 * the verbs and store things; the other half are spoiled in every way.
 */
export function caseArb(op: Operation, w: FullWorkspace): fc.Arbitrary<FuzzCase> {
  const special = ['/api/v1/postback/{token}', '/api/v1/webhooks/{provider}/{workspaceId}', '/r/{code}', '/api/v1/influencers/import'].includes(op.path);
  return special ? hostileCaseArb(op, w) : fc.oneof(cleanCaseArb(op, w), hostileCaseArb(op, w));
}

function cleanCaseArb(op: Operation, w: FullWorkspace): fc.Arbitrary<FuzzCase> {
  const pools = poolsOf(w);
  const auth: fc.Arbitrary<AuthKind> = op.path.startsWith('/api/v1/portal/') ? fc.constant('creator') : LOGOUT.includes(op.path) ? fc.constant('key') : fc.constantFrom('key', 'key', 'admin');
  const path = fc.tuple(
    ...op.pathParams.map((p) => {
      const kind = idKindOf(op.path, p.name);
      return p.schema.enum ? fc.constantFrom(...(p.schema.enum as string[])) : kind ? fc.constantFrom(...w.ids[kind]) : fc.string({ minLength: 1, maxLength: 20 }).map(pct);
    }),
  );
  const body: fc.Arbitrary<Body> = op.body
    ? validish(op.body, pools, ROOT_NAME[op.path] ?? '', 0, true).map((value) => ({ kind: 'value', value, encoding: 'json' }))
    : fc.constant({ kind: 'none' });
  return fc.record({ auth, garbage: fc.constant(''), path, query: queryArb(op.query, pools, true), body, headers: fc.constant({}) });
}

function hostileCaseArb(op: Operation, w: FullWorkspace): fc.Arbitrary<FuzzCase> {
  const pools = poolsOf(w);
  const path = fc.tuple(...op.pathParams.map((p) => pathParamArb(op, p, w)));
  const base = { auth: authArb(op), garbage: garbageAuthArb, path };
  const writes = op.method !== 'GET' && op.method !== 'HEAD';
  const noBody: fc.Arbitrary<Body> = writes
    ? fc.oneof(
        { weight: 6, arbitrary: fc.constant<Body>({ kind: 'none' }) },
        { weight: 1, arbitrary: hostileValue.map((value): Body => ({ kind: 'value', value, encoding: 'json' })) },
        { weight: 1, arbitrary: fc.constantFrom<Body>({ kind: 'raw', text: '{"a":', contentType: 'application/json' }, { kind: 'raw', text: 'a=1', contentType: 'text/plain' }) },
      )
    : fc.constant<Body>({ kind: 'none' });

  if (op.path === '/api/v1/postback/{token}') {
    return fc.record({ ...base, query: postbackParamsArb(w).map(queryOf), body: writes ? fc.oneof(noBody, postbackParamsArb(w).map((p): Body => ({ kind: 'raw', text: queryOf(p), contentType: 'application/x-www-form-urlencoded' }))) : noBody, headers: fc.constant({}) });
  }
  if (op.path === '/api/v1/webhooks/{provider}/{workspaceId}') {
    return fc.tuple(fc.record({ ...base, query: fc.constant('') }), webhookArb()).map(([c, hook]) => ({ ...c, body: hook.body, headers: hook.headers }));
  }
  if (op.path === '/r/{code}') {
    return fc.record({
      ...base,
      query: fc.oneof(fc.constant(''), queryArb([{ name: 'utm_source', in: 'query', required: false, schema: { type: 'string' } }], pools)),
      body: fc.constant<Body>({ kind: 'none' }),
      headers: fc.record({ 'user-agent': headerSafe, referer: headerSafe, 'accept-language': headerSafe, 'x-forwarded-for': fc.constantFrom('1.2.3.4', 'not-an-ip', '::1, 10.0.0.1', '999.999.1.1') }, { requiredKeys: [] }),
    });
  }
  const body = op.path === '/api/v1/influencers/import' ? importBodyArb() : op.body ? fc.oneof({ weight: 8, arbitrary: schemaBodyArb(op.body, pools, ROOT_NAME[op.path]) }, { weight: 1, arbitrary: noBody }) : noBody;
  return fc.record({ ...base, query: queryArb(op.query, pools), body, headers: fc.constant({}) });
}

/** The payload and content type an encoding produces. */
export function encodeBody(body: Body): { payload?: string; contentType?: string } {
  if (body.kind === 'none') return {};
  if (body.kind === 'raw') return { payload: body.text, ...(body.contentType ? { contentType: body.contentType } : {}) };
  const json = encodeJson(body.value) ?? 'null';
  switch (body.encoding) {
    case 'json':
      return { payload: json, contentType: 'application/json' };
    case 'json-charset':
      return { payload: json, contentType: 'application/json; charset=utf-8' };
    case 'form': {
      const entries = body.value && typeof body.value === 'object' ? Object.entries(body.value) : [['value', body.value]];
      return { payload: entries.map(([k, v]) => `${pct(String(k))}=${pct(asQueryValue(v).join(','))}`).join('&'), contentType: 'application/x-www-form-urlencoded' };
    }
    case 'text-plain':
      return { payload: json, contentType: 'text/plain' };
    case 'xml':
      return { payload: `<?xml version="1.0"?><body>${json}</body>`, contentType: 'application/xml' };
    case 'broken-json':
      return { payload: json.slice(0, -1) || '{', contentType: 'application/json' };
    case 'empty-json':
      return { payload: '', contentType: 'application/json' };
    case 'no-type':
      return { payload: json };
    case 'csv':
      return { payload: json, contentType: 'text/csv' };
  }
}

/** The URL of a case: path parameters (already encoded) in the template, then the query. */
export function urlOf(op: Operation, c: FuzzCase): string {
  let i = 0;
  const path = op.path.replace(/\{[^}]+\}/g, () => c.path[i++] ?? '');
  return c.query ? `${path}?${c.query}` : path;
}

import fc from 'fast-check';
import { HUGE, hostileNumber, hostileValue, INJECTIONS, NUMBER_STRINGS, ODD_STRINGS, ODD_UNICODE, RawNumber } from './hostile-values.ts';

/** The subset of JSON Schema the app's OpenAPI document uses (no $ref). */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

/** Real values of the caller's workspace, by the field or parameter name that takes them. */
export type Pools = { byField: (name: string) => string[] | undefined };

const CURRENCIES = ['USD', 'EUR', 'JPY', 'GBP', 'KWD', 'usd', 'XXX', 'ZZZ'];

/** Plain-string parameters that take values from a known set (comma lists of the search). */
const NAMED: Record<string, string[]> = {
  platform: ['instagram', 'tiktok', 'youtube', 'instagram,tiktok'],
  tier: ['nano', 'micro', 'mid-tier', 'macro,mega', 'below-nano'],
  country: ['DE', 'US', 'de'],
  audienceCountry: ['DE', 'US'],
  language: ['de', 'en'],
  niche: ['fitness', 'beauty', 'food'],
  briefNiches: ['fitness', 'beauty,food'],
  audienceAge: ['18-24', '25-34'],
  audienceGender: ['female', 'male'],
};

/**
 * Values that mostly satisfy the schema (so requests get past validation and reach the verbs) but
 * carry hostile strings and edge numbers wherever the schema lets them through; ids come from the
 * caller's workspace when the field names one.
 */
export function validish(schema: JsonSchema, pools: Pools, name = '', depth = 0, clean = false): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validish(s, pools, name, depth, clean)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const real = pools.byField(name);
  if (real?.length && (type === 'string' || type === undefined)) return clean ? fc.constantFrom(...real) : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: stringOf(schema, name, clean) });
  const hint = type === undefined ? HINTS[name]?.(pools) : undefined;
  if (hint) return clean ? hint : fc.oneof({ weight: 3, arbitrary: hint }, { weight: 1, arbitrary: hostileValue });
  switch (type) {
    case 'string':
      return stringOf(schema, name, clean);
    case 'integer':
    case 'number':
      return numberOf(schema, type === 'integer', clean, name);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const min = schema.minItems ?? 0;
      const max = Math.min(schema.maxItems ?? 3, min + 3);
      if (real?.length && schema.items?.type === 'string') return fc.subarray(real, { minLength: Math.min(min, real.length) });
      return fc.array(validish(schema.items ?? {}, pools, name, depth + 1, clean), { minLength: min, maxLength: Math.max(min, max) });
    }
    case 'object': {
      if (depth > 6) return fc.constant({});
      const props = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, validish(s, pools, k, depth + 1, clean)]));
      const record = fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
      if (typeof schema.additionalProperties === 'object' && Object.keys(props).length === 0) {
        const keys = schema.propertyNames ? (validish(schema.propertyNames, pools, 'key', depth + 1, clean) as fc.Arbitrary<string>) : fc.string({ minLength: 1, maxLength: 12 });
        return fc.dictionary(keys, validish(schema.additionalProperties, pools, name, depth + 1, clean), { maxKeys: 3 });
      }
      return record;
    }
    default:
      return fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileValue);
  }
}

function stringOf(schema: JsonSchema, name: string, clean: boolean): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 200_000;
  const fits = (s: string) => s.length >= min && s.length <= max;
  const plain = fc.string({ minLength: min, maxLength: Math.min(max, min + 24) });
  let shaped: fc.Arbitrary<string> = plain;
  if (NAMED[name] && (clean || schema.type === 'string')) shaped = fc.constantFrom(...NAMED[name]!);
  else if (/domains?$/i.test(name)) shaped = fc.constantFrom('example.com', 'shop.example.com');
  else if (name === 'day') shaped = isoDate(false, clean);
  else if (/currency/i.test(name)) shaped = fc.constantFrom(...(clean ? CURRENCIES.slice(0, 4) : CURRENCIES));
  else if (schema.format === 'date-time' || /At$/.test(name)) shaped = isoDate(true, clean);
  else if (schema.format === 'date') shaped = isoDate(false, clean);
  else if (/^(from|to)$/.test(name)) shaped = fc.oneof(isoDate(true, clean), isoDate(false, clean));
  else if (schema.format === 'uri' || /url$/i.test(name)) shaped = clean ? fc.constantFrom('https://shop.example.com/p?x=1', 'https://www.instagram.com/reel/abc/') : fc.oneof(fc.webUrl(), fc.constantFrom('https://shop.example.com/p?x=1', 'javascript:alert(1)', 'http://[::1]/', 'https://example.com/<script>'));
  else if (/email/i.test(name)) shaped = clean ? fc.nat(99_999).map((n) => `creator${n}@example.com`) : fc.oneof(fc.emailAddress(), fc.constantFrom('a@b.co', '<script>@x.com', 'Ünï@ex.com'));
  else if (schema.pattern) shaped = safeMatching(schema.pattern) ?? plain;
  // Hostile strings only where the length rules let them through, so they get stored.
  const binary = fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, min + 40) });
  const injections = INJECTIONS.filter(fits);
  const odd = [...ODD_UNICODE, HUGE, ...ODD_STRINGS, ...NUMBER_STRINGS].filter(fits);
  const hostile = fc.oneof(
    ...(injections.length ? [{ weight: 3, arbitrary: fc.constantFrom(...injections) }] : []),
    ...(odd.length ? [{ weight: 2, arbitrary: fc.constantFrom(...odd) }] : []),
    { weight: 1, arbitrary: binary },
  );
  // Well-formed cases store script and SQL strings in free-text fields only (names, notes, labels).
  if (clean) return injections.length && shaped === plain ? fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: fc.constantFrom(...injections) }) : shaped;
  return fc.oneof({ weight: 3, arbitrary: shaped }, { weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: plain });
}

function safeMatching(pattern: string): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return undefined;
  }
}

const isoDate = (withTime: boolean, clean = false) => {
  const around = (min: Date, max: Date) => fc.date({ min, max, noInvalidDate: true }).map((d) => (withTime ? d.toISOString() : d.toISOString().slice(0, 10)));
  const recent = around(new Date(Date.now() - 400 * 86400_000), new Date(Date.now() + 30 * 86400_000));
  if (clean) return recent;
  return fc.oneof(
    recent,
    around(new Date('1970-01-01'), new Date('2100-01-01')),
    fc.constantFrom('0000-01-01', '9999-12-31', '2024-02-30', '2024-13-01', '+275760-09-13T00:00:00.000Z', '2024-01-01T25:00:00Z', '1e309', 'yesterday', '2024-01-01T00:00:00+99:99'),
  );
};

function numberOf(schema: JsonSchema, integer: boolean, clean: boolean, name: string): fc.Arbitrary<unknown> {
  const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-6) : -1_000_000);
  const hi = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-6) : 1_000_000_000);
  const inRange = integer
    ? fc.integer({ min: Math.max(Math.ceil(lo), Number.MIN_SAFE_INTEGER), max: Math.min(Math.floor(hi), Number.MAX_SAFE_INTEGER) })
    : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  if (clean) return /amount|tax|shipping|discount|value|fee|quantity|threshold/i.test(name) ? fc.nat({ max: Math.min(hi, 1_000_000) }) : inRange;
  const edges = fc.constantFrom<unknown>(lo, hi, Number.isFinite(hi) ? hi + 1 : 0, Number.isFinite(lo) ? lo - 1 : 0, new RawNumber('1e309'), new RawNumber('9007199254740993'), 12.5, '12.5', -1);
  return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 2, arbitrary: edges }, { weight: 1, arbitrary: hostileNumber });
}

const SAMPLE_PLANS = [
  { type: 'percent', percent: 10 },
  { type: 'percent', percent: 12.5, holdDays: 0 },
  { type: 'fixed', amount: 500, currency: 'USD' },
  { type: 'per_lead', amount: 150, currency: 'USD' },
  { type: 'tiered', mode: 'marginal', metric: 'revenue', currency: 'USD', period: 'month', tiers: [{ from: 0, percent: 5 }, { from: 50000, percent: 10 }] },
  { type: 'percent', percent: 10, bonuses: [{ metric: 'sales', threshold: 2, period: 'month', amount: 1000, currency: 'USD' }] },
  { type: 'percent', percent: 100, multiTier: [{ depth: 1, percent: 5 }] },
];

/** Values for fields whose schema is open (`z.unknown()`, custom-validated), by field name. */
const HINTS: Record<string, (pools: Pools) => fc.Arbitrary<unknown>> = {
  commissionPlan: (pools) => planArb(pools),
  plan: (pools) => planArb(pools),
  payoutDetails: () =>
    fc.oneof(
      fc.record({ method: fc.constant('paypal'), paypalEmail: fc.oneof(fc.emailAddress(), fc.constantFrom(...INJECTIONS)) }),
      fc.record({ method: fc.constant('bank'), iban: fc.constantFrom('FR14 2004 1010 0505 0001 3M02 606', 'DE89370400440532013000', 'GB00XXXX'), bic: fc.constantFrom('BNPAFRPP', 'XX'), accountHolder: fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ minLength: 1, maxLength: 30 })) }, { requiredKeys: ['method', 'iban', 'accountHolder'] }),
    ),
  metadata: () => fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 20 })), { maxKeys: 3 }),
};

function planArb(pools: Pools): fc.Arbitrary<unknown> {
  const creators = pools.byField('influencerId') ?? [];
  const split = creators.length >= 2 ? [{ type: 'percent', percent: 10, splits: [{ influencerId: creators[0], share: 60 }, { influencerId: creators[1], share: 40 }] }] : [];
  return fc.constantFrom(...SAMPLE_PLANS, ...split);
}

/** How a valid-ish value is spoiled: the kinds of malformed input clients send. */
export type Mutation = 'none' | 'drop' | 'extra' | 'replace' | 'wholeBody';

type Path = (string | number)[];

function leafPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (value && typeof value === 'object' && !(value instanceof RawNumber)) {
    if (path.length) out.push(path);
    for (const [k, v] of Object.entries(value)) leafPaths(v, [...path, Array.isArray(value) ? Number(k) : k], out);
  } else if (path.length) out.push(path);
  return out;
}

function setAt(root: unknown, path: Path, mutate: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredCloneJson(root);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  mutate(node, path[path.length - 1]!);
  return copy;
}

function structuredCloneJson(v: unknown): unknown {
  if (v instanceof RawNumber || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(structuredCloneJson);
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, structuredCloneJson(x)]));
}

/** Applies one mutation at the `pick`-th place of the value (drop a field, add one, wrong type …). */
export function mutate(value: unknown, mutation: Mutation, pick: number, hostile: unknown, extraKey: string): unknown {
  if (mutation === 'none') return value;
  if (mutation === 'wholeBody') return hostile;
  const paths = leafPaths(value);
  if (!paths.length) return mutation === 'extra' && value && typeof value === 'object' ? { ...value, [extraKey]: hostile } : hostile;
  const path = paths[pick % paths.length]!;
  return setAt(value, path, (parent, key) => {
    if (mutation === 'drop') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (mutation === 'extra') {
      if (Array.isArray(parent)) parent.push(hostile);
      else parent[extraKey] = hostile;
    } else parent[key] = hostile;
  });
}

export const mutationArb = fc.constantFrom<Mutation>('none', 'none', 'none', 'drop', 'extra', 'replace', 'replace', 'wholeBody');
export const extraKeyArb = fc.constantFrom('extra', 'workspaceId', 'id', '__proto__', 'constructor', 'admin', INJECTIONS[0]!, 'a'.repeat(300));

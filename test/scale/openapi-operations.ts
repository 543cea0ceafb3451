import type { App } from '../../src/http/types.ts';
import type { IdKind } from './full-workspace.ts';
import type { JsonSchema } from './schema-arbitrary.ts';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Parameter = { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema };

/** One path + method of the API as its OpenAPI document describes it. */
export type Operation = {
  method: Method;
  /** `/api/v1/links/{id}` */
  path: string;
  pathParams: Parameter[];
  query: Parameter[];
  body: JsonSchema | undefined;
  key: string;
};

/** Every operation in the app's own `GET /api/v1/openapi.json`. */
export async function loadOperations(app: App): Promise<Operation[]> {
  const res = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`openapi.json: ${res.statusCode}`);
  const doc = res.json() as { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase() as Method;
      const params = op.parameters ?? [];
      ops.push({
        method,
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        query: params.filter((p) => p.in === 'query'),
        body: op.requestBody?.content['application/json']?.schema,
        key: `${method} ${path}`,
      });
    }
  }
  return ops;
}

const SEGMENT_KIND: Record<string, IdKind> = {
  'api-keys': 'apiKey',
  influencers: 'influencer',
  campaigns: 'campaign',
  links: 'link',
  coupons: 'coupon',
  conversions: 'conversion',
  commissions: 'commission',
  batches: 'payoutBatch',
  partnerships: 'partnership',
  deliverables: 'deliverable',
  gifts: 'gift',
  'webhook-endpoints': 'webhookEndpoint',
  'webhook-deliveries': 'webhookDelivery',
  notifications: 'notification',
  postback: 'postbackToken',
  'commission-plans': 'influencer',
};

/** The kind of id a path parameter takes, from the segment before it (`/links/{id}` → link). */
export function idKindOf(path: string, param: string): IdKind | undefined {
  if (param === 'workspaceId') return 'workspace';
  if (param === 'influencerId') return 'influencer';
  const segments = path.split('/');
  const at = segments.indexOf(`{${param}}`);
  return at > 0 ? SEGMENT_KIND[segments[at - 1]!] : undefined;
}

/** The kind of id a body or query field takes, from its name (`campaignId`, `ids` …). */
export function fieldKindOf(name: string): IdKind | undefined {
  const map: Record<string, IdKind> = {
    influencerId: 'influencer',
    recruitedBy: 'influencer',
    campaignId: 'campaign',
    linkId: 'link',
    conversionId: 'conversion',
    partnershipId: 'partnership',
    ids: 'commission',
    workspaceId: 'workspace',
  };
  return map[name];
}

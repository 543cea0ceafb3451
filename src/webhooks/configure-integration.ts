import type { Selectable } from 'kysely';
import { getInstanceSecret } from '../db/instance-secret.ts';
import type { IntegrationsTable } from '../db/schema-conversions.ts';
import { audit } from '../shared/audit.ts';
import type { Context } from '../shared/context.ts';
import { encryptSecret } from '../shared/encryption.ts';
import { AppError } from '../shared/errors.ts';
import { randomBase62, sha256Hex } from '../shared/secrets.ts';
import { ConfigureIntegrationInput, type IntegrationDto, type Provider } from './schemas.ts';

const TOKEN_PREFIX: Partial<Record<Provider, string>> = { postback: 'pb_', snippet: 'pk_' };

/** Where each provider sends to, for the settings page and the answer of configure. */
export function endpointOf(provider: Provider, workspaceId: string, baseUrl: string, token?: string): string {
  if (provider === 'postback') return `${baseUrl}/api/v1/postback/${token ?? '<token>'}`;
  if (provider === 'snippet') return `<script src="${baseUrl}/t.js" data-key="${token ?? '<key>'}" async></script>`;
  return `${baseUrl}/api/v1/webhooks/${provider}/${workspaceId}`;
}

export function toIntegrationDto(row: Selectable<IntegrationsTable>, baseUrl: string): IntegrationDto {
  return {
    provider: row.provider,
    enabled: row.enabled,
    secretHint: row.secret_hint,
    requireSignature: row.options.requireSignature === true,
    endpoint: endpointOf(row.provider, row.workspace_id, baseUrl),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * Sets up an integration. Stripe, Shopify and WooCommerce: store the platform's signing secret
 * (encrypted). Postback and snippet: generate a token (shown once; stored hashed) and, for the
 * postback, an HMAC signing secret.
 * @returns the integration, plus `token`/`secret` when generated now
 */
export async function configureIntegration({ ctx, input }: { ctx: Context; input: { provider: Provider; baseUrl: string; config: ConfigureIntegrationInput } }) {
  const cfg = ConfigureIntegrationInput.parse(input.config);
  const { provider } = input;
  const existing = await ctx.db.selectFrom('integrations').selectAll().where('workspace_id', '=', ctx.workspaceId).where('provider', '=', provider).executeTakeFirst();
  const generates = provider === 'postback' || provider === 'snippet';
  if (!generates && !cfg.secret && !existing) throw new AppError('VALIDATION', `body.secret: the ${provider} signing secret is required to verify its webhooks`);
  const token = generates && (!existing || cfg.rotate) ? `${TOKEN_PREFIX[provider]}${randomBase62(32)}` : undefined;
  const generatedSecret = provider === 'postback' && (!existing || cfg.rotate) ? `pbs_${randomBase62(32)}` : undefined;
  const secret = cfg.secret ?? generatedSecret;
  const instanceSecret = await getInstanceSecret(ctx.db);
  const options = { ...(existing?.options ?? {}), ...(cfg.requireSignature !== undefined ? { requireSignature: cfg.requireSignature } : {}) };
  const row = await ctx.db.transaction().execute(async (trx) => {
    const values = {
      enabled: cfg.enabled,
      options: JSON.stringify(options),
      updated_at: new Date(),
      ...(secret ? { secret_encrypted: encryptSecret(secret, instanceSecret), secret_hint: `${secret.slice(0, 6)}…${secret.slice(-2)}` } : {}),
      ...(token ? { token_hash: sha256Hex(token) } : {}),
    };
    const saved = existing
      ? await trx.updateTable('integrations').set(values).where('workspace_id', '=', ctx.workspaceId).where('provider', '=', provider).returningAll().executeTakeFirstOrThrow()
      : await trx
          .insertInto('integrations')
          .values({ workspace_id: ctx.workspaceId, provider, secret_encrypted: values.secret_encrypted ?? encryptSecret('', instanceSecret), secret_hint: values.secret_hint ?? '', ...values })
          .returningAll()
          .executeTakeFirstOrThrow();
    await audit({ ...ctx, db: trx }, { workspaceId: ctx.workspaceId, action: 'integration.configured', subjectId: provider, data: { enabled: cfg.enabled, rotated: Boolean(token) } });
    return saved;
  });
  return {
    integration: { ...toIntegrationDto(row, input.baseUrl), endpoint: endpointOf(provider, ctx.workspaceId, input.baseUrl, token) },
    ...(token ? { token } : {}),
    ...(generatedSecret ? { signingSecret: generatedSecret } : {}),
  };
}

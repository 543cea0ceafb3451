import { z } from 'zod';

export const PROVIDERS = ['stripe', 'shopify', 'woocommerce', 'postback', 'snippet'] as const;
export type Provider = (typeof PROVIDERS)[number];

export const ProviderParam = z.strictObject({ provider: z.enum(PROVIDERS, { message: `provider must be one of ${PROVIDERS.join(', ')}` }) });

export const ConfigureIntegrationInput = z.strictObject({
  /** The signing secret the platform shows you (Stripe whsec_…, Shopify app secret, WooCommerce webhook secret). */
  secret: z.string().trim().min(8, 'secret must be at least 8 characters').max(500).optional(),
  enabled: z.boolean().default(true),
  /** Postback only: refuse unsigned postbacks. */
  requireSignature: z.boolean().optional(),
  /** Generate a new token (postback, snippet): the old one stops working. */
  rotate: z.boolean().default(false),
});
export type ConfigureIntegrationInput = z.input<typeof ConfigureIntegrationInput>;

export type IntegrationDto = {
  provider: Provider;
  enabled: boolean;
  secretHint: string;
  requireSignature: boolean;
  /** Where the platform must send its webhooks / fire its postback. */
  endpoint: string;
  createdAt: string;
  updatedAt: string;
};

import { z } from 'zod';

export const SCOPES = ['read', 'write'] as const;
export type Scope = (typeof SCOPES)[number];

export const CreateApiKeyInput = z.strictObject({
  name: z.string().trim().min(1).max(100).default('API key'),
  scopes: z
    .array(z.enum(SCOPES, { message: 'scopes may only contain "read" and "write"' }))
    .min(1, 'give at least one scope')
    .default(['read', 'write'])
    .transform((s) => [...new Set(s)]),
});
export type CreateApiKeyInput = z.input<typeof CreateApiKeyInput>;

export type ApiKeyDto = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

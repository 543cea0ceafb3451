export { createApiKey } from './create-api-key.ts';
export { listApiKeys } from './list-api-keys.ts';
export { revokeApiKey } from './revoke-api-key.ts';
export { verifyApiKey, type VerifyResult } from './verify-api-key.ts';
export { CreateApiKeyInput, SCOPES, type ApiKeyDto, type Scope } from './schemas.ts';
export { apiKeyRoutes } from './routes.ts';

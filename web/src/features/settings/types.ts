// Shapes of the settings-related API answers (see src/workspaces, src/campaigns, src/webhooks,
// src/outgoing-webhooks, src/api-keys and src/users on the server).

export type AttributionSettings = {
  model: 'last_click' | 'first_click';
  windowDays: number;
  precedence: 'coupon' | 'click';
  customerLifetime: { enabled: boolean; days: number | null };
  minClickToConversionSeconds: number;
  velocity: { windowMinutes: number; maxPerIpHash: number; maxPerCustomer: number };
};

export type WorkspaceSettings = {
  clickIdParam: string;
  uniqueWindowHours: number;
  attribution: AttributionSettings;
  payoutThresholds: Record<string, number>;
  payoutAccount?: { name: string; iban: string; bic: string | null };
};

export type Workspace = { id: string; slug: string; name: string; settings: WorkspaceSettings; createdAt: string };

export type CommissionPlan = Record<string, unknown> & { type: string };

export type Campaign = {
  id: string;
  name: string;
  slug: string;
  status: string;
  destinationUrl: string;
  allowedDomains: string[];
  commissionPlan: CommissionPlan | null;
  updatedAt: string;
};

export type Provider = 'stripe' | 'shopify' | 'woocommerce' | 'postback' | 'snippet';

export type Integration = {
  provider: Provider;
  enabled: boolean;
  secretHint: string;
  requireSignature: boolean;
  endpoint: string;
  createdAt: string;
  updatedAt: string;
};

export type IntegrationDelivery = { id: number; topic: string | null; verified: boolean; result: string; conversionId: string | null; error: string | null; receivedAt: string };

export type WebhookEndpoint = { id: string; url: string; description: string; events: string[]; enabled: boolean; secretHint: string; createdAt: string; updatedAt: string };

export type OutgoingDelivery = {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: string;
  attemptCount: number;
  lastStatusCode: number | null;
  payload: unknown;
  createdAt: string;
  deliveredAt: string | null;
  attempts: { statusCode: number | null; error: string | null; durationMs: number; at: string }[];
};

export type ApiKey = { id: string; name: string; prefix: string; scopes: string[]; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export type Member = { id: string; email: string; name: string | null; role: string; createdAt: string };

import { createHmac } from 'node:crypto';

/**
 * Customer ids and emails are stored only as keyed hashes (HMAC with the instance secret, scoped
 * to the workspace): equal inputs still match, but a dump cannot be reversed by guessing emails.
 */
export function hashCustomer(secret: string, workspaceId: string, kind: 'id' | 'email', value: string): string {
  const normalised = kind === 'email' ? value.trim().toLowerCase() : value.trim();
  return createHmac('sha256', secret).update(`${workspaceId}\u0000${kind}\u0000${normalised}`).digest('base64url').slice(0, 32);
}

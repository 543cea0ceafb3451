import { AppError } from '../shared/errors.ts';
import { buildDestinationUrl } from './build-destination-url.ts';

/**
 * Validates a link destination against the campaign's allowed domains and returns it normalised
 * (WHATWG serialisation), or throws a 400 that names the field and the reason.
 */
export function checkLinkDestination(url: string, allowedDomains: readonly string[]): string {
  const built = buildDestinationUrl({ destinationUrl: url, allowedDomains, utm: null, clickId: 'x' });
  if (!built.ok) {
    const allowed = allowedDomains.join(', ');
    const hint = built.code === 'DOMAIN_NOT_ALLOWED' ? ` (allowed: ${allowed})` : '';
    throw new AppError('VALIDATION', `destinationUrl: ${built.message}${hint}`);
  }
  return new URL(url.trim()).href;
}

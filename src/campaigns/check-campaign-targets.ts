import { isAllowedDestination, normaliseDomain } from '../links/build-destination-url.ts';
import { AppError } from '../shared/errors.ts';

/**
 * Why `url` can never be a redirect target, or null when it is a usable http(s) URL. Vetting it
 * against its own host reuses the redirect's checks (credentials, backslashes, odd hosts).
 * @example destinationUrlProblem('javascript:alert(1)') // 'destinationUrl must be an http or https URL'
 */
export function destinationUrlProblem(url: string): string | null {
  const s = url.trim();
  if (!/^https?:\/\//i.test(s)) {
    return /^[a-z][a-z0-9+.-]*:/i.test(s)
      ? 'destinationUrl must be an http or https URL'
      : 'destinationUrl must be an absolute URL starting with http:// or https://';
  }
  const host = hostOf(s);
  if (host === null || !isAllowedDestination(s, [host])) {
    return 'destinationUrl is not a valid URL (it needs a valid host and no user name, password, backslash or control character)';
  }
  return null;
}

/** The allow-list a campaign gets when none is given: the destination's own host. */
export function defaultAllowedDomains(destinationUrl: string): string[] {
  const host = hostOf(destinationUrl.trim()) ?? '';
  const normalised = normaliseDomain(host);
  if (!normalised.ok) {
    throw new AppError('VALIDATION', `destinationUrl: its host cannot be an allowed domain (${normalised.error}); pass allowedDomains`);
  }
  return [normalised.domain];
}

/**
 * The cross-field rules, checked on create and on the merged values of an update: the destination
 * must be on the allowed domains (else `/r/:code` would redirect off them) and the end after the start.
 */
export function assertCampaignTargets(v: { destinationUrl: string; allowedDomains: readonly string[]; startsAt: Date | null; endsAt: Date | null }): void {
  if (!isAllowedDestination(v.destinationUrl, v.allowedDomains)) {
    const host = hostOf(v.destinationUrl.trim()) ?? v.destinationUrl;
    throw new AppError('VALIDATION', `destinationUrl: ${host} is not on the campaign's allowedDomains (${v.allowedDomains.join(', ')})`);
  }
  if (v.startsAt && v.endsAt && v.endsAt.getTime() <= v.startsAt.getTime()) {
    throw new AppError('VALIDATION', `endsAt: must be after startsAt (${v.startsAt.toISOString()})`);
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/\.$/, '');
  } catch {
    return null;
  }
}

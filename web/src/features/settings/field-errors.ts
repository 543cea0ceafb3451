import { ApiError } from '../../lib/api.ts';

/**
 * The server names the failing field before a colon ("body.settings.attribution.windowDays: …",
 * "commissionPlan.tiers.0.from: …"). This returns the message for a field path, so the error can
 * sit under the input as well as in the banner.
 * @example fieldError(err, 'settings.attribution.windowDays') // 'windowDays must be at least 1 day'
 */
export function fieldError(err: unknown, path: string): string | null {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION') return null;
  const m = /^([\w.]+): (.*)$/s.exec(err.message);
  if (!m) return null;
  const where = m[1]!.replace(/^body\./, '');
  return where === path || where.startsWith(path + '.') ? m[2]! : null;
}

/** A whole number typed in a number input, or NaN when empty (the server then says what is missing). */
export function toInt(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** The error for a banner: a validation message without its technical field path ("body.settings.x: "). */
export function friendly(err: unknown): unknown {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION') return err;
  const m = /^[\w.]+: (.*)$/s.exec(err.message);
  return m ? new ApiError(err.status, err.code, m[1]!, err.requestId) : err;
}

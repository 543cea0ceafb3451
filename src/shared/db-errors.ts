/** True when a database error is a unique-constraint violation (SQLSTATE 23505) on either engine. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string; message?: string } | null;
  if (!e || e.code !== '23505') return false;
  return constraint === undefined || e.constraint === constraint || (e.message ?? '').includes(constraint);
}

/** True when the error means the database could not be reached (connection refused, reset, shut down). */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  if (!e) return false;
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P03', '08006', '08001', '08003'].includes(e.code ?? '')) return true;
  return /Connection terminated|connect ECONNREFUSED|terminating connection/i.test(e.message ?? '');
}

/** True when a value cannot be stored as text: a NUL character (SQLSTATE 22021), or \u0000 in JSON (22P05). */
export function isUnstorableText(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === '22021' || code === '22P05';
}

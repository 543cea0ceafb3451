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
  // node-postgres: a client whose socket died answers later queries (a transaction's ROLLBACK) with "… is not queryable".
  return /Connection terminated|connect ECONNREFUSED|terminating connection|is not queryable/i.test(e.message ?? '');
}

/**
 * True when no pooled connection came in time: the server is unreachable (connect timed out) or
 * every connection stayed busy while the request waited its turn (overload).
 */
export function isPoolTimeout(err: unknown): boolean {
  return /timeout exceeded when trying to connect/i.test((err as { message?: string } | null)?.message ?? '');
}

/**
 * Why PostgreSQL refused a value a request carried, or null: NUL in text (SQLSTATE 22021), \u0000
 * in JSON (22P05), a date outside its range such as year 0 (22008), or before 1 BC as JavaScript
 * writes it ('-000001-…', 22007).
 */
export function unstorableValue(err: unknown): 'text' | 'date' | null {
  const code = (err as { code?: string } | null)?.code;
  return code === '22021' || code === '22P05' ? 'text' : code === '22008' || code === '22007' ? 'date' : null;
}

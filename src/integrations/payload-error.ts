/**
 * Thrown inside a normaliser when a payload that passed the schema still cannot become a
 * conversion (an amount with more decimals than its currency, an unknown currency). Each
 * `…ToResult` entry point catches it and answers `ignored` with the message, so a bad delivery
 * is logged with its reason instead of failing the request.
 */
export class PayloadError extends Error {
  override name = 'PayloadError';
}

/**
 * Runs a normaliser, turning a PayloadError into an `ignored` result.
 * @example catchPayloadError(() => orderToSale(order)) // the sale, or { kind: 'ignored', reason: 'invalid payload: …' }
 */
export function catchPayloadError<T>(run: () => T): T | { kind: 'ignored'; reason: string } {
  try {
    return run();
  } catch (err) {
    if (err instanceof PayloadError) return { kind: 'ignored', reason: `invalid payload: ${err.message}` };
    throw err;
  }
}

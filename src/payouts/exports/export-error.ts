import { AppError } from '../../shared/errors.ts';
import type { LineProblem } from './types.ts';

// Enough to read in a toast or a CLI line; the full list travels in `details.problems`.
const SHOWN = 5;

/**
 * The one error every exporter throws when a batch cannot be written in a format: it lists
 * every problem at once, so an operator fixes them in one pass rather than one per retry.
 * @example throw payoutExportError('pay_1', 'SEPA XML', [{ itemId: 'pit_1', message: 'no IBAN' }])
 * // AppError VALIDATION: 'Cannot export batch pay_1 as SEPA XML: pit_1: no IBAN'
 */
export function payoutExportError(batchId: string, format: string, problems: readonly LineProblem[], extra: Record<string, unknown> = {}): AppError {
  const listed = problems.slice(0, SHOWN).map((p) => (p.itemId === null ? p.message : `${p.itemId}: ${p.message}`));
  const more = problems.length > SHOWN ? `; and ${problems.length - SHOWN} more` : '';
  return new AppError('VALIDATION', `Cannot export batch ${batchId} as ${format}: ${listed.join('; ')}${more}`, {
    details: { batchId, format, problems: [...problems], ...extra },
  });
}

import { z } from 'zod';
import { AppError } from '../shared/errors.ts';

/**
 * Where a search page ended: the sort value and id of its last row (keyset), or for fit, which
 * ranks in memory, the offset and a digest of the query so a cursor is not reused on another one.
 */
const Cursor = z.union([
  z.strictObject({ s: z.enum(['engagement', 'followers', 'authenticity']), v: z.number(), id: z.string().min(1).max(100) }),
  z.strictObject({ s: z.literal('fit'), o: z.number().int().min(0), q: z.string().max(64) }),
]);
export type SearchCursor = z.infer<typeof Cursor>;

/** Opaque to clients: base64url JSON. */
export function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeSearchCursor(text: string, sort: SearchCursor['s']): SearchCursor {
  let cursor: SearchCursor;
  try {
    cursor = Cursor.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('VALIDATION', 'cursor: not a cursor returned by this search (pass nextCursor unchanged)');
  }
  if (cursor.s !== sort) throw new AppError('VALIDATION', `cursor: it belongs to a search sorted by ${cursor.s}, not ${sort}`);
  return cursor;
}

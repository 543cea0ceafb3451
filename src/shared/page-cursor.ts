import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../shared/errors.ts';

/** Keyset position after the last row of a page: created_at (text, microseconds) and id. */
export type PageCursor = { at: string; id: string };

const CursorShape = z.strictObject({ at: z.iso.datetime({ offset: true, precision: 6 }), id: z.string().min(1).max(100) });

/** Opaque to clients: base64url JSON, so its shape can change without breaking anyone. */
export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string): PageCursor {
  try {
    return CursorShape.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('VALIDATION', 'cursor: not a cursor returned by this list (pass nextCursor unchanged)');
  }
}

/** `%q%` for ILIKE with the pattern characters of q escaped (backslash is PostgreSQL's default escape). */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * created_at as the cursor's microsecond text, selected with the page itself (a JS Date keeps only
 * milliseconds, so it cannot rebuild the cursor exactly).
 */
export const cursorAtColumn = (column = 'created_at') =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

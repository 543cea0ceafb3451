import type { Selectable } from 'kysely';
import type { WorkspacesTable } from '../db/schema.ts';
import type { WorkspaceDto } from './schemas.ts';
import { readSettings } from './settings.ts';

export function toWorkspaceDto(row: Selectable<WorkspacesTable>): WorkspaceDto {
  return { id: row.id, slug: row.slug, name: row.name, settings: readSettings(row.settings), createdAt: row.created_at.toISOString() };
}

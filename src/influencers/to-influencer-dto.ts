import type { Selectable } from 'kysely';
import type { InfluencersTable } from '../db/schema.ts';
import { HANDLE_PLATFORMS, type Handles, type InfluencerDto } from './schemas.ts';

/** Only known platforms with a string value leave the database, in a fixed key order. */
export function toInfluencerDto(row: Selectable<InfluencersTable>): InfluencerDto {
  const stored = (typeof row.handles === 'string' ? JSON.parse(row.handles) : row.handles) as Record<string, unknown>;
  const handles: Handles = {};
  for (const platform of HANDLE_PLATFORMS) {
    const value = stored[platform];
    if (typeof value === 'string') handles[platform] = value;
  }
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    handles,
    status: row.status,
    recruitedBy: row.recruited_by ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

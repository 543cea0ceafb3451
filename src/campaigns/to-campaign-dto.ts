import type { Selectable } from 'kysely';
import type { CampaignsTable } from '../db/schema.ts';
import type { CampaignDto } from './schemas.ts';

export function toCampaignDto(row: Selectable<CampaignsTable>): CampaignDto {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    destinationUrl: row.destination_url,
    allowedDomains: row.allowed_domains,
    utmEnabled: row.utm_enabled,
    startsAt: row.starts_at?.toISOString() ?? null,
    endsAt: row.ends_at?.toISOString() ?? null,
    status: row.status,
    commissionPlan: row.commission_plan ?? null,
    goal: row.goal ?? null,
    brief: row.brief ?? {},
    budget: row.budget_amount !== null && row.budget_amount !== undefined && row.budget_currency ? { amount: Number(row.budget_amount), currency: row.budget_currency } : null,
    guidelines: row.guidelines ?? null,
    deliverablesTemplate: row.deliverables_template ?? [],
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

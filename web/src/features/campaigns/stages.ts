// Pipeline stages of a partnership (src/partnerships/schemas.ts STAGES), in board order.
export const STAGES = ['prospect', 'contacted', 'negotiating', 'active', 'completed', 'declined'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<string, string> = {
  prospect: 'Prospect',
  contacted: 'Contacted',
  negotiating: 'Negotiating',
  active: 'Active',
  completed: 'Completed',
  declined: 'Declined',
};

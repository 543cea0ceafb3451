// Shapes of the campaign, partnership and report answers this feature reads.
import type { Terms } from './terms-fields.tsx';

export type Campaign = {
  id: string;
  name: string;
  slug: string;
  destinationUrl: string;
  allowedDomains: string[];
  utmEnabled: boolean;
  startsAt: string | null;
  endsAt: string | null;
  status: 'draft' | 'active' | 'paused' | 'ended' | 'archived';
  commissionPlan: Record<string, unknown> | null;
  goal: string | null;
  brief: { text?: string; niches?: string[]; targetAudience?: { countries?: string[]; ages?: string[]; genders?: string[] } };
  budget: { amount: number; currency: string } | null;
  guidelines: string | null;
  deliverablesTemplate: { type: string; count: number; dueInDays: number }[];
  createdAt: string;
  updatedAt: string;
};

export type Partnership = { id: string; campaignId: string; influencerId: string; stage: string; terms: Terms; createdAt: string; updatedAt: string };

export type Deliverable = {
  id: string;
  partnershipId: string;
  type: string;
  dueAt: string;
  status: 'due' | 'submitted' | 'approved' | 'live' | 'overdue';
  postUrl: string | null;
  fee: { amount: number; currency: string } | null;
  feeCommissionId: string | null;
  liveAt: string | null;
  post: { format: string; postedAt: string; likes: number; comments: number; shares: number; saves: number; views: number | null; engagementRate: number | null } | null;
};

export type Gift = { id: string; partnershipId: string; product: string; value: number; currency: string; status: 'to_ship' | 'shipped' | 'delivered'; shippedAt: string | null; deliveredAt: string | null };

export type PartnershipDetail = Partnership & {
  history: { from: string | null; to: string; actor: string; note: string | null; at: string }[];
  deliverables: Deliverable[];
  gifts: Gift[];
};

export type Influencer = { id: string; name: string; email: string | null; handles: Record<string, string>; status: string };

export type ClickRow = { key: string; label: string | null; clicks: number; humanClicks: number; uniqueClicks: number; botClicks: number };
export type ClickReport = { from: string; to: string; rows: ClickRow[] };

export const STATUS_TONES: Record<string, 'good' | 'warn' | 'bad' | 'info' | 'neutral'> = { active: 'good', draft: 'neutral', paused: 'warn', ended: 'info', archived: 'neutral' };
export const GOAL_LABELS: Record<string, string> = { awareness: 'Awareness', leads: 'Leads', sales: 'Sales' };

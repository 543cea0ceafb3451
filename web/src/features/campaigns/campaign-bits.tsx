import { Badge } from '../../components/ui.tsx';
import { formatDate } from '../../lib/format.ts';
import { STATUS_TONES, type Campaign } from './types.ts';

export function CampaignStatus({ status }: { status: string }) {
  return <Badge tone={STATUS_TONES[status] ?? 'neutral'}>{status}</Badge>;
}

export const campaignDates = (c: Pick<Campaign, 'startsAt' | 'endsAt'>) =>
  c.startsAt || c.endsAt ? `${c.startsAt ? formatDate(c.startsAt) : 'open'} – ${c.endsAt ? formatDate(c.endsAt) : 'open-ended'}` : 'No dates';

import { PageHeader } from '../../components/ui.tsx';

// Placeholder until the page is built.
export default function CampaignPage(_props: Record<string, unknown>) {
  return <PageHeader title="CampaignPage" description="Coming soon." />;
}

import { PageHeader } from '../../components/ui.tsx';

// Placeholder until the page is built.
export default function CampaignsPage(_props: Record<string, unknown>) {
  return <PageHeader title="CampaignsPage" description="Coming soon." />;
}

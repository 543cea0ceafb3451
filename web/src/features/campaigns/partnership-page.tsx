import { PageHeader } from '../../components/ui.tsx';

// Placeholder until the page is built.
export default function PartnershipPage(_props: Record<string, unknown>) {
  return <PageHeader title="PartnershipPage" description="Coming soon." />;
}

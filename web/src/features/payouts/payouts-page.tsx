import { PageHeader } from '../../components/ui.tsx';

// Placeholder until the page is built.
export default function PayoutsPage(_props: Record<string, unknown>) {
  return <PageHeader title="PayoutsPage" description="Coming soon." />;
}

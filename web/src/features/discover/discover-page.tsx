import { PageHeader } from '../../components/ui.tsx';

// Placeholder until the page is built.
export default function DiscoverPage(_props: Record<string, unknown>) {
  return <PageHeader title="DiscoverPage" description="Coming soon." />;
}

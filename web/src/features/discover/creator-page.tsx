import { PageHeader } from '../../components/ui.tsx';

// Placeholder until the page is built.
export default function CreatorPage(_props: Record<string, unknown>) {
  return <PageHeader title="CreatorPage" description="Coming soon." />;
}

import { PageHeader } from '../../components/ui.tsx';

// Placeholder until the page is built.
export default function ConversionsPage(_props: Record<string, unknown>) {
  return <PageHeader title="ConversionsPage" description="Coming soon." />;
}

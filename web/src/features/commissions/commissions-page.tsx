import { PageHeader } from '../../components/ui.tsx';

// Placeholder until the page is built.
export default function CommissionsPage(_props: Record<string, unknown>) {
  return <PageHeader title="CommissionsPage" description="Coming soon." />;
}
